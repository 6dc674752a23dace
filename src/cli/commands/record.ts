/** `parity record [CASES...] --target NAME=URL`: stores one target's answers; prints what to run next. */
import { record } from '../../app/record.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { RecordFlags } from '../options.js';

/** Exit 0 when recorded, 2 when no case is selected, 3 when the target answered none. */
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
  const c = colorsFor(io.stdout, io.env);
  const { target, dir, cases: count, failed } = outcome;
  const verb = outcome.updated ? 'updated' : 'recorded';
  const unanswered = failed === 0 ? '' : ` (${failed} not answered: recorded as transport errors)`;
  io.stdout.write(
    `${c.green(verb)} ${count} case(s) of ${target.name} (${target.url.origin}) in ${dir}${unanswered}\n`,
  );
  if (outcome.noisyEndpoints !== undefined) {
    io.stdout.write(
      `  noise learned for ${outcome.noisyEndpoints} endpoint(s); runs against the recording apply it\n`,
    );
  }
  io.stdout.write(`next: parity run --baseline-recording ${dir} --candidate NAME=URL\n`);
  if (failed === count) {
    io.stderr.write(`${err.red(`parity: ${target.name} answered no case`)}\n`);
    return EXIT.unreachable;
  }
  return EXIT.ok;
}
