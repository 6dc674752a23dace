// `npm run demo` builds only when the build is older than what it is built
// from: the sources, the build scripts, the compiler settings and the
// dependencies. A checkout that `npm ci` just built (its `prepare`) or that ran
// the demo before starts the demo at once instead of rebuilding (~45 s cold).
// Usage: node scripts/build-if-stale.mjs   (runs `npm run build` when stale)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: folders (walked) and files, relative to the project root. */
export const BUILD_INPUTS = [
  'src',
  'scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** What the build writes last (scripts/bundle.mjs): its time is the build's. */
export const BUILD_OUTPUT = 'dist/parity.cjs';

/** The newest modification time (ms) under `path`, 0 when it does not exist. */
function newestUnder(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)));
  return newest;
}

/** The inputs changed since the last build, or the build is missing. */
export function buildIsStale(root) {
  const built = newestUnder(join(root, BUILD_OUTPUT));
  if (built === 0) return true;
  return BUILD_INPUTS.some((input) => newestUnder(join(root, input)) > built);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (buildIsStale(root)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { status } = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
    process.exitCode = status ?? 1;
  }
}
