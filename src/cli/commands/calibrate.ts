/**
 * `parity calibrate [CASES...]`: prints the noise the A/A run learned and the
 * flaky baselines (`--json` for machines), and where `--write` saved it.
 */
import { calibrate, type Learned } from '../../engine/calibrate.js';
import { renderCalibration } from '../../reporters/report/noise-text.js';
import { colorsFor } from '../../util/colors.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { CalibrateFlags } from '../options.js';

function printLearned(learned: Learned, flags: CalibrateFlags, io: Io): void {
  const { cases, entries, flaky } = learned;
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify({ cases, entries, flakyBaselines: flaky }, null, 2)}\n`);
  } else {
    io.stdout.write(renderCalibration(entries, flaky, cases));
  }
}

/** Runs the calibration and prints what it learned; exit 3 when the baseline answered nothing. */
export async function calibrateCommand(
  cases: readonly string[],
  flags: CalibrateFlags,
  io: Io,
): Promise<ExitCode> {
  const outcome = await calibrate({ ...flags, cases }, contextOf(io));
  const err = colorsFor(io.stderr, io.env);
  switch (outcome.kind) {
    case 'no-cases':
      io.stderr.write(
        `${err.yellow('parity: no cases selected')} (check the paths, --filter and --tag)\n`,
      );
      return EXIT.badInput;
    case 'unreachable':
      printLearned(outcome.learned, flags, io);
      io.stderr.write(`${err.red('parity: unreachable:')} ${outcome.baseline} answered no case\n`);
      return EXIT.unreachable;
    case 'calibrated':
      printLearned(outcome.learned, flags, io);
      if (outcome.wrote !== undefined && flags.json !== true) {
        const shown = displayPath(io.cwd, outcome.wrote);
        io.stdout.write(`  wrote the learned noise to ${shown} (noise.endpoints)\n`);
      }
      return EXIT.ok;
    default: {
      const never: never = outcome;
      throw new Error(`unknown calibration outcome ${String(never)}`);
    }
  }
}
