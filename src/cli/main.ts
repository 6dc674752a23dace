/**
 * `main(argv, io)`: the whole CLI as a function returning an exit code.
 * Only `bin.ts` touches `process`; tests call this in-process.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseShard } from '../cases/shard.js';
import { FAIL_POLICIES } from '../config/schema.js';
import { formatProblem, ParityError } from '../util/errors.js';
import { registerCalibrate } from './commands/calibrate.js';
import { mergeCommand } from './commands/merge.js';
import { parseFormats, reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { trackerCommand } from './commands/tracker.js';
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

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a number above 0 (got "${value}")`);
    return n;
  };
}

function atLeastOne(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(
        `${name} must be a whole number of at least 1 (got "${value}")`,
      );
    return n;
  };
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function shardOption(value: string) {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

const FAIL_ON_HELP = 'which divergences make the run exit 1';
const COMPARE_TO_HELP =
  'mark divergences new / persisting / fixed against a previous report.json, its run folder, or "latest"';

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
    .option('--fail-on-encoding', 'encoding notes (wire-only differences) also make the run exit 1')
    .option(
      '--concurrency <n>',
      'cases in flight at once (default 8)',
      positiveInt('--concurrency'),
    )
    .option(
      '--rate <n>',
      'requests per second to each target, for gentle runs (default: no limit)',
      positiveNumber('--rate'),
    )
    .option(
      '--max-in-flight <n>',
      'requests in flight at once to each target (default: the concurrency)',
      atLeastOne('--max-in-flight'),
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
    .option('--compare-to <report>', COMPARE_TO_HELP)
    .option(
      '--noise',
      'learn noise: send each case a second time to the baseline and mask what varies',
    )
    .option(
      '--baseline-replica <target>',
      'second baseline instance for --noise (implies it): NAME=URL or a configured name',
    )
    .option(
      '--shard <i/n>',
      'run shard i of n of the selected cases (e.g. 2/4), for CI',
      shardOption,
    )
    .option('--filter <glob>', 'only cases whose id matches (repeatable; * is a wildcard)', collect)
    .option('--tag <tag>', 'only cases with this tag (repeatable: any of them)', collect)
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (cases: string[], options) => setCode(await runCommand(cases, options, io)));

  registerCalibrate(program, io, setCode);

  program
    .command('validate')
    .description('check case files (and the config) and send nothing')
    .argument('[cases...]', 'case files or folders (default: cases/)')
    .option('-c, --config <file>', 'config file')
    .action(async (cases: string[], options) => setCode(await validateCommand(cases, options, io)));

  program
    .command('tracker')
    .description('print the open rows of the decisions tracker; --check: exit 1 when it is stale')
    .option('--tracker <file>', 'decisions tracker (default: docs/ARCHITECTURE_COMPARISON.md)')
    .option('-c, --config <file>', 'config file (for the tracker and reports paths)')
    .option('--reports <dir>', 'reports folder, for --from latest (default: reports/)')
    .option('--check', 'compare the tracker with a report; exit 1 when a run would change it')
    .option('--from <report>', 'the report for --check: report.json, run folder or "latest"')
    .option('--all', 'list every row, not only the open ones')
    .option('--json', 'print JSON')
    .action(async (options) => setCode(await trackerCommand(options, io)));

  program
    .command('merge')
    .description('combine shard reports into one report, update the tracker once')
    .argument('<reports...>', 'report.json files (or run folders) of the shard runs')
    .option('-c, --config <file>', 'config file')
    .option('--reports <dir>', 'reports folder for the merged report (default: reports/)')
    .option('--tracker <file>', 'decisions tracker (default: docs/ARCHITECTURE_COMPARISON.md)')
    .option('--no-tracker', 'do not read or write the decisions tracker')
    .addOption(new Option('--fail-on <policy>', FAIL_ON_HELP).choices(FAIL_POLICIES))
    .option('--compare-to <report>', COMPARE_TO_HELP)
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (reports: string[], options) =>
      setCode(await mergeCommand(reports, options, io)),
    );

  program
    .command('report')
    .description('re-render the reports of a past run from its report.json (sends nothing)')
    .requiredOption('--from <report>', 'report.json, its run folder, or "latest"')
    .option(
      '--format <formats>',
      'comma-separated: md,html,junit,json (default: md,html,junit)',
      parseFormats,
    )
    .option('--out <dir>', "output folder (default: the report's own folder)")
    .option('-c, --config <file>', 'config file (for the reports folder of "latest")')
    .option('--reports <dir>', 'reports folder, for --from latest (default: reports/)')
    .action(async (options) => setCode(await reportCommand(options, io)));
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
