/**
 * `main(argv, io)`: the whole CLI as a function returning an exit code.
 * Only `bin.ts` touches `process`; tests call this in-process.
 */
import { Command, CommanderError } from 'commander';
import { printable } from '../util/code-span.js';
import { formatProblem, ParityError } from '../util/errors.js';
import { EXIT, EXIT_FOR_ERROR, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { COMMANDS, isCommandName } from './options.js';
import { addCommand } from './program.js';
import { VERSION } from './version.js';

/**
 * The program: commander's surface from the option table, each command's action
 * from `commands/`. With `only` (the command the arguments name first), the
 * program has that command alone: commander then parses the same arguments the
 * same way, its errors and that command's help are the same, and the other
 * commands' options are never built. Without it (`--help`, `--version`, an
 * unknown command), every command.
 */
export function buildProgram(
  io: Io,
  setCode: (code: ExitCode) => void,
  only?: keyof typeof COMMANDS,
): Command {
  const program = new Command('parity')
    .description(
      'Replay HTTP cases against two implementations of an API and explain every divergence.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run parity --help for usage)');
  /** A command's module, once loaded: `io.commandLoaded` is called before the command runs. */
  const loaded = async <M>(module: Promise<M>): Promise<M> => {
    const done = await module;
    io.commandLoaded?.();
    return done;
  };
  // A command's declaration is read (its options built) only when it is added.
  const wanted = (name: keyof typeof COMMANDS) => only === undefined || only === name;
  // Each command's code is imported when it runs (a command's bundle holds its
  // module alone, scripts/bundle.mjs): a command evaluates only what it uses,
  // so `validate` or `show` never load the HTTP client, and `--version` or
  // `--help` load no command.
  if (wanted('run'))
    addCommand(program, COMMANDS.run, async (cases, flags) => {
      const { runCommand } = await loaded(import('./commands/run.js'));
      setCode(await runCommand(cases, flags, io));
    });
  if (wanted('calibrate'))
    addCommand(program, COMMANDS.calibrate, async (cases, flags) => {
      const { calibrateCommand } = await loaded(import('./commands/calibrate.js'));
      setCode(await calibrateCommand(cases, flags, io));
    });
  if (wanted('validate'))
    addCommand(program, COMMANDS.validate, async (cases, flags) => {
      const { validateCommand } = await loaded(import('./commands/validate.js'));
      setCode(await validateCommand(cases, flags, io));
    });
  if (wanted('tracker'))
    addCommand(program, COMMANDS.tracker, async (_, flags) => {
      const { trackerCommand } = await loaded(import('./commands/tracker.js'));
      setCode(await trackerCommand(flags, io));
    });
  if (wanted('decide'))
    addCommand(program, COMMANDS.decide, async (operands, flags) => {
      const { decideCommand } = await loaded(import('./commands/decide.js'));
      setCode(await decideCommand(operands, flags, io));
    });
  if (wanted('show'))
    addCommand(program, COMMANDS.show, async (operands, flags) => {
      const { showCommand } = await loaded(import('./commands/show.js'));
      setCode(await showCommand(operands, flags, io));
    });
  if (wanted('merge'))
    addCommand(program, COMMANDS.merge, async (reports, flags) => {
      const { mergeCommand } = await loaded(import('./commands/merge.js'));
      setCode(await mergeCommand(reports, flags, io));
    });
  if (wanted('report'))
    addCommand(program, COMMANDS.report, async (_, flags) => {
      const { reportCommand } = await loaded(import('./commands/report.js'));
      setCode(await reportCommand(flags, io));
    });
  if (wanted('import'))
    addCommand(program, COMMANDS.import, async (operands, flags) => {
      const { importCommand } = await loaded(import('./commands/import.js'));
      setCode(await importCommand(operands, flags, io));
    });
  if (wanted('record'))
    addCommand(program, COMMANDS.record, async (cases, flags) => {
      const { recordCommand } = await loaded(import('./commands/record.js'));
      setCode(await recordCommand(cases, flags, io));
    });
  if (wanted('init'))
    addCommand(program, COMMANDS.init, async (targets) => {
      const { initCommand } = await loaded(import('./commands/init.js'));
      setCode(await initCommand(targets, io));
    });
  if (wanted('fuzz'))
    addCommand(program, COMMANDS.fuzz, async (cases, flags) => {
      const { fuzzCommand } = await loaded(import('./commands/fuzz.js'));
      setCode(await fuzzCommand(cases, flags, io));
    });
  return program;
}

/** What a refused input means for each command: most send nothing; `import` writes nothing. */
function nothingDone(command: string | undefined): string {
  return command === 'import' ? 'nothing was written' : 'nothing was sent';
}

function reportError(error: ParityError, io: Io, command: string | undefined): void {
  if (error.problems.length > 0) {
    for (const problem of error.problems) io.stderr.write(`${printable(formatProblem(problem))}\n`);
    io.stderr.write(`parity: ${error.problems.length} problem(s); ${nothingDone(command)}\n`);
  } else {
    io.stderr.write(`parity: ${printable(error.message)}\n`);
  }
}

/** Runs the CLI on `argv` (without node and the script) and returns its exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const first = argv[0];
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    isCommandName(first) ? first : undefined,
  );
  let command: string | undefined;
  program.hook('preAction', (_, action) => {
    command = action.name();
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
      reportError(error, io, command);
      return EXIT_FOR_ERROR[error.code];
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`parity: internal error (please report it): ${message}\n`);
    return EXIT.internal;
  }
}
