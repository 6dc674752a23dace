/** `parity decide PAR-007 accepted --note "…"`: records a decision in the tracker and says what changed. */
import { decide } from '../../engine/decide.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { DecideFlags } from '../options.js';

/** Decides the rows and prints one line per row (`--json`: the rows); exit 2 on a bad row or decision. */
export async function decideCommand(
  operands: readonly string[],
  flags: DecideFlags,
  io: Io,
): Promise<ExitCode> {
  const outcome = await decide(
    {
      operands,
      note: flags.note,
      pattern: flags.pattern,
      family: flags.family,
      kind: flags.kind,
      path: flags.path,
      cases: flags.case,
      flags,
    },
    contextOf(io),
  );
  const file = displayPath(io.cwd, outcome.trackerPath);
  if (flags.json === true) {
    const { decided, status, changed } = outcome;
    io.stdout.write(`${JSON.stringify({ tracker: file, status, changed, decided }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (outcome.decided.length === 0) {
    io.stdout.write(`${file}: no open or decided row matches; nothing changed\n`);
    return EXIT.ok;
  }
  for (const row of outcome.decided) {
    const change = row.from === row.to ? `already ${row.to}` : `${row.from} → ${row.to}`;
    io.stdout.write(`${row.id} ${change}: ${row.summary}\n`);
  }
  const n = outcome.decided.length;
  io.stdout.write(
    `${file}: ${n} row${n === 1 ? '' : 's'} decided; the next run judges their cases by it\n`,
  );
  return EXIT.ok;
}
