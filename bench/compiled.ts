import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A module of the compiled build (dist/src/…, what `npm start` and the `sitrep` bin run), typed as its source. The
 * ingestion case measures it rather than the TypeScript under tsx, which wraps every function to keep its name and
 * runs the same code 10–15 % slower. `npm run bench` builds first, so dist/ is current.
 */
export async function compiledModule<T>(srcPath: string): Promise<T> {
  const file = fileURLToPath(new URL(`../dist/src/${srcPath}`, import.meta.url));
  if (!existsSync(file)) throw new Error(`bench: ${file} is missing: run \`npm run build\` first`);
  return (await import(pathToFileURL(file).href)) as T;
}
