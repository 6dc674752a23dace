/** The process edge: the only place that reads `process` and sets the exit code. */
import { hostname } from 'node:os';
import type { SignalSource } from './cli/io.js';
import { main } from './cli/main.js';
import type { InterruptSignal } from './report/contract.js';
import type { Host } from './util/host.js';

const SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM'];

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * SIGINT and SIGTERM go to the command listening (a run stops cleanly and
 * writes its report); when none listens, the signal is raised again without
 * parity's handler, so it ends the process as it normally would.
 */
function processSignals(): SignalSource {
  const listeners = new Set<(signal: InterruptSignal) => void>();
  const handler = (signal: InterruptSignal): void => {
    if (listeners.size > 0) {
      for (const listener of listeners) listener(signal);
      return;
    }
    process.stderr.write(`parity: stopped by ${signal}\n`);
    for (const name of SIGNALS) process.removeListener(name, handler);
    process.kill(process.pid, signal);
  };
  for (const name of SIGNALS) process.on(name, handler);
  return {
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export async function run(): Promise<void> {
  const host: Host = { pid: process.pid, hostname: hostname(), isAlive };
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    host,
    signals: processSignals(),
    stdin: async () => {
      let text = '';
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) text += String(chunk);
      return text;
    },
  });
}
