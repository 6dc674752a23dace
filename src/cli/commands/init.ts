/** `parity init BASELINE CANDIDATE`: writes the starter files and prints the next commands. */
import { init } from '../../engine/init.js';
import { colorsFor } from '../../util/colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';

export async function initCommand(targets: readonly string[], io: Io): Promise<ExitCode> {
  const outcome = await init(targets, contextOf(io));
  const c = colorsFor(io.stdout, io.env);
  for (const file of outcome.written) io.stdout.write(`${c.green('wrote')} ${file}\n`);
  io.stdout.write(
    `baseline ${outcome.baseline.name} (${outcome.baseline.url}) · candidate ${outcome.candidate.name} (${outcome.candidate.url})\n`,
  );
  io.stdout.write('next: parity validate && parity run\n');
  if (!outcome.ignoresReports) {
    io.stdout.write('tip: add reports/ to .gitignore: each run writes its reports there\n');
  }
  return EXIT.ok;
}
