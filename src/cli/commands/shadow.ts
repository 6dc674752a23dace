/**
 * `parity shadow` (the mirror sink) and, through `proxy.ts`, `parity proxy`
 * (the inline proxy): listen until SIGTERM or SIGINT, a live status line on
 * stderr (or one JSON line per update on stdout with `--json`); the open
 * run's reports are refreshed in place every `--every` seconds, and SIGHUP
 * refreshes them and updates the tracker at once.
 */

import { join } from 'node:path';
import type { AppContext } from '../../engine/run/context.js';
import type { ShadowOutcome } from '../../engine/shadow.js';
import { type ListeningThread, openListeningThread } from '../../engine/shadow-listening.js';
import { type OpenedShadow, openShadowSession } from '../../engine/shadow-open.js';
import type { ShadowRequest } from '../../engine/shadow-prepare.js';
import {
  DEFAULT_MIRROR_MB,
  DEFAULT_QUEUE,
  oldSpaceMb,
  YOUNG_GENERATION_MB,
} from '../../io/shadow/old-space.js';
import { lowerProcessThreads } from '../../io/shadow/process-threads.js';
import { statusLine } from '../../io/shadow/status.js';
import type { ShadowMode } from '../../io/shadow/traffic.js';
import { printable } from '../../util/code-span.js';
import { ParityError } from '../../util/errors.js';
import { EXIT, EXIT_FOR_ERROR, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { ShadowFlags } from '../options.js';

/**
 * A worker thread's built entry (dist/shadow-listening.cjs, dist/shadow-thread.cjs)
 * beside the bundled CLI; undefined when running from the TypeScript sources
 * (the tests: the session then runs in this thread).
 */
function threadFile(name: string): string | undefined {
  if (typeof __dirname !== 'string' || !__filename.endsWith('.cjs')) return undefined;
  return join(__dirname, name);
}

/**
 * Opens the session on a listening thread of its own (as shipped), or in
 * this thread from the sources or where no thread can start; its judging
 * side on a thread of its own either way, where one can start.
 */
async function openSession(
  request: ShadowRequest,
  context: AppContext,
): Promise<OpenedShadow & { readonly lost?: ListeningThread['lost'] }> {
  const listening = threadFile('shadow-listening.cjs');
  const judgeFile = threadFile('shadow-thread.cjs');
  if (listening === undefined) return openShadowSession(request, context, judgeFile);
  const host = { pid: context.host.pid, hostname: context.host.hostname };
  const data = {
    request,
    cwd: context.cwd,
    env: { ...context.env },
    host:
      context.host.startedAt === undefined ? host : { ...host, startedAt: context.host.startedAt },
    judgeFile,
  };
  const limits = {
    maxOldGenerationSizeMb: oldSpaceMb({
      queue: request.queue ?? DEFAULT_QUEUE,
      budgetMb: request.mirrorMb ?? DEFAULT_MIRROR_MB,
    }),
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
  };
  // The process's background threads yield to the clients (the gateway's, or the proxy's own).
  lowerProcessThreads(context.host.pid);
  try {
    return await openListeningThread(listening, data, limits);
  } catch (error) {
    if (error instanceof ParityError) throw error;
    const opened = await openShadowSession(request, context, judgeFile);
    const why = `no listening thread (${printable(String(error))}); listening in this thread`;
    return { ...opened, notes: [why, ...opened.notes] };
  }
}

/** How often the status is printed while traffic flows. */
const STATUS_EVERY_MS = 1000;
/** How often the open run's reports are refreshed in place, unless `--every` says. */
export const DEFAULT_EVERY_S = 60;

function printEnd(outcome: ShadowOutcome, io: Io): ExitCode {
  let code: ExitCode = EXIT.ok;
  for (const run of outcome.runs) {
    io.stderr.write(`parity: reports written to ${printable(run.dir)}\n`);
    for (const failure of run.reporterFailures) {
      io.stderr.write(
        `parity: the ${failure.name} reporter failed in ${failure.hook}: ${printable(failure.error.message)}\n`,
      );
    }
    if (run.trackerError !== undefined) {
      io.stderr.write(
        `parity: the tracker was not updated (the reports were written): ${run.trackerError.message}\n`,
      );
      code = EXIT_FOR_ERROR[run.trackerError.code];
    }
    if (run.unreachable.length > 0) {
      io.stderr.write(
        `parity: ${run.unreachable.join(' and ')} answered no mirrored request: the tracker was left as it was\n`,
      );
    }
  }
  for (const file of outcome.captured ?? [])
    io.stderr.write(`parity: captured ${printable(file)}\n`);
  return code;
}

export async function shadowCommand(
  mode: ShadowMode,
  flags: ShadowFlags,
  io: Io,
): Promise<ExitCode> {
  const request = { ...flags, mode };
  const opened = await openSession(request, contextOf(io));
  const { session } = opened;
  for (const note of opened.notes) io.stderr.write(`parity: ${note}\n`);
  if (opened.judgeOnThread && flags.quiet !== true)
    io.stderr.write('parity: comparing on a worker thread\n');
  const { host, port } = session.address;
  const shown = host.includes(':') ? `[${host}]` : host;
  if (flags.quiet !== true) {
    io.stderr.write(
      `parity ${mode === 'proxy' ? 'proxy' : 'shadow'}: listening on http://${shown}:${port} (SIGTERM or Ctrl-C: stop and write the reports; SIGHUP: refresh them and update the tracker now)\n`,
    );
  }
  let last = '';
  const print = (): void => {
    const status = session.status();
    const line = flags.json === true ? JSON.stringify(status) : statusLine(status);
    if (line === last || flags.quiet === true) return;
    last = line;
    if (flags.json === true) io.stdout.write(`${line}\n`);
    else io.stderr.write(`parity: ${line}\n`);
  };
  const timer = setInterval(print, STATUS_EVERY_MS);
  timer.unref?.();
  let stopping = false;
  const refreshed = (done: Awaited<ReturnType<typeof session.refresh>>, why: string): void => {
    if (done === undefined || flags.quiet === true) return;
    const tracker =
      done.trackerError !== undefined
        ? `; the tracker was not updated: ${done.trackerError.message}`
        : done.tracker
          ? '; tracker updated'
          : '';
    io.stderr.write(`parity: ${why}: reports refreshed in ${printable(done.dir)}${tracker}\n`);
  };
  let failed: unknown;
  // `--every N` (default 60): the open run's reports refreshed in place on a timer.
  const every = flags.every ?? DEFAULT_EVERY_S;
  const refresh = setInterval(() => {
    if (stopping) return;
    session.refresh({ tracker: false }).then(
      (done) => refreshed(done, `every ${every} s`),
      (error: unknown) => {
        failed ??= error;
      },
    );
  }, every * 1000);
  refresh.unref?.();
  const outcome = await new Promise<ShadowOutcome>((resolve, reject) => {
    const off = io.signals?.on((signal) => {
      if (signal === 'SIGHUP') {
        void session.refresh({ tracker: true }).then(
          (done) => refreshed(done, 'SIGHUP'),
          (error: unknown) => {
            off?.();
            reject(error);
          },
        );
        return;
      }
      // A second stop signal drops what still waits in the queue.
      const again = stopping;
      stopping = true;
      if (!again)
        io.stderr.write(
          `parity: ${signal}: not accepting; comparing what is queued, then writing the reports (send it again to drop the queue)\n`,
        );
      void session.stop({ dropWaiting: again }).then(
        (done) => {
          off?.();
          resolve(done);
        },
        (error: unknown) => {
          off?.();
          reject(error);
        },
      );
    });
    if (off === undefined) reject(new Error('parity shadow needs the process signals to stop'));
    // The listening thread ended on its own (out of its heap, a crash): nothing listens any more.
    void opened.lost?.then((error) => {
      off?.();
      reject(error);
    });
  }).finally(() => {
    clearInterval(timer);
    clearInterval(refresh);
  });
  if (failed !== undefined) throw failed;
  print();
  return printEnd(outcome, io);
}
