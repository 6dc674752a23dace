/**
 * Runs `parity proxy` / `parity shadow` in-process, stopped by a signal the
 * test sends. In-process, the test's clients and servers share parity's event
 * loop: its busy loop is theirs too, so the session never refuses a request
 * for being busy (`--shed 100%`) unless the test gives `--shed` itself.
 */
import { main } from '../../src/cli/main.js';
import type { InterruptSignal } from '../../src/contract/vocabulary.js';
import { thisHost } from './cli.js';

export interface ShadowProcess {
  /** Where it listens. */
  readonly url: string;
  readonly port: number;
  /** Sends a signal to the command. */
  signal(signal: InterruptSignal): void;
  /** Resolves with the exit code once the command ended. */
  readonly ended: Promise<number>;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr holds `text`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export async function startShadowCli(cwd: string, argv: readonly string[]): Promise<ShadowProcess> {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<(signal: InterruptSignal) => void>();
  const args = argv.includes('--shed') ? argv : [...argv, '--shed', '100%'];
  const ended = main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' },
    cwd,
    host: thisHost(),
    signals: {
      on(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  });
  const waitFor = async (text: string | RegExp, timeoutMs = 60_000): Promise<void> => {
    const start = Date.now();
    const found = () => (typeof text === 'string' ? stderr.includes(text) : text.test(stderr));
    let done = false;
    void ended.then(() => (done = true));
    while (!found()) {
      if (done) throw new Error(`the command ended before printing ${String(text)}:\n${stderr}`);
      if (Date.now() - start > timeoutMs) throw new Error(`no ${String(text)} in:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  await waitFor(/listening on http:\/\/[^:]+:\d+/);
  const port = Number(/listening on http:\/\/[^:]+:(\d+)/.exec(stderr)?.[1]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    signal: (signal) => {
      for (const listener of [...listeners]) listener(signal);
    },
    ended,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor,
  };
}

/**
 * `parity COMMAND --listen 127.0.0.1:0 --baseline BASELINE --candidate
 * CANDIDATE …more`: a session on an ephemeral port between two targets, each
 * `NAME=URL` (or a configured target's name alone).
 */
export function listenArgs(
  command: 'proxy' | 'shadow',
  baseline: string,
  candidate: string,
  ...more: readonly string[]
): string[] {
  return [
    command,
    '--listen',
    '127.0.0.1:0',
    '--baseline',
    baseline,
    '--candidate',
    candidate,
    ...more,
  ];
}
