/**
 * The docs doc-test (the README and docs/*.md), part 2: run one shell block as
 * a reader would, in a fresh copy of the project, and say how it failed its
 * expectations.
 *
 * - `npx parity` is the package bin (`bin/parity.js`, on a bundle of the
 *   current sources); `npm ci` is a no-op (the suite runs after it), `npm run
 *   demo` runs `parity demo`; any other `npm`/`npx` command fails.
 * - The docs' example ports (3100 and 3101: serde-style server, 4110:
 *   Go-style) are the bundled reference servers, started on free ports for
 *   the block; the ports are substituted in its commands, setup and files.
 * - Each command runs in bash in the copy, in order; the copy is new per block.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunningServer } from '../../../examples/servers/start.js';
import { startServer } from '../../../examples/servers/start.js';
import { commandsOf, type FencedBlock } from './parse.js';
import { type BlockSpec, blockSpecOf, type CommandSpec, textList } from './spec.js';

/** Which bundled server answers on each example port of the README and docs/. */
export const EXAMPLE_PORTS: Readonly<Record<number, 'serde' | 'go'>> = {
  3100: 'serde',
  3101: 'serde',
  4110: 'go',
};

/** What the project copy holds: what a reader of the README has in a checkout. */
const COPIED = ['bin', 'cases', 'docs', 'examples', 'schema', 'package.json', '.gitignore'];

export interface DoctestContext {
  /** The project root (the checkout). */
  readonly root: string;
  /** A folder holding `parity.cjs`, bundled from the current sources. */
  readonly dist: string;
  /** Blocks marked `output: NAME`, by name. */
  readonly outputs: ReadonlyMap<string, string>;
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Shell functions standing in for `npx` and `npm` (see the module comment). */
const PRELUDE = `
npx() {
  if [ "$1" = parity ]; then shift; node "$DOCTEST_BIN" "$@"; return; fi
  echo "doctest: only 'npx parity' runs here (got: npx $*)" >&2; return 127
}
npm() {
  case "$*" in
    ci) return 0 ;;
    "run demo") node "$DOCTEST_BIN" demo ;;
    *) echo "doctest: 'npm $*' is not run by the docs test; mark the command with skip: WHY" >&2; return 127 ;;
  esac
}
`;

/** A fresh copy of the project with the bundle under test as its dist/. */
async function projectCopy(context: DoctestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parity-doctest-'));
  for (const entry of COPIED) {
    await cp(join(context.root, entry), join(dir, entry), { recursive: true });
  }
  await mkdir(join(dir, 'reports'));
  await symlink(context.dist, join(dir, 'dist'));
  return dir;
}

const PORT = /\b(127\.0\.0\.1|localhost):(\d{2,5})\b/g;

/** The example ports a text names. */
function portsIn(text: string): number[] {
  return [...text.matchAll(PORT)].map((m) => Number(m[2]));
}

/** Starts a bundled server for every example port in `texts`; unknown ports are a failure. */
async function startTargets(texts: readonly string[]) {
  const servers = new Map<number, RunningServer>();
  const unknown: number[] = [];
  try {
    for (const port of new Set(texts.flatMap(portsIn))) {
      const flavor = EXAMPLE_PORTS[port];
      if (flavor === undefined) unknown.push(port);
      else servers.set(port, await startServer(flavor, { port: 0 }));
    }
  } catch (error) {
    await Promise.all([...servers.values()].map((s) => s.close()));
    throw error;
  }
  const substitute = (text: string) =>
    text.replace(PORT, (whole, _host: string, port: string) => {
      const server = servers.get(Number(port));
      return server === undefined ? whole : server.url.replace(/^http:\/\//, '');
    });
  const close = () => Promise.all([...servers.values()].map((s) => s.close()));
  return { unknown, substitute, close };
}

/** Runs one command in bash with the prelude; kills it after `timeoutMs`. */
export function runCommand(
  command: string,
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `${PRELUDE}\n${command}`], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\ndoctest: killed after ${options.timeoutMs} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === null ? 1 : 128), stdout, stderr });
    });
  });
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const ANY_PORT = /\b127\.0\.0\.1:\d+\b/g;

/** Lines as compared with an output block: no colours, ports as `PORT`, no trailing space. */
function comparable(text: string): string[] {
  return text
    .replace(ANSI, '')
    .replace(ANY_PORT, '127.0.0.1:PORT')
    .split('\n')
    .map((line) => line.trimEnd());
}

