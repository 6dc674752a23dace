/** `parity import <kind> [input]`: writes case files and prints what it wrote and what to run next. */
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOutcome,
  runImport,
} from '../../engine/import.js';
import { createInterrupt } from '../../engine/run/interrupt.js';
import { colorsFor } from '../../util/colors.js';
import { ParityError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { EXIT, EXIT_FOR_SIGNAL, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { ImportFlags } from '../options.js';

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

function kindOf(word: string | undefined): ImportKind {
  const kind = IMPORT_KINDS.find((k) => k === word);
  if (kind === undefined)
    throw usage(
      `import what? name one of ${IMPORT_KINDS.join(', ')} (got "${word ?? ''}")${didYouMean(word, IMPORT_KINDS)}`,
    );
  return kind;
}

/** `--var a=b` → `a` → `b`; a value without `=` is bad usage. */
function varsOf(specs: readonly string[]): Map<string, string> {
  return new Map(
    specs.map((spec) => {
      const eq = spec.indexOf('=');
      if (eq <= 0) throw usage(`--var ${spec}: expected NAME=VALUE`);
      return [spec.slice(0, eq), spec.slice(eq + 1)] as const;
    }),
  );
}

/** Options that only one kind reads are refused for the others, so a typo is not silently ignored. */
function checkOptions(kind: ImportKind, flags: ImportFlags): void {
  if (kind !== 'har' && (flags.host !== undefined || flags.method !== undefined)) {
    throw usage(`--host and --method filter HAR entries; parity import ${kind} takes neither`);
  }
  if (kind !== 'postman' && flags.var !== undefined)
    throw usage(`--var sets Postman variables; parity import ${kind} takes none`);
}

function print(outcome: ImportOutcome, io: Io): void {
  const c = colorsFor(io.stdout, io.env);
  const files = outcome.written.length;
  const extra = [
    ...(outcome.merged === 0 ? [] : [`${outcome.merged} duplicate(s) merged`]),
    ...(outcome.skipped === 0 ? [] : [`${outcome.skipped} skipped: see the notes`]),
  ];
  const detail = extra.length === 0 ? '' : ` (${extra.join(', ')})`;
  io.stdout.write(
    `${c.green('imported')} ${outcome.requests} request(s) into ${files} case file(s)${detail}\n`,
  );
  for (const { file, cases } of outcome.written)
    io.stdout.write(`  wrote ${file} (${cases} case(s))\n`);
  for (const note of outcome.notes) io.stdout.write(`  ${c.yellow('note')}: ${note}\n`);
  if (outcome.uncovered !== undefined) {
    io.stdout.write(
      outcome.uncovered.length === 0
        ? '  every operation of the document has a case\n'
        : `  operations without a case: ${outcome.uncovered.join(', ')}\n`,
    );
  }
  // With both targets in the config, `parity run DIR` is the whole command.
  // Without an origin from the input (a relative OpenAPI server), a
  // placeholder: an invented one would send the cases somewhere real.
  const baseline = outcome.origins[0] ?? 'URL';
  const targets = outcome.targetsConfigured
    ? ''
    : ` --baseline old=${baseline} --candidate new=URL`;
  io.stdout.write(`next: parity validate ${outcome.outDir}\n`);
  if (outcome.runs.length < 2) {
    io.stdout.write(`      parity run ${outcome.outDir}${targets}\n`);
    return;
  }
  // A run has one target per side: each origin's files are a run of their own.
  for (const [index, run] of outcome.runs.entries()) {
    const own =
      index === 0 && outcome.targetsConfigured
        ? ''
        : ` --baseline old=${run.origin ?? 'URL'} --candidate new=URL`;
    io.stdout.write(`      parity run ${run.files.join(' ')}${own}\n`);
  }
}

/** Runs the import; exit 2 when nothing could be imported. */
export async function importCommand(
  operands: readonly string[],
  flags: ImportFlags,
  io: Io,
): Promise<ExitCode> {
  const [word, input, ...extra] = operands;
  const kind = kindOf(word);
  if (extra.length > 0)
    throw usage(`parity import ${kind} reads one file (got ${operands.length - 1})`);
  checkOptions(kind, flags);
  const interrupt = createInterrupt();
  const outcome = await runImport(
    {
      kind,
      input,
      out: flags.out,
      force: flags.force === true,
      hosts: flags.host ?? [],
      methods: flags.method ?? [],
      vars: varsOf(flags.var ?? []),
      stdin: io.stdin,
      interrupt,
      listen: () => io.signals?.on((signal) => interrupt.raise(signal)) ?? (() => undefined),
    },
    contextOf(io),
  );
  if (outcome.interrupted !== undefined) {
    const err = colorsFor(io.stderr, io.env);
    io.stderr.write(
      `${err.red(`parity: ${outcome.interrupted}`)}: the import stopped before its files were published; nothing was written\n`,
    );
    return EXIT_FOR_SIGNAL[outcome.interrupted];
  }
  if (outcome.written.length === 0) {
    const err = colorsFor(io.stderr, io.env);
    for (const note of outcome.notes) io.stderr.write(`  ${err.yellow('note')}: ${note}\n`);
    io.stderr.write(
      `${err.red('parity: nothing to import')}: no request could become a case; nothing was written\n`,
    );
    return EXIT.badInput;
  }
  print(outcome, io);
  return EXIT.ok;
}
