/** `parity report --from …`: re-renders a past run's reports and lists the files written. */
import { rerenderReport } from '../../engine/report.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import { DEFAULT_RERENDER, type ReportFlags } from '../options.js';
import { printWriteFailures } from '../outcome.js';

/** Re-renders the report and lists each file written (exit 4 when one could not be). */
export async function reportCommand(flags: ReportFlags, io: Io): Promise<ExitCode> {
  const written = await rerenderReport(
    { from: flags.from, formats: flags.format ?? DEFAULT_RERENDER, out: flags.out, flags },
    contextOf(io),
  );
  for (const file of written.files) io.stdout.write(`wrote ${displayPath(io.cwd, file)}\n`);
  printWriteFailures(written, io);
  return written.failures.length > 0 ? EXIT.internal : EXIT.ok;
}
