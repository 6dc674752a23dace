// Shared by every pair's start.js: install third-party servers into a
// git-ignored cache (never into the repository), start both on free loopback
// ports with fresh state, print one READY line, and stop them on SIGTERM.
//
// Contract with corpus/run.js: a start.js prints exactly one line
//   READY {"baseline":{"name":"…","url":"http://127.0.0.1:…"},"candidate":{…}}
// on stdout once both servers answer, then waits. SIGTERM (or SIGINT) stops
// every process it started and removes its temporary state.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** corpus/.cache: git-ignored; each npm install lives in its own folder there. */
export const cacheRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache');

/** A free TCP port on 127.0.0.1 (the OS picks it; closed before returning). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A fresh temporary folder for one server's state; removed on stop. */
export function freshDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `parity-corpus-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Installs `spec` (e.g. `s3rver@3.7.1`) from the npm registry into
 * corpus/.cache/<folder> unless it is there already; returns the folder.
 * `ignoreScripts` skips every install script: for a server whose optional
 * native dependencies (a database driver it does not use here) would need a
 * compiler.
 */
export function npmInstall(folder, specs, { ignoreScripts = false } = {}) {
  const dir = join(cacheRoot, folder);
  const marker = join(dir, '.installed');
  if (existsSync(marker)) return dir;
  // A package's install script may look upward for a `.git` folder and write
  // into its hooks (solid-server 5.8.8 pulls in @fastify/pre-commit, which
  // installed a pre-commit hook into the checkout): an empty `.git` here is
  // the first one such a walk finds, so whatever it writes stays in the cache.
  mkdirSync(join(dir, '.git', 'hooks'), { recursive: true });
  log(`installing ${specs.join(' ')} into ${dir}`);
  const res = spawnSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-save',
      ...(ignoreScripts ? ['--ignore-scripts'] : []),
      '--prefix',
      dir,
      ...specs,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (res.status !== 0) fail(`npm install ${specs.join(' ')} failed (exit ${res.status})`);
  spawnSync('touch', [marker]);
  return dir;
}

/** Installs Debian packages with apt-get unless every binary in `bins` exists. */
export function aptInstall(packages, bins) {
  if (bins.every((bin) => existsSync(bin))) return;
  log(`installing Debian packages ${packages.join(' ')} (apt-get, needs root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const res = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  if (res.status !== 0) fail(`apt-get install ${packages.join(' ')} failed (exit ${res.status})`);
  for (const bin of bins) if (!existsSync(bin)) fail(`${bin} is missing after apt-get install`);
}

const children = [];
const cleanups = [];

/** Starts one server process; its output goes to stderr, prefixed by nothing. */
export function startProcess(label, command, args, options = {}) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  child.stdout.on('data', (d) => process.stderr.write(`[${label}] ${d}`));
  child.stderr.on('data', (d) => process.stderr.write(`[${label}] ${d}`));
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${label} exited early (code ${code}, signal ${signal})`);
  });
  children.push(child);
  return child;
}

/** Resolves once `url` answers any HTTP status; fails after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) fail(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

let stopping = false;

function stop() {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const cleanup of cleanups) cleanup();
    process.exit(0);
  }, 500).unref();
}

export function log(message) {
  process.stderr.write(`corpus: ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`corpus: ${message}\n`);
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) cleanup();
  process.exit(1);
}

/**
 * Runs `start` (which installs and starts both servers and returns their
 * targets), prints the READY line, then keeps the servers up until SIGTERM.
 */
export async function supervise(start) {
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    const targets = await start();
    process.stdout.write(`READY ${JSON.stringify(targets)}\n`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  setInterval(() => {}, 1 << 30);
}
