// Preload (`node --import <this file> …`): when the process exits, appends every module it loaded to the file
// named by SITREP_LIST_MODULES, one path or URL a line. ES modules are seen by a resolve hook (which runs in
// Node's hooks thread, so it writes to the file itself); CommonJS modules are whatever is in the require cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.SITREP_LIST_MODULES;
if (out) {
  register('./list-modules-hooks.mjs', import.meta.url, { data: { out } });
  const Module = createRequire(import.meta.url)('node:module');
  process.on('exit', () => {
    const cjs = Object.keys(Module._cache);
    if (cjs.length > 0) appendFileSync(out, `${cjs.join('\n')}\n`);
  });
}
