/**
 * `parity demo`'s use case: the bundled example, from the package itself, in
 * any folder. It starts the two reference servers the package ships
 * (`examples/servers/`: a serde-style baseline and a Go-style candidate, each
 * a process of its own, as two runtimes are) and says where the example's
 * cases and tracker are; the command runs `parity run` on them or keeps the
 * servers up for the user's own first loop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { access, copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { ParityError } from '../util/errors.js';
import { packageRoot } from '../util/package-root.js';

/** The example's two servers: `rust` (serde-style) is the baseline, `go` the candidate. */
export const DEMO_TARGETS = [
  { name: 'rust', flavor: 'serde', port: 3100 },
  { name: 'go', flavor: 'go', port: 4110 },
] as const;

export interface DemoServer {
  readonly name: string;
  readonly url: string;
}

export interface DemoServers {
  readonly baseline: DemoServer;
  readonly candidate: DemoServer;
  /** Stops both processes; resolves when they have exited. */
  stop(): Promise<void>;
}

/** The files of the example inside the package. */
export interface DemoFiles {
  /** The case library (`cases/`). */
  readonly cases: string;
  /** The example's tracker, with its decisions (`docs/ARCHITECTURE_COMPARISON.md`). */
  readonly tracker: string;
  /** The example's config (`examples/demo.config.yaml`): a project's own is never read by the demo. */
  readonly config: string;
  /** The script that starts one reference server. */
  readonly start: string;
  /** The Node binary that runs it. */
  readonly node: string;
}

/** The example's files in the package `root` (by default, the package this code is in); `node`: the Node binary to start its servers with. */
export function demoFiles(root: string = packageRoot(), node = 'node'): DemoFiles {
  return {
    cases: join(root, 'cases'),
    tracker: join(root, 'docs', 'ARCHITECTURE_COMPARISON.md'),
    config: join(root, 'examples', 'demo.config.yaml'),
    start: join(root, 'examples', 'servers', 'start.js'),
    node,
  };
}

/** Resolves with the first line the server prints (its URL); rejects when it exits first. */
async function urlOf(child: ChildProcess, what: string): Promise<string> {
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    errors.push(chunk.toString('utf8'));
  });
  if (child.stdout === null) throw new Error('the server was started without a pipe');
  const lines = createInterface({ input: child.stdout });
  return await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve(line.trim()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const said = errors.join('').match(/Error: [^\n]*/)?.[0];
      const message = `demo: the ${what} server exited (${signal ?? `code ${code}`}) before it served${said === undefined ? '' : `: ${said}`}`;
      // A port taken is the user's choice (--serve's ports); anything else is parity's failure.
      reject(
        said?.includes('EADDRINUSE') === true
          ? new ParityError('PARITY_USAGE', message)
          : new Error(message),
      );
    });
  }).finally(() => lines.close());
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts the two servers on loopback, with `env` as their environment: on
 * free ports, or on `ports` (the README's 3100 and 4110). A port already taken is an error naming it.
 */
export async function startDemoServers(
  files: DemoFiles,
  env: Readonly<Record<string, string | undefined>>,
  ports?: readonly [baseline: number, candidate: number],
): Promise<DemoServers> {
  const children = DEMO_TARGETS.map((target, index) =>
    // Standard input a pipe from this process: when it ends, however it ends, the
    // pipe closes and the server stops (start.js, PARITY_DEMO_PARENT).
    spawn(files.node, [files.start, target.flavor, String(ports?.[index] ?? 0)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...env, PARITY_DEMO_PARENT: '1' },
    }),
  );
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
  };
  try {
    const urls = await Promise.all(
      children.map((child, index) => urlOf(child, DEMO_TARGETS[index]?.name ?? 'example')),
    );
    const [baseline, candidate] = DEMO_TARGETS.map((target, index) => ({
      name: target.name,
      url: urls[index] ?? '',
    }));
    if (baseline === undefined || candidate === undefined) throw new Error('two servers');
    return { baseline, candidate, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The demo's tracker: when `target` does not exist yet, a copy of the
 * example's, so the run shows its decisions and which rows it sees again.
 */
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export async function seedDemoTracker(files: DemoFiles, target: string): Promise<void> {
  if (await exists(target)) return;
  if (!(await exists(files.tracker))) return;
  await mkdir(dirname(target), { recursive: true });
  await copyFile(files.tracker, target);
}
