/** `parity record [CASES...] --target NAME=URL`: stores one target's answers; prints what to run next. */

import { shellQuote } from '../../core/request/curl.js';
import { record } from '../../engine/record.js';
import type { SkippedStep } from '../../engine/run/record-send.js';
import { colorsFor } from '../../util/colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { RecordFlags } from '../options.js';

/** Flows shown with the steps they could not send, at most (a library can hold many). */
const FLOWS_SHOWN = 5;

/**
 * One line per flow with steps not sent, for each reason: `notes/lifecycle:
 * 6 step(s) not sent: the flow writes …`.
 */
function skippedLines(skipped: readonly SkippedStep[]): string[] {
  const groups = new Map<string, { flow: string; reason: string; steps: number }>();
  for (const { flow, reason } of skipped) {
    const key = `${flow}\0${reason}`;
    const group = groups.get(key) ?? { flow, reason, steps: 0 };
    group.steps++;
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const lines = all
    .slice(0, FLOWS_SHOWN)
    .map(({ flow, reason, steps }) => `${flow}: ${steps} step(s) ${reason}`);
  if (all.length > FLOWS_SHOWN) lines.push(`… and ${all.length - FLOWS_SHOWN} more`);
  return lines;
}

/**
 * The run that replays the recording: the same cases and selection flags, or
 * it would send cases the recording does not hold (a stale recording, exit 3).
 */
function nextRun(cases: readonly string[], flags: RecordFlags, dir: string): string {
  const words = [
    ...cases,
    ...(flags.config === undefined ? [] : ['--config', flags.config]),
    ...(flags.filter ?? []).flatMap((glob) => ['--filter', glob]),
    ...(flags.tag ?? []).flatMap((tag) => ['--tag', tag]),
    '--baseline-recording',
    dir,
  ];
  return `parity run ${words.map(shellQuote).join(' ')} --candidate NAME=URL`;
}

/** Exit 0 when recorded, 2 when no case is selected, 3 when the target answered none it was sent. */
export async function recordCommand(
  cases: readonly string[],
  flags: RecordFlags,
  io: Io,
): Promise<ExitCode> {
  const outcome = await record({ ...flags, cases }, contextOf(io));
  const err = colorsFor(io.stderr, io.env);
  if (outcome.kind === 'no-cases') {
    io.stderr.write(
      `${err.yellow('parity: no cases selected')} (check the paths, --filter and --tag)\n`,
    );
    return EXIT.badInput;
  }
  if (outcome.kind === 'unanswered') {
    const { target } = outcome;
    io.stderr.write(
      `${err.red(`parity: ${target.name} answered no case`)} (${target.url.origin}, ${outcome.cases} sent): nothing recorded\n`,
    );
    return EXIT.unreachable;
  }
  const c = colorsFor(io.stdout, io.env);
  const { target, dir, cases: count, failed } = outcome;
  const verb = outcome.updated ? 'updated' : 'recorded';
  const notes = [
    ...(failed === 0 ? [] : [`${failed} not answered: recorded as transport errors`]),
    ...(outcome.skipped.length === 0
      ? []
      : [`${outcome.skipped.length} flow step(s) not sent: recorded as skipped`]),
  ];
  const unanswered = notes.length === 0 ? '' : ` (${notes.join('; ')})`;
  io.stdout.write(
    `${c.green(verb)} ${count} case(s) of ${target.name} (${target.url.origin}) in ${dir}${unanswered}\n`,
  );
  for (const line of skippedLines(outcome.skipped)) io.stdout.write(`  ${line}\n`);
  if (outcome.noisyEndpoints !== undefined) {
    const once = outcome.flowSteps === 0 ? '' : ' (flow steps are sent once: they learn none)';
    io.stdout.write(
      `  noise learned for ${outcome.noisyEndpoints} endpoint(s)${once}; runs against the recording apply it\n`,
    );
  }
  io.stdout.write(`next: ${nextRun(cases, flags, dir)}\n`);
  // Steps not sent say nothing about the target.
  const sent = count - outcome.skipped.length;
  if (sent > 0 && failed === sent) {
    io.stderr.write(`${err.red(`parity: ${target.name} answered no case`)}\n`);
    return EXIT.unreachable;
  }
  return EXIT.ok;
}
