/**
 * The package as a user gets it: `npm pack` of the current sources, installed
 * from the tarball into a fresh project, with no network.
 *
 * - Packing runs in a temp copy of what the package is built from (its
 *   `node_modules` a symlink to the checkout's), so `prepack` builds `dist/`
 *   there and the checkout's own `dist/` is never touched. When the
 *   checkout's `dist/` is fresh (`scripts/build-if-stale.mjs`: built from
 *   the current sources, as `npm test` leaves it), it is copied instead and
 *   packed without `prepack`: the same files, without a second whole build
 *   (tsc and esbuild, ~1-3 minutes of the suite on a loaded machine).
 * - Installing is `npm i -D --offline ./<tarball>` in a project whose
 *   `package-lock.json` already lists the package's runtime dependencies,
 *   copied from the checkout's lockfile: npm then takes every tarball from its
 *   cache (filled by the `npm ci` the suite runs after) and asks no registry.
 *   `--offline` turns any request npm would make into a cache miss, an error.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildIsStale } from '../../scripts/build-if-stale.mjs';

const exec = promisify(execFile);

/** What the package is built and packed from (the rest of the checkout stays out). */
const PACKED_FROM = [
  'bin',
  'src',
  'schema',
  'scripts',
  'CHANGELOG.md',
  'README.md',
  'docs',
  'examples/ci',
  'examples/servers',
  'examples/demo.config.yaml',
  'cases',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

/**
 * npm with no network: `offline` makes every request a cache lookup that fails
 * rather than fetch (the registry stays the default one, as the cache's keys
 * are its URLs); its logs in `logs`.
 */
export function offlineNpmEnv(logs: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_logs_dir: logs,
    NO_COLOR: '1',
  };
}

/** `npm pack` of the checkout at `root` into `dir`; resolves with the tarball's path. */
export async function packPackage(root: string, dir: string): Promise<string> {
  const source = join(dir, 'package-source');
  await mkdir(source);
  for (const entry of PACKED_FROM) {
    await cp(join(root, entry), join(source, entry), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  const built = !buildIsStale(root);
  if (built) await cp(join(root, 'dist'), join(source, 'dist'), { recursive: true });
  const pack = ['pack', '--pack-destination', dir, ...(built ? ['--ignore-scripts'] : [])];
  await exec('npm', pack, {
    cwd: source,
    env: offlineNpmEnv(dir),
    maxBuffer: 64 * 1024 * 1024,
  });
  // npm names an unscoped package's tarball NAME-VERSION.tgz.
  const { name, version }: { name: string; version: string } = JSON.parse(
    await readFile(join(root, 'package.json'), 'utf8'),
  );
  return join(dir, `${name}-${version}.tgz`);
}

interface LockEntry {
  readonly dev?: boolean;
}

/** The checkout's lockfile entries of the package's runtime dependencies, by path. */
async function runtimeLockEntries(root: string): Promise<Record<string, unknown>> {
  const lock: { packages: Record<string, LockEntry> } = JSON.parse(
    await readFile(join(root, 'package-lock.json'), 'utf8'),
  );
  return Object.fromEntries(
    Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true),
  );
}

/**
 * A fresh project in `project` with the tarball installed as a dev dependency,
 * offline (npm's logs in `logs`). Rejects when npm fails: its cache lacks a
 * dependency (run `npm ci` in the checkout first).
 */
export async function installPacked(options: {
  readonly root: string;
  readonly project: string;
  readonly tarball: string;
  readonly logs: string;
}): Promise<void> {
  const { root, project, tarball, logs } = options;
  const name = 'parity-install-test';
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true }, null, 2)}\n`,
  );
  const packages = { '': { name, version: '1.0.0' }, ...(await runtimeLockEntries(root)) };
  await writeFile(
    join(project, 'package-lock.json'),
    `${JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  await exec('npm', ['install', '--save-dev', tarball], { cwd: project, env: offlineNpmEnv(logs) });
}
