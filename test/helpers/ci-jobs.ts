/**
 * The CI examples (`examples/ci/`) as scripts: their jobs' shell lines run in
 * bash, in a workspace of their own, the way the runner would run them.
 *
 * - `npx parity` is the package bin on a bundle of the current sources; `npm
 *   ci` does nothing (the suite runs after it); any other `npm`/`npx` fails.
 * - The example targets (`127.0.0.1:3100`, `127.0.0.1:4110`) are replaced by
 *   the bundled servers the test started, in the scripts and their variables.
 * - `./scripts/start-services.sh`, the step each example leaves to the user,
 *   is a stub in every workspace: the test started the servers.
 */
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyBundle } from './bundle.js';

/** Shell functions standing in for `npm` and `npx`. */
const PRELUDE = `
npx() {
  if [ "$1" = parity ]; then shift; node "$PARITY_BIN" "$@"; return; fi
  echo "ci example test: only 'npx parity' runs here (got: npx $*)" >&2; return 127
}
npm() {
  if [ "$*" = ci ]; then return 0; fi
  echo "ci example test: 'npm $*' is not run here" >&2; return 127
}
`;

export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `script` in bash with `-eo pipefail` (as both runners do) in `cwd`, with `env` only. */
export function runScript(
  script: string,
  options: { readonly cwd: string; readonly env: Readonly<Record<string, string>> },
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', PRELUDE + script],
      {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal === null ? 1 : 128), stdout, stderr }),
    );
  });
}

/** A package folder holding `bin/` and the bundle of the current sources (the run's, copied); resolves with the bin. */
export async function bundledBin(root: string): Promise<string> {
  const pkg = await mkdtemp(join(tmpdir(), 'parity-ci-bin-'));
  await cp(join(root, 'bin'), join(pkg, 'bin'), { recursive: true });
  await copyBundle(join(pkg, 'dist'));
  // The bundle imports the dependencies it leaves out from beside it, as when installed.
  await symlink(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  return join(pkg, 'bin', 'parity.js');
}

/** A fresh workspace in `parent`: the checkout's case library and the stubbed start script. */
export async function workspace(root: string, parent: string, name: string): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  await cp(join(root, 'cases'), join(dir, 'cases'), { recursive: true });
  const start = join(dir, 'scripts', 'start-services.sh');
  await mkdir(dirname(start), { recursive: true });
  await writeFile(start, '#!/bin/sh\n# The test started the two servers already.\nexit 0\n');
  await chmod(start, 0o755);
  return dir;
}

/** The variables every job sees: a clean environment (no variable of the test's own CI run). */
export function baseEnv(bin: string, home: string): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: home,
    NO_COLOR: '1',
    PARITY_BIN: bin,
    CI: 'true',
  };
}

/** A text's example targets (`127.0.0.1:3100` serde-style, `:4110` Go-style) as the started servers. */
export function withTargets(text: string, targets: { serde: string; go: string }): string {
  const host = (url: string) => url.replace(/^http:\/\//, '');
  return text
    .replaceAll('127.0.0.1:3100', host(targets.serde))
    .replaceAll('127.0.0.1:4110', host(targets.go));
}

/** Every file's path under `dir`, relative to it, sorted (symlinks listed, not followed). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
