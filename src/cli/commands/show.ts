/** `parity show PAR-007`: one root cause in full (row, cases, example diff, curl pair, fix). */
import { showRootCause } from '../../engine/show.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { ShowFlags } from '../options.js';
import { renderShow } from '../show-lines.js';

/** Prints the root cause (`--json`: the same as data); exit 2 for an unknown row. */
export async function showCommand(
  operands: readonly string[],
  flags: ShowFlags,
  io: Io,
): Promise<ExitCode> {
  const [id = ''] = operands;
  const outcome = await showRootCause({ id, from: flags.from, flags }, contextOf(io));
  const file = (path: string) => displayPath(io.cwd, path);
  if (flags.json === true) {
    const shown = { ...outcome, trackerPath: file(outcome.trackerPath) };
    io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } else {
    io.stdout.write(renderShow(outcome, file));
  }
  return EXIT.ok;
}
