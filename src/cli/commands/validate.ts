/** `parity validate [CASES...]`: prints every problem of the case files (exit 2), sends nothing. */
import { validateProject } from '../../engine/validate.js';
import { printable } from '../../util/code-span.js';
import { colorsFor } from '../../util/colors.js';
import { formatProblem, formatWarning } from '../../util/errors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { ValidateFlags } from '../options.js';

/**
 * ` (6 of them steps of 1 flow)`: `validate` counts cases as a run does, one
 * per flow step, and says how many of them are steps.
 */
function ofFlows(result: {
  readonly cases: number;
  readonly flows: number;
  readonly flowSteps: number;
}): string {
  if (result.flows === 0) return '';
  const flows = `${result.flows} flow${result.flows === 1 ? '' : 's'}`;
  if (result.flowSteps === result.cases) return ` (the steps of ${flows})`;
  return ` (${result.flowSteps} of them steps of ${flows})`;
}

function warnings(count: number): string {
  return count === 0 ? '' : `, ${count} warning(s)`;
}

/** Prints the warnings, then `ok` or every problem (exit 2). Warnings never change the exit code. */
export async function validateCommand(
  cases: readonly string[],
  flags: ValidateFlags,
  io: Io,
): Promise<ExitCode> {
  const result = await validateProject({ ...flags, cases }, contextOf(io));
  const warn = colorsFor(io.stderr, io.env).yellow('warning:');
  for (const warning of result.warnings) {
    io.stderr.write(`${formatWarning(warning, warn)}\n`);
  }
  if (result.problems.length === 0) {
    const c = colorsFor(io.stdout, io.env);
    io.stdout.write(
      `${c.green('ok')}: ${result.files} file(s), ${result.cases} case(s)${ofFlows(result)}, no problems${warnings(result.warnings.length)}\n`,
    );
    return EXIT.ok;
  }
  for (const problem of result.problems) io.stderr.write(`${printable(formatProblem(problem))}\n`);
  // "in 1 of 20 file(s)": the files that hold a problem, of those checked.
  const holding = new Set(result.problems.map((problem) => problem.file)).size;
  const files = holding < result.files ? `${holding} of ${result.files}` : `${result.files}`;
  io.stderr.write(
    `${colorsFor(io.stderr, io.env).red(`${result.problems.length} problem(s)`)} in ${files} file(s); nothing was sent\n`,
  );
  return EXIT.badInput;
}
