/**
 * The folder of the installed package (the one whose `package.json` is
 * `http-parity`'s): where `parity demo` finds the bundled reference servers,
 * the example cases and the example's tracker. Found by walking up from this
 * code's own folder, which is `dist/` in the bundle,
 * `dist/util/` as tsc emits it and `src/util/` under the tests; else from
 * the script Node runs (the package's `bin/parity.js`, through npm's
 * `.bin` link), for a `dist/` that is a link to a build elsewhere.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'http-parity';

/** This module's folder: `__dirname` in a CommonJS bundle, else from `import.meta.url`. */
function ownFolder(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

function isPackageRoot(folder: string): boolean {
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function rootAbove(from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    if (isPackageRoot(folder)) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

function scriptFolder(script: string | undefined): string | undefined {
  if (script === undefined) return undefined;
  try {
    return dirname(realpathSync(script));
  } catch {
    return undefined;
  }
}

/**
 * The package's root folder, above this code or else above `script` (the
 * script Node runs: `Host.script`); throws when neither is in the package
 * (never, once installed).
 */
export function packageRoot(script?: string): string {
  const own = ownFolder();
  const scripts = scriptFolder(script);
  const root = rootAbove(own) ?? (scripts === undefined ? undefined : rootAbove(scripts));
  if (root === undefined) throw new Error(`parity: no ${PACKAGE_NAME} package.json above ${own}`);
  return root;
}
