/**
 * `main(argv, io)`: the whole CLI as a function returning an exit code.
 * Only `bin.ts` touches `process`; tests call this in-process.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FAIL_POLICIES } from '../config/schema.js';
import { formatProblem, ParityError } from '../errors.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, EXIT_FOR_ERROR, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

const VERSION = '0.1.0';

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be a whole number (got "${value}")`);
    return n;
  };
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function buildProgram(io: Io, setCode: (code: ExitCode) => void): Command {
  const program = new Command('parity')
    .description(
      'Replay HTTP cases against two implementations of an API and explain every divergence.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run parity --help for usage)');

  program
    .command('run')
    .description(
      'replay the cases against baseline and candidate, write reports and update the tracker',
    )
    .argument('[cases...]', 'case files or folders (default: cases/, or "cases" in the config)')
    .option('--baseline <target>', 'reference target: NAME=URL, or a target name from the config')
    .option(
      '--candidate <target>',
      'target compared against the baseline: NAME=URL or a configured name',
    )
    .option('-c, --config <file>', 'config file (default: parity.config.yaml|yml|json if present)')
    .option('--tracker <file>', 'decisions tracker (default: docs/ARCHITECTURE_COMPARISON.md)')
    .option('--no-tracker', 'do not read or write the decisions tracker')
    .option(
      '--reports <dir>',
      'reports folder; each run writes DIR/<run-id>/ and points DIR/latest at it',
    )
    .addOption(
      new Option('--fail-on <policy>', 'which divergences make the run exit 1').choices(
        FAIL_POLICIES,
      ),
    )
    .option(
      '--concurrency <n>',
      'cases in flight at once (default 8)',
      positiveInt('--concurrency'),
    )
    .option(
      '--timeout <ms>',
      'budget for one request in ms (default 10000)',
      positiveInt('--timeout'),
    )
    .option(
      '--retries <n>',
      'retries after connection-level failures only (default 0)',
      positiveInt('--retries'),
    )
    .option('--filter <glob>', 'only cases whose id matches (repeatable; * is a wildcard)', collect)
    .option('--tag <tag>', 'only cases with this tag (repeatable: any of them)', collect)
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (cases: string[], options) => setCode(await runCommand(cases, options, io)));

  program
    .command('validate')
    .description('check case files (and the config) and send nothing')
    .argument('[cases...]', 'case files or folders (default: cases/)')
    .option('-c, --config <file>', 'config file')
    .action(async (cases: string[], options) => setCode(await validateCommand(cases, options, io)));
  return program;
}

function reportError(error: ParityError, io: Io): void {
  if (error.problems.length > 0) {
    for (const problem of error.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write(`parity: ${error.problems.length} problem(s); nothing was sent\n`);
  } else {
    io.stderr.write(`parity: ${error.message}\n`);
  }
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.badInput;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return helpOrVersion.includes(error.code) ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof ParityError) {
      reportError(error, io);
      return EXIT_FOR_ERROR[error.code];
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`parity: internal error (please report it): ${message}\n`);
    return EXIT.internal;
  }
}
