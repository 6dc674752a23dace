/**
 * What the console says about a target that answered no case (exit 3). A
 * live target was unreachable; a recording (`--baseline-recording`) is a
 * folder on disk that answered none of the cases asked of it because it does
 * not hold them as they are now: the line says which, with how to refresh it.
 */
import type { RunReport } from '../contract/report.js';

/** How the recorded side's failures read, by the error code `io/recording/read.ts` gives them. */
const RECORDING_MISSES: Readonly<Record<string, string>> = {
  PARITY_RECORDING_STALE: 'changed since it was recorded (stale)',
  PARITY_NOT_RECORDED: 'not in it (or not sent when it was made)',
  PARITY_RECORDING_INVALID: 'with an unreadable entry',
};

/** `4 changed since it was recorded (stale), 1 not in it …`: the recorded side's errors by cause. */
function misses(report: RunReport): string {
  const counts = new Map<string, number>();
  for (const result of report.results) {
    const code = result.baseline.error?.code;
    if (result.verdict !== 'error' || code === undefined) continue;
    const words = RECORDING_MISSES[code] ?? 'recorded as a failure of the target';
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  return [...counts].map(([words, n]) => `${n} ${words}`).join(', ');
}

/**
 * One line per target in `targets` that answered no case (without the
 * `parity:` prefix the caller colours): the recorded baseline's says what the
 * recording lacks, a live target's that it answered no case.
 */
export function unreachableLines(targets: readonly string[], report: RunReport | undefined) {
  const recording = report?.baseline.recording;
  return targets.map((name) => {
    if (report === undefined || recording === undefined || name !== report.baseline.name) {
      return {
        head: 'unreachable:',
        text: `${name} answered no case (see the transport errors in the report)`,
      };
    }
    const asked = report.results.filter((r) => r.verdict === 'error').length;
    return {
      head: 'stale recording:',
      text: `the recording ${recording} has none of the ${asked} case(s) asked of it: ${misses(report)}; refresh it with parity record --update --out ${recording} --target ${name}=URL (or select the cases it holds)`,
    };
  });
}
