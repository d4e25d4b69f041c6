// Module hooks for list-modules.mjs: record every ES module (and CommonJS module imported from one) as it resolves.
import { appendFileSync } from 'node:fs';

let out;
export function initialize(data) {
  out = data.out;
}

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (out && !r.url.startsWith('node:')) appendFileSync(out, `${r.url}\n`);
  return r;
}
