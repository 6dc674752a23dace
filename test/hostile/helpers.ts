/**
 * Helpers for the hostile suite: the bundled bin in a temp package (so real
 * signals and `kill -9` hit a real process), raw TCP servers that answer with
 * whatever bytes a test wants, and read-only folders that hold even for root.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { copyBundle } from '../helpers/bundle.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bin of a temp package holding the bundled CLI (bundled once per run, copied once per test file). */
let bundled: Promise<string> | undefined;
export function bundledBin(): Promise<string> {
  bundled ??= (async () => {
    const pkg = await mkdtemp(join(tmpdir(), 'parity-hostile-bin-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    await copyBundle(join(pkg, 'dist'));
    return join(pkg, 'bin', 'parity.js');
  })();
  return bundled;
}

/**
 * The bin, with the packages its bundle leaves external (the OpenAPI parser,
 * fast-check) beside it, as an install has them (linked once per package).
 */
export async function bundledBinWithPackages(): Promise<string> {
  const bin = await bundledBin();
  await symlink(join(ROOT, 'node_modules'), join(dirname(dirname(bin)), 'node_modules')).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return bin;
}

export interface BinOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running bin: its process, and its outcome once it exits. */
export interface RunningBin {
  readonly child: ChildProcess;
  readonly done: Promise<BinOutcome>;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
}

/** Starts `node <bin> args…` in `cwd`. */
export async function startBin(
  args: readonly string[],
  cwd: string,
  options: { env?: Record<string, string>; uid?: number; gid?: number; packages?: boolean } = {},
): Promise<RunningBin> {
  const bin = options.packages === true ? await bundledBinWithPackages() : await bundledBin();
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<BinOutcome>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

/** Runs the bin to its exit. */
export async function runBin(
  args: readonly string[],
  cwd: string,
  options: { env?: Record<string, string> } = {},
): Promise<BinOutcome> {
  return (await startBin(args, cwd, options)).done;
}

/** Waits until `check` holds (polling), or throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Whether the process `pid` catches SIGINT right now (Linux: the `SigCgt` mask
 * of `/proc/PID/status`); undefined once it is gone. A Node process catches it
 * while a listener is registered and has the default action otherwise.
 */
export async function catchesSigint(pid: number): Promise<boolean | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const mask = status === undefined ? undefined : /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  if (mask === undefined) return undefined;
  // SIGINT is signal 2: bit 1 of the mask.
  return (BigInt(`0x${mask}`) & 2n) !== 0n;
}

/** A TCP server on 127.0.0.1 whose every request gets the bytes `answer` returns. */
export interface RawServer {
  readonly url: string;
  /** Requests received (their head and body as text). */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startRawServer(
  answer: (request: string, socket: Socket) => void,
): Promise<RawServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const head = buffered.indexOf('\r\n\r\n');
      if (head === -1) return;
      const length = Number(/content-length: *(\d+)/i.exec(buffered.slice(0, head))?.[1] ?? 0);
      if (buffered.length < head + 4 + length) return;
      const request = buffered.slice(0, head + 4 + length);
      buffered = buffered.slice(head + 4 + length);
      requests.push(request);
      answer(request, socket);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP/1.1 response as bytes. */
export function httpResponse(
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = [
    `HTTP/1.1 ${status} X`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `content-length: ${bytes.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

/** Every file under `dir` (recursively), as [path, text]. */
export async function filesUnder(dir: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push([path, await readFile(path, 'latin1')]);
  }
  return out;
}

/** Whether this process runs as root (root ignores permission bits). */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Makes `dir` refuse new files, even to root (which ignores permission bits):
 * `chattr +i` as root, `chmod 555` otherwise. Returns the undo, or undefined
 * when the file system cannot do it (the test is then skipped).
 */
export async function makeReadOnly(dir: string): Promise<(() => Promise<void>) | undefined> {
  if (!isRoot()) {
    await chmod(dir, 0o555);
    return () => chmod(dir, 0o755);
  }
  try {
    await exec('chattr', ['+i', dir]);
  } catch {
    return undefined;
  }
  return async () => {
    await exec('chattr', ['-i', dir]);
  };
}

/** Creates a FIFO at `path` (mkfifo). */
export async function mkfifo(path: string): Promise<void> {
  await exec('mkfifo', [path]);
}

/** Creates a character device like /dev/null at `path` (root only); false when it cannot. */
export async function mknodNull(path: string): Promise<boolean> {
  try {
    await exec('mknod', [path, 'c', '1', '3']);
    return (await stat(path)).isCharacterDevice();
  } catch {
    return false;
  }
}

/** A process id that is certainly not running: a child that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid ?? 0;
  await new Promise((resolve) => child.on('close', resolve));
  return pid;
}
