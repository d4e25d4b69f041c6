// Module hooks for hide-dev-dependencies.mjs: an ES module import that resolves into a dev-only package fails.
import { fileURLToPath } from 'node:url';

let hidden = [];
export function initialize(data) {
  hidden = data.hidden;
}

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.startsWith('file:')) {
    const file = fileURLToPath(r.url);
    if (hidden.some((dir) => file.startsWith(dir))) {
      const err = new Error(`Cannot find package '${specifier}' (a devDependency, hidden as in a production install)`);
      err.code = 'ERR_MODULE_NOT_FOUND';
      throw err;
    }
  }
  return r;
}
