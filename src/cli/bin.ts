/** The process edge: the only place that reads `process` and sets the exit code. */
import { hostname } from 'node:os';
import { INTERRUPT_SIGNALS, type InterruptSignal } from '../contract/vocabulary.js';
import { ParityError } from '../util/errors.js';
import type { Host } from '../util/host.js';
import { isAlive } from '../util/is-alive.js';
import { type FdOutput, fdOutput, LOST_OUTPUT } from './fd-output.js';
import type { SignalSource } from './io.js';
import { main } from './main.js';

/** What `parity import KIND -` reads of standard input at most. */
const MAX_STDIN_CHARS = 256 * 1024 * 1024;

/** How long the process may take to end after a second SIGINT or SIGTERM. */
const SECOND_SIGNAL_GRACE_MS = 1000;

/** The process's stop signals, and whether one of them was a hangup. */
interface ProcessSignals extends SignalSource {
  hungUp(): boolean;
}

/**
 * SIGINT, SIGTERM and SIGHUP go to the command listening (a run stops
 * cleanly and writes its report). parity handles them only while a command
 * listens: at any other time (checking the case files, another command) a
 * signal ends the process at once as it normally would, even in the middle of
 * a long synchronous step (a handler would run only after it).
 */
function processSignals(): ProcessSignals {
  const listeners = new Set<(signal: InterruptSignal) => void>();
  let hungUp = false;
  let stops = 0;
  const handler = (signal: InterruptSignal): void => {
    if (signal === 'SIGHUP') hungUp = true;
    else stops++;
    for (const listener of listeners) listener(signal);
    // A second SIGINT or SIGTERM ends the process within a second, whatever the
    // command still waits for: the listeners abort what is in flight, and if the
    // process is still here then, the signal takes its normal course.
    if (stops === 2) {
      setTimeout(() => {
        for (const name of INTERRUPT_SIGNALS) process.removeAllListeners(name);
        process.kill(process.pid, signal);
      }, SECOND_SIGNAL_GRACE_MS).unref();
    }
  };
  return {
    on(listener) {
      if (listeners.size === 0) for (const name of INTERRUPT_SIGNALS) process.on(name, handler);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        for (const name of INTERRUPT_SIGNALS) process.removeListener(name, handler);
      };
    },
    unguard() {
      if (listeners.size === 0) return () => undefined;
      // No listener, no handler: the signal's default action ends the process even mid-work.
      for (const name of UNGUARDED) process.removeListener(name, handler);
      return () => {
        if (listeners.size === 0) return;
        for (const name of UNGUARDED) process.on(name, handler);
      };
    },
    hungUp: () => hungUp,
  };
}

/** The stop signals a busy comparison leaves at their default (a repeated SIGHUP is no second stop). */
const UNGUARDED = ['SIGINT', 'SIGTERM'] as const;

/** Output whose reader is gone is dropped: the run still writes its reports. */
function dropLostOutput(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!LOST_OUTPUT.has(error.code ?? '')) throw error;
  });
  return stream;
}

/** Resolves once what was written to `output` has left (or could not: its reader is gone). */
function flushed(output: FdOutput | NodeJS.WriteStream): Promise<void> {
  if ('flushed' in output) return output.flushed();
  return new Promise((resolve) => output.write('', () => resolve()));
}

/**
 * Standard output (1) or error (2): written straight to the descriptor when it
 * is a pipe, a socket or a file (src/cli/fd-output.ts: Node's stream of a pipe
 * loads its `net` module), else Node's stream; created when first written.
 */
function output(fd: 1 | 2): () => FdOutput | NodeJS.WriteStream {
  const stream = () => dropLostOutput(fd === 1 ? process.stdout : process.stderr);
  let made: FdOutput | NodeJS.WriteStream | undefined;
  return () => {
    made ??= fdOutput(fd, stream) ?? stream();
    return made;
  };
}

/**
 * Runs the CLI on the process's arguments. `commandLoaded` is called once the
 * command's code has loaded, before it runs (the bin sets its V8 flags there),
 * and only by a command that sends: the flags serve a run's memory, and a
 * command that sends nothing saves loading `node:v8` to set them (~1 ms).
 */
export async function run(commandLoaded?: () => void): Promise<void> {
  const host: Host = {
    pid: process.pid,
    hostname: hostname(),
    isAlive,
    startedAt: Date.now() - process.uptime() * 1000,
    execPath: process.execPath,
    ...(process.argv[1] === undefined ? {} : { script: process.argv[1] }),
  };
  // Node creates process.stdout when it is first read (~1 ms, and a pipe's
  // loads `net`): a quiet run writes nothing there, so each output is made
  // when the command first writes to it (no module parity loads reads
  // process.stdout before: src/cli/colors.ts is not picocolors).
  const stdout = output(1);
  const stderr = output(2);
  const signals = processSignals();
  process.exitCode = await main(process.argv.slice(2), {
    get stdout() {
      return stdout();
    },
    get stderr() {
      return stderr();
    },
    env: process.env,
    cwd: process.cwd(),
    host,
    signals,
    ...(commandLoaded === undefined ? {} : { commandLoaded }),
    stdin: async () => {
      let text = '';
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) {
        text += String(chunk);
        // As for a file (256 MiB, engine/import.ts): past it, no longer one string.
        if (text.length > MAX_STDIN_CHARS) {
          process.stdin.destroy();
          throw new ParityError(
            'PARITY_USAGE',
            `standard input: more than ${MAX_STDIN_CHARS / 1024 / 1024} Mi characters; parity reads at most that (write it to a file and split it)`,
          );
        }
      }
      return text;
    },
  });
  if (signals.hungUp()) {
    // Its terminal is likely gone, and Node aborts when it exits normally with
    // a terminal that hung up (it restores the terminal's mode and fails). The
    // reports are written: end by the hangup itself, as its default would (a
    // shell shows status 129, 128 + 1, the code the run returned).
    await Promise.all([flushed(stdout()), flushed(stderr())]);
    process.kill(process.pid, 'SIGHUP');
  }
}
