// Preload (`node --import <this file> …`): makes every package that package-lock.json marks dev-only impossible to
// load, as after `npm ci --omit=dev`, without reinstalling anything. A module that needs one fails as it would in
// production; one that only tries one (`try { require('supports-color') } catch {}`) carries on.
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const hidden = Object.entries(lock.packages)
  .filter(([key, v]) => key !== '' && v.dev === true)
  .map(([key]) => join(root, key) + sep);

register('./hide-dev-dependencies-hooks.mjs', import.meta.url, { data: { hidden } });

const Module = createRequire(import.meta.url)('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolveFilename.call(this, request, ...rest);
  if (hidden.some((dir) => file.startsWith(dir))) {
    const err = new Error(`Cannot find module '${request}' (a devDependency, hidden as in a production install)`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return file;
};
