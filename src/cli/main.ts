/**
 * `main(argv, io)`: the whole CLI as a function returning an exit code.
 * Only `bin.ts` touches `process`; tests call this in-process.
 */
import { Command, CommanderError } from 'commander';
import { printable } from '../util/code-span.js';
import { formatProblem, ParityError } from '../util/errors.js';
import { refusedWriteReason } from '../util/write-failure.js';
import { EXIT, EXIT_FOR_ERROR, type ExitCode, exitCodesText } from './exit-codes.js';
import type { Io } from './io.js';
import {
  type CalibrateFlags,
  COMMANDS,
  type DecideFlags,
  type DemoFlags,
  type FuzzFlags,
  type ImportFlags,
  isCommandName,
  type MergeFlags,
  type RecordFlags,
  type ReportFlags,
  type RunFlags,
  type ShadowFlags,
  type ShowFlags,
  type TrackerFlags,
  type ValidateFlags,
} from './options.js';
import { addCommand } from './program.js';
import { VERSION } from './version.js';

type CommandName = keyof typeof COMMANDS;

/**
 * Each command's action: imports the command's module (a command's bundle
 * holds its module alone, scripts/bundle.mjs), so a command evaluates only
 * what it uses (`validate` or `show` never load the HTTP client, `--version`
 * or `--help` load no command), calls `io.commandLoaded`, then runs it.
 */
function commandActions(io: Io) {
  const loaded = async <M>(module: Promise<M>): Promise<M> => {
    const done = await module;
    io.commandLoaded?.();
    return done;
  };
  return {
    run: async (cases: readonly string[], flags: RunFlags) =>
      (await loaded(import('./commands/run.js'))).runCommand(cases, flags, io),
    proxy: async (_: readonly string[], flags: ShadowFlags) =>
      (await loaded(import('./commands/proxy.js'))).proxyCommand(flags, io),
    shadow: async (_: readonly string[], flags: ShadowFlags) =>
      (await loaded(import('./commands/shadow.js'))).shadowCommand('sink', flags, io),
    calibrate: async (cases: readonly string[], flags: CalibrateFlags) =>
      (await loaded(import('./commands/calibrate.js'))).calibrateCommand(cases, flags, io),
    validate: async (cases: readonly string[], flags: ValidateFlags) =>
      (await loaded(import('./commands/validate.js'))).validateCommand(cases, flags, io),
    tracker: async (_: readonly string[], flags: TrackerFlags) =>
      (await loaded(import('./commands/tracker.js'))).trackerCommand(flags, io),
    decide: async (operands: readonly string[], flags: DecideFlags) =>
      (await loaded(import('./commands/decide.js'))).decideCommand(operands, flags, io),
    show: async (operands: readonly string[], flags: ShowFlags) =>
      (await loaded(import('./commands/show.js'))).showCommand(operands, flags, io),
    merge: async (reports: readonly string[], flags: MergeFlags) =>
      (await loaded(import('./commands/merge.js'))).mergeCommand(reports, flags, io),
    report: async (_: readonly string[], flags: ReportFlags) =>
      (await loaded(import('./commands/report.js'))).reportCommand(flags, io),
    import: async (operands: readonly string[], flags: ImportFlags) =>
      (await loaded(import('./commands/import.js'))).importCommand(operands, flags, io),
    record: async (cases: readonly string[], flags: RecordFlags) =>
      (await loaded(import('./commands/record.js'))).recordCommand(cases, flags, io),
    init: async (targets: readonly string[], _: object) =>
      (await loaded(import('./commands/init.js'))).initCommand(targets, io),
    fuzz: async (cases: readonly string[], flags: FuzzFlags) =>
      (await loaded(import('./commands/fuzz.js'))).fuzzCommand(cases, flags, io),
    demo: async (_: readonly string[], flags: DemoFlags) =>
      (await loaded(import('./commands/demo.js'))).demoCommand(flags, io),
    completion: async (operands: readonly string[], _: object) =>
      (await loaded(import('./commands/completion.js'))).completionCommand(operands, io),
  } satisfies Record<CommandName, unknown>;
}

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
  only?: CommandName,
): Command {
  const program = new Command('parity')
    .description(
      'Replay HTTP cases against two implementations of an API and explain every divergence.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run parity --help for usage)')
    .addHelpText('after', exitCodesText());
  const actions = commandActions(io);
  // A command's declaration is read (its options built) only when it is added.
  const wanted = (name: CommandName) => only === undefined || only === name;
  if (wanted('run'))
    addCommand(program, COMMANDS.run, async (o, f) => setCode(await actions.run(o, f)));
  if (wanted('proxy'))
    addCommand(program, COMMANDS.proxy, async (o, f) => setCode(await actions.proxy(o, f)));
  if (wanted('shadow'))
    addCommand(program, COMMANDS.shadow, async (o, f) => setCode(await actions.shadow(o, f)));
  if (wanted('calibrate'))
    addCommand(program, COMMANDS.calibrate, async (o, f) => setCode(await actions.calibrate(o, f)));
  if (wanted('validate'))
    addCommand(program, COMMANDS.validate, async (o, f) => setCode(await actions.validate(o, f)));
  if (wanted('tracker'))
    addCommand(program, COMMANDS.tracker, async (o, f) => setCode(await actions.tracker(o, f)));
  if (wanted('decide'))
    addCommand(program, COMMANDS.decide, async (o, f) => setCode(await actions.decide(o, f)));
  if (wanted('show'))
    addCommand(program, COMMANDS.show, async (o, f) => setCode(await actions.show(o, f)));
  if (wanted('merge'))
    addCommand(program, COMMANDS.merge, async (o, f) => setCode(await actions.merge(o, f)));
  if (wanted('report'))
    addCommand(program, COMMANDS.report, async (o, f) => setCode(await actions.report(o, f)));
  if (wanted('import'))
    addCommand(program, COMMANDS.import, async (o, f) => setCode(await actions.import(o, f)));
  if (wanted('record'))
    addCommand(program, COMMANDS.record, async (o, f) => setCode(await actions.record(o, f)));
  if (wanted('init'))
    addCommand(program, COMMANDS.init, async (o, f) => setCode(await actions.init(o, f)));
  if (wanted('fuzz'))
    addCommand(program, COMMANDS.fuzz, async (o, f) => setCode(await actions.fuzz(o, f)));
  if (wanted('demo'))
    addCommand(program, COMMANDS.demo, async (o, f) => setCode(await actions.demo(o, f)));
  if (wanted('completion')) {
    addCommand(program, COMMANDS.completion, async (o, f) =>
      setCode(await actions.completion(o, f)),
    );
  }
  return program;
}

