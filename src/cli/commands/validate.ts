/** `parity validate`: checks case files and sends nothing. */
import { resolve } from 'node:path';
import { validateCases } from '../../cases/load.js';
import { loadConfig } from '../../config/load.js';
import { formatProblem } from '../../util/errors.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';

export async function validateCommand(
  paths: readonly string[],
  options: { config?: string },
  io: Io,
): Promise<ExitCode> {
  const { config } = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
  const chosen = paths.length > 0 ? paths : (config.cases ?? ['cases']);
  const result = await validateCases(
    chosen.map((p) => resolve(io.cwd, p)),
    { cwd: io.cwd, env: io.env, globalRules: config.rules },
  );
  const c = colorsFor(io.stdout, io.env);
  if (result.problems.length === 0) {
    io.stdout.write(
      `${c.green('ok')}: ${result.files} file(s), ${result.cases} case(s), no problems\n`,
    );
    return EXIT.ok;
  }
  for (const problem of result.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  io.stderr.write(
    `${colorsFor(io.stderr, io.env).red(`${result.problems.length} problem(s)`)} in ${result.files} file(s); nothing was sent\n`,
  );
  return EXIT.badInput;
}