/** A line of an output block as a test: `…` inside it stands for any text. */
function lineMatcher(line: string): (candidate: string) => boolean {
  if (!line.includes('…')) return (candidate) => candidate === line;
  const escaped = line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^${escaped.join('.*')}$`);
  return (candidate) => pattern.test(candidate);
}

/**
 * Why `stdout` does not show the output block `expected`: each of its lines,
 * in order, must be a line of stdout (ports aside); a line that is only `…`
 * stands for any lines, and `…` inside a line for any text. Undefined when it does.
 */
export function outputMismatch(stdout: string, expected: string): string | undefined {
  const got = comparable(stdout);
  let at = 0;
  for (const line of comparable(expected)) {
    if (line.trim() === '…' || line.trim() === '') continue;
    const matches = lineMatcher(line);
    const found = got.findIndex((candidate, index) => index >= at && matches(candidate));
    if (found < 0) return `this line of the output block is not in stdout (in order): ${line}`;
    at = found + 1;
  }
  return undefined;
}

function contains(text: string, wanted: string): boolean {
  const regex = /^\/(.*)\/$/s.exec(wanted);
  const plain = text.replace(ANSI, '');
  return regex === null ? plain.includes(wanted) : new RegExp(regex[1] ?? '').test(plain);
}

/** What is wrong with one command's result, as sentences; empty when it met `spec`. */
export function checkResult(
  result: CommandResult,
  spec: Exclude<CommandSpec, { skip: string }>,
  outputs: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const exit = spec.exit ?? 0;
  if (result.code !== exit) problems.push(`exited ${result.code}, expected ${exit}`);
  for (const wanted of textList(spec.stdout)) {
    if (!contains(result.stdout, wanted)) problems.push(`stdout lacks ${JSON.stringify(wanted)}`);
  }
  for (const wanted of textList(spec.stderr)) {
    if (!contains(result.stderr, wanted)) problems.push(`stderr lacks ${JSON.stringify(wanted)}`);
  }
  if (spec.shows !== undefined) {
    const expected = outputs.get(spec.shows);
    if (expected === undefined) problems.push(`no block is marked output: ${spec.shows}`);
    else {
      // What the terminal shows: stdout, then stderr (a command writes to one of them).
      const mismatch = outputMismatch(`${result.stdout}\n${result.stderr}`, expected);
      if (mismatch !== undefined) problems.push(`output ${spec.shows}: ${mismatch}`);
    }
  }
  return problems;
}

/** Per command: its expectations (the block's fields when it lists none). */
function commandSpecs(spec: BlockSpec, count: number): CommandSpec[] | string {
  if (spec.commands === undefined) {
    const { exit, stdout, stderr, shows } = spec;
    const one = {
      ...(exit === undefined ? {} : { exit }),
      ...(stdout === undefined ? {} : { stdout }),
      ...(stderr === undefined ? {} : { stderr }),
      ...(shows === undefined ? {} : { shows }),
    };
    return Array.from({ length: count }, () => one);
  }
  if (spec.commands.length !== count) {
    return `the doctest comment lists ${spec.commands.length} commands, the block has ${count}`;
  }
  return spec.commands;
}

function report(command: string, result: CommandResult, problems: readonly string[]): string {
  const cut = (text: string) => (text.length > 4000 ? `${text.slice(0, 4000)}…` : text);
  return [
    `\`${command}\`: ${problems.join('; ')}`,
    `--- stdout ---\n${cut(result.stdout)}`,
    `--- stderr ---\n${cut(result.stderr)}`,
  ].join('\n');
}

async function writeFiles(
  dir: string,
  files: Readonly<Record<string, string>>,
  sub: (t: string) => string,
) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), sub(text));
  }
}

async function unchangedProblems(dir: string, root: string, paths: readonly string[]) {
  const problems: string[] = [];
  for (const path of paths) {
    const [now, committed] = await Promise.all([
      readFile(join(dir, path)).catch(() => undefined),
      readFile(join(root, path)),
    ]);
    if (now === undefined || !now.equals(committed)) {
      problems.push(`${path} was ${now === undefined ? 'deleted' : 'changed'} by the block`);
    }
  }
  return problems;
}

/**
 * Runs a shell block; resolves with what went wrong (empty: it did what its
 * comment says, or exited 0 throughout when it has none).
 */
export async function runBlock(block: FencedBlock, context: DoctestContext): Promise<string[]> {
  const spec = blockSpecOf(block.spec);
  if (spec === undefined) return [];
  const commands = commandsOf(block.text);
  const specs = commandSpecs(spec, commands.length);
  if (typeof specs === 'string') return [specs];
  const setup = textList(spec.setup);
  const texts = [block.text, ...setup, ...Object.values(spec.files ?? {})];
  const targets = await startTargets(texts);
  const hint = 'ports 3100/3101 (serde) and 4110 (go) are the bundled servers';
  if (targets.unknown.length > 0) {
    await targets.close();
    return [
      `the block names port(s) ${targets.unknown.join(', ')}, none of which is known (${hint})`,
    ];
  }
  try {
    const dir = await projectCopy(context);
    await writeFiles(dir, spec.files ?? {}, targets.substitute);
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? dir,
      NO_COLOR: '1',
      DOCTEST_BIN: join(dir, 'bin', 'parity.js'),
      ...spec.env,
    };
    const options = { cwd: dir, env, timeoutMs: (spec.timeout ?? 60) * 1000 };
    for (const command of setup) {
      const result = await runCommand(targets.substitute(command), options);
      if (result.code !== 0) return [report(`setup: ${command}`, result, ['setup failed'])];
    }
    for (const [index, command] of commands.entries()) {
      const expected = specs[index] ?? {};
      if ('skip' in expected) continue;
      const result = await runCommand(targets.substitute(command), options);
      const problems = checkResult(result, expected, context.outputs);
      if (problems.length > 0) return [report(command, result, problems)];
    }
    return unchangedProblems(dir, context.root, spec.unchanged ?? []);
  } finally {
    await targets.close();
  }
}