/**
 * The commands whose operands are one optional list (`[cases...]`) and that
 * require no option: given operands alone, commander would run the action
 * with them and no flags. A test checks the table still says so.
 */
export const OPERANDS_ONLY = ['run', 'calibrate', 'validate', 'record', 'init', 'fuzz'] as const;

/**
 * The command `argv` names and its operands, when the rest of `argv` is
 * operands alone (no argument starts with "-") for one of `OPERANDS_ONLY`:
 * such a command runs without commander, which the CLI then never loads
 * (`parity validate`, `parity run` with a config; scripts/bundle.mjs).
 */
function operandsOnly(
  argv: readonly string[],
): { name: (typeof OPERANDS_ONLY)[number]; operands: readonly string[] } | undefined {
  const [name, ...operands] = argv;
  if (!takesOperandsOnly(name) || operands.some((arg) => arg.startsWith('-'))) return undefined;
  return { name, operands };
}

function takesOperandsOnly(name: string | undefined): name is (typeof OPERANDS_ONLY)[number] {
  const known: readonly (string | undefined)[] = OPERANDS_ONLY;
  return known.includes(name);
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
  let command: string | undefined;
  try {
    const direct = operandsOnly(argv);
    if (direct !== undefined) {
      command = direct.name;
      return await commandActions(io)[direct.name](direct.operands, {});
    }
    const first = argv[0];
    const program = buildProgram(
      io,
      (c) => {
        code = c;
      },
      isCommandName(first) ? first : undefined,
    );
    program.hook('preAction', (_, action) => {
      command = action.name();
    });
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.badInput;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    // A ParityError first: a command run without commander never loads it.
    if (error instanceof ParityError) {
      reportError(error, io, command);
      return EXIT_FOR_ERROR[error.code];
    }
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return helpOrVersion.includes(error.code) ? EXIT.ok : EXIT.badInput;
    }
    // A write the system refused (a full disk, `ulimit -f`, a read-only folder) is no bug of parity's.
    const refused = refusedWriteReason(error);
    if (refused !== undefined) {
      const path = error instanceof Error && 'path' in error ? error.path : undefined;
      const what = typeof path === 'string' ? `${path} ` : 'a file ';
      io.stderr.write(`parity: ${what}could not be written: ${refused}\n`);
      return EXIT.internal;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`parity: internal error (please report it): ${message}\n`);
    return EXIT.internal;
  }
}
