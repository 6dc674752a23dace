/**
 * The case-library loader (an I/O edge): find the files, parse and check each,
 * resolve the cases, and check ids are unique across the library. Every problem
 * in every file is collected before anything is reported, so one run shows them
 * all. Cases come in run order: files in path order, cases in file order.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  type Case,
  type CaseEntry,
  casesOf,
  type SourceLocation,
} from '../../contract/model/case.js';
import type { RulesSpec } from '../../contract/rules/schema.js';
import type { Env } from '../../util/env.js';
import { formatProblem, type InputProblem, ParityError } from '../../util/errors.js';
import { displayPath } from '../../util/paths.js';
import type { Position } from '../../util/position.js';
import { formatField } from '../../util/positions.js';
import { compareText } from '../../util/text.js';
import { plural } from '../../util/words.js';
import { discoverCaseFiles } from './discover.js';
import { checkCase, checkedSpec, type ParsedCaseFile, parseCaseFile } from './parse-file.js';
import { crossFileRaces, type FileAccess, flowResidue } from './races.js';
import { SLUG } from './request-schema.js';
import { caseResolver, idLocation, type ResolvedEntry } from './resolve.js';
import { isSerialFile, type SerialChoice } from './serial.js';
import { fileWarnings } from './warnings.js';

/** Where and how to load the case library. */
export interface LoadCasesOptions {
  /** Paths are resolved against it, and problems and sources are shown relative to it. */
  readonly cwd: string;
  /** Values for `${env:NAME}` (usually `process.env`, passed in by the CLI). */
  readonly env: Env;
  /** Rules from the config, the outermost layer under suite defaults and case rules. */
  readonly globalRules?: RulesSpec | undefined;
  /** From the config: every file serial (`true`), or the files of these suites. */
  readonly serial?: SerialChoice;
  /** From the config: flows may send writing steps (`sideEffects: true`). */
  readonly sideEffects?: boolean | undefined;
}

/** The result of checking the case library without running it. */
export interface CaseValidation {
  /** Case files found. */
  readonly files: number;
  /**
   * Cases that resolved (duplicates and cases with unset variables included),
   * counted as a run counts them: a flow gives one per step.
   */
  readonly cases: number;
  /** Flows among the entries (their steps are counted in `cases`). */
  readonly flows: number;
  /** Steps of those flows. */
  readonly flowSteps: number;
  /** Every problem, sorted by file, line and column. */
  readonly problems: InputProblem[];
  /** What may not do what its author expects (see `warnings.ts`), in path and file order. */
  readonly warnings: InputProblem[];
}

/** One case file of a checked library: where it is, as found and as shown. */
export interface CaseFileRef {
  readonly absolute: string;
  readonly file: string;
}

/**
 * Load the cases in `paths` (files or folders), in run order.
 * @throws ParityError `PARITY_CASES_INVALID` carrying every problem when any file is invalid.
 */
export async function loadCases(
  paths: readonly string[],
  options: LoadCasesOptions,
): Promise<Case[]> {
  const cases: Case[] = [];
  const checked = await checkLibrary(paths, options, (entry) => cases.push(...casesOf(entry)));
  if (checked.problems.length > 0) throw invalidCases(checked.problems, checked.files.length);
  return cases;
}

/** The error for a library with problems: every problem, at its file, line and column. */
export function invalidCases(problems: readonly InputProblem[], files: number): ParityError {
  const summary = `${plural(problems.length, 'problem')} in the case files (${plural(files, 'file')} checked); fix them and run again:`;
  const lines = problems.map(formatProblem);
  return new ParityError('PARITY_CASES_INVALID', [summary, ...lines].join('\n'), {
    problems: [...problems],
  });
}

/** Check the cases in `paths` and report every problem; never throws for bad input. */
export async function validateCases(
  paths: readonly string[],
  options: LoadCasesOptions,
): Promise<CaseValidation> {
  // Per file, in path order: its own warnings, then its races with other files.
  const byFile = new Map<string, InputProblem[]>();
  const accesses: FileAccess[] = [];
  const checked = await checkLibrary(
    paths,
    options,
    () => undefined,
    (parsed) => {
      const file = warningsOf(parsed, options);
      byFile.set(parsed.file, file.warnings);
      if (file.access !== undefined) accesses.push(file.access);
    },
  );
  for (const race of crossFileRaces(accesses)) byFile.get(race.file)?.push(race);
  for (const residue of flowResidue(accesses)) byFile.get(residue.file)?.push(residue);
  const warnings = [...byFile.values()].flat();
  const { flows, flowSteps } = checked.resolved;
  return {
    files: checked.files.length,
    cases: checked.resolved.entries - flows + flowSteps,
    flows,
    flowSteps,
    problems: checked.problems,
    warnings,
  };
}

/** The warnings of one file's valid cases (its problems are reported by the check). */
function warningsOf(
  parsed: ParsedCaseFile,
  options: LoadCasesOptions,
): { warnings: InputProblem[]; access?: FileAccess | undefined } {
  const { header } = parsed;
  if (header === undefined) return { warnings: [] };
  const file = fileWarnings(parsed, header, options);
  for (let index = 0; index < parsed.count; index++) {
    const checked = checkCase(parsed, index);
    if ('spec' in checked) file.add(checked.spec, index);
  }
  return { warnings: file.finish(), access: file.access() };
}

/** YAML case files are parsed whole (the parser needs ~50× their size): this is the most read. */
export const MAX_YAML_CASE_FILE = 8 * 1024 * 1024;
/** JSON case files are held as their bytes and parsed a case at a time. */
export const MAX_JSON_CASE_FILE = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

function caseFileLimit(file: string): { bytes: number; message: (size: number) => string } {
  const mb = (size: number) => `${(size / MIB).toFixed(1)} MiB`;
  if (file.endsWith('.json')) {
    return {
      bytes: MAX_JSON_CASE_FILE,
      message: (size) =>
        `is ${mb(size)}; a JSON case file may be at most ${mb(MAX_JSON_CASE_FILE)} (split it into several files)`,
    };
  }
  return {
    bytes: MAX_YAML_CASE_FILE,
    message: (size) =>
      `is ${mb(size)}; a YAML case file may be at most ${mb(MAX_YAML_CASE_FILE)}, because it is parsed whole (split it, or write it as JSON, which is read a case at a time)`,
  };
}

/**
 * A library file's bytes, or a problem saying why it could not be read. Bytes,
 * not text: a JSON file is parsed a case at a time from them (`parse-file.ts`).
 */
export async function readCaseFile(
  ref: CaseFileRef,
): Promise<{ readonly bytes: Buffer } | { readonly problem: InputProblem }> {
  const refuse = (message: string) => ({
    problem: { file: ref.file, line: 1, column: 1, field: '', message },
  });
  try {
    // A FIFO or a device would block or never end; a huge file would exhaust memory.
    // Read synchronously: a library is hundreds of small files, and each
    // asynchronous stat and read is several round trips to the thread pool,
    // which cost a run of 20,000 cases more CPU than reading them (~6x).
    const info = statSync(ref.absolute);
    if (!info.isFile()) return refuse('is not a regular file (a FIFO, device or socket?)');
    const limit = caseFileLimit(ref.file);
    if (info.size > limit.bytes) return refuse(limit.message(info.size));
    return { bytes: readFileSync(ref.absolute) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `cannot be read (${reason})`;
    return { problem: { file: ref.file, line: 1, column: 1, field: '', message } };
  }
}

/**
 * The resolved cases of a parsed file at `indexes` (default: all), in file
 * order, with the problems of each (a case with problems is not yielded).
 */
export function* resolvedCases(
  parsed: ParsedCaseFile,
  options: LoadCasesOptions,
  indexes?: Iterable<number>,
  serial?: string,
): Generator<{ readonly entry?: ResolvedEntry; readonly problems: readonly InputProblem[] }> {
  const resolve = fileResolver(parsed, options, serial);
  for (const index of indexes ?? range(parsed.count)) {
    const problems: InputProblem[] = [];
    const entry = resolve(index, problems);
    yield entry === undefined
      ? { problems }
      : { entry: { case: entry, idAt: idLocation(parsed, index) }, problems };
  }
}

/**
 * Checks and resolves the case at an index of a parsed file: its entry, or
 * undefined when it has problems of its own (or the file's own fields do);
 * its problems, own or of the resolved case (an unset variable), are added
 * to `problems`. The loop of a check: no object per case but the case.
 */
export type FileResolver = (index: number, problems: InputProblem[]) => CaseEntry | undefined;

/** The resolver of a parsed file's cases (see `FileResolver`). */
export function fileResolver(
  parsed: ParsedCaseFile,
  options: LoadCasesOptions,
  serial?: string,
): FileResolver {
  // A case with problems of its own is not resolved; an unset variable is a
  // problem of a resolved case (its id still counts for duplicates).
  const { header } = parsed;
  const resolver =
    header === undefined
      ? undefined
      : caseResolver(header, {
          file: parsed.file,
          locate: parsed.locate,
          env: options.env,
          globalRules: options.globalRules,
          sideEffects: options.sideEffects,
          serial,
        });
  const general: FileResolver = (index, problems) => {
    const spec = checkedSpec(parsed, index, problems);
    return spec === undefined ? undefined : resolver?.resolve(spec, index, problems);
  };
  // A file whose every case passed the plain-case check as it was parsed: each
  // is resolved from its parsed JSON, unless the plain lane leaves it to the resolver.
  const { plain } = parsed;
  const lane = resolver?.plain;
  if (plain === undefined || lane === undefined) return general;
  return (index, problems) => {
    const value = plain[index];
    return (value === undefined ? undefined : lane(value, index)) ?? general(index, problems);
  };
}

/**
 * Parses and checks every file of the library, handing each resolved case to
 * `visit` as it goes (so a caller keeps as little of them as it likes), and
 * collects every problem, duplicate ids across files included. `inspect`
 * sees each file that parsed once its cases are checked, while it is still
 * in hand (a file is parsed once, however large).
 */
export async function checkLibrary(
  paths: readonly string[],
  options: LoadCasesOptions,
  visit: (entry: CaseEntry, file: CheckedFile, item: number) => void,
  inspect?: (parsed: ParsedCaseFile) => void,
): Promise<{ files: CaseFileRef[]; problems: InputProblem[]; resolved: Resolved }> {
  const discovered = await discoverCaseFiles(paths, options.cwd);
  const problems = [...discovered.problems];
  const files = discovered.files.map((absolute, index) => ({
    absolute,
    file: discovered.shown[index] ?? displayPath(options.cwd, absolute),
  }));
  // Where each id was first seen, as the case's place in the library (the
  // file's first place plus its item): one small integer, not an object per
  // case, since a library of 100k cases keeps 100k of these while it is checked.
  const firstAt = new Map<string, number>();
  const fileStart: number[] = [];
  const duplicates: Duplicate[] = [];
  /**
   * True when `id` (of the case at `item` of `parsed`, the file at `file`) is
   * new; else records the duplicate (reported once every file is read),
   * placed at once when the first definition is in `parsed`.
   */
  const claim = (id: string, file: number, item: number, parsed: ParsedCaseFile): boolean => {
    const first = firstAt.get(id);
    if (first === undefined) {
      firstAt.set(id, (fileStart[file] ?? 0) + item);
      return true;
    }
    const firstFile = fileOfPlace(fileStart, first);
    const firstItem = first - (fileStart[firstFile] ?? 0);
    const position = firstFile === file ? parsed.locate(['cases', firstItem, 'id']) : undefined;
    duplicates.push({
      id: { id, at: idLocation(parsed, item), item },
      first: { file: firstFile, item: firstItem, position },
    });
    return false;
  };
  const resolved = { entries: 0, flows: 0, flowSteps: 0 };
  // The loop over a file's cases, a function of its own: the optimising
  // compiler then compiles it (and what it inlines) once, not inside the
  // loop over files as well.
  const checkCases = (parsed: ParsedCaseFile, found: CheckedFile): void => {
    const { index } = found;
    const resolve = fileResolver(parsed, options);
    for (let item = 0; item < parsed.count; item++) {
      const entry = resolve(item, problems);
      if (entry !== undefined) {
        resolved.entries++;
        if (entry.kind === 'flow') {
          resolved.flows++;
          resolved.flowSteps += entry.steps.length;
        }
        if (claim(entry.id, index, item, parsed)) visit(entry, found, item);
      } else {
        // A case with problems of its own still holds its id: a duplicate is
        // reported with them, not only once they are fixed.
        const id = idOfUnresolved(parsed, item);
        if (id !== undefined) claim(id, index, item, parsed);
      }
    }
  };
  let places = 0;
  for (const [index, ref] of files.entries()) {
    fileStart.push(places);
    const read = await readCaseFile(ref);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const { bytes } = read;
    const outcome = parseCaseFile(bytes, ref.file);
    if (!outcome.ok) {
      for (const problem of outcome.problems) problems.push(problem);
      continue;
    }
    const { parsed } = outcome;
    for (const problem of parsed.problems) problems.push(problem);
    const { header } = parsed;
    const serial = header !== undefined && isSerialFile(header, options);
    // One per file, handed with each of its cases.
    const found: CheckedFile = { index, ref, bytes, serial, suite: header?.suite ?? '' };
    places += parsed.count;
    checkCases(parsed, found);
    inspect?.(parsed);
  }
  for (const problem of await duplicateProblems(duplicates, files)) problems.push(problem);
  return { files, problems: problems.sort(compareProblems), resolved };
}

/** The entries that resolved (a case or a flow each), and the flows among them with their steps. */
interface Resolved {
  entries: number;
  flows: number;
  flowSteps: number;
}

/**
 * The file holding the case at `place` (see `checkLibrary`): the last one
 * starting at or before it (a file that could not be read holds no place).
 */
function fileOfPlace(fileStart: readonly number[], place: number): number {
  let low = 0;
  let high = fileStart.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((fileStart[middle] ?? 0) <= place) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The file where `checkLibrary` found a case: its index and bytes as read. */
export interface CheckedFile {
  readonly index: number;
  readonly ref: CaseFileRef;
  readonly bytes: Buffer;
  /** The file runs in file order (`serial: true` in it, or its suite in the config's `serial`). */
  readonly serial: boolean;
  /** The file's suite. */
  readonly suite: string;
}

/** A case id and where it is written. */
interface CaseId {
  /** The full id, `suite/id`. */
  readonly id: string;
  readonly at: SourceLocation;
  /** The case's index in its file's `cases` (its field, `cases[1].id`, is spelled for a duplicate only). */
  readonly item: number;
}

/** A case whose id was already defined, and where it first was (placed when it was in the same file). */
interface Duplicate {
  readonly id: CaseId;
  readonly first: {
    readonly file: number;
    readonly item: number;
    readonly position: Position | undefined;
  };
}

/**
 * The id (`suite/id`) of a case that did not resolve (it has problems of its
 * own), when the file's suite and the case's `id` are valid; undefined otherwise.
 */
function idOfUnresolved(parsed: ParsedCaseFile, index: number): string | undefined {
  if (parsed.header === undefined) return undefined;
  const item = parsed.item(index);
  if (!('value' in item)) return undefined;
  const { value } = item;
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const id = value.id;
  if (typeof id !== 'string' || !SLUG.test(id)) return undefined;
  return `${parsed.header.suite}/${id}`;
}

/**
 * One problem per case whose id was already defined, naming where (a file
 * holding a first definition elsewhere is read again, once).
 */
async function duplicateProblems(
  duplicates: readonly Duplicate[],
  files: readonly CaseFileRef[],
): Promise<InputProblem[]> {
  const located = new Map<number, ParsedCaseFile | undefined>();
  const problems: InputProblem[] = [];
  for (const { id, first } of duplicates) {
    const ref = files[first.file];
    if (ref === undefined) continue;
    if (first.position === undefined && !located.has(first.file)) {
      const read = await readCaseFile(ref);
      const outcome = 'bytes' in read ? parseCaseFile(read.bytes, ref.file) : undefined;
      located.set(first.file, outcome?.ok === true ? outcome.parsed : undefined);
    }
    const { line, column } = first.position ??
      located.get(first.file)?.locate(['cases', first.item, 'id']) ?? { line: 1, column: 1 };
    problems.push({
      file: id.at.file,
      line: id.at.line,
      column: id.at.column,
      field: formatField(['cases', id.item, 'id']),
      message: `duplicates "${id.id}" first defined at ${ref.file}:${line}:${column} (case ids must be unique)`,
    });
  }
  return problems;
}

function* range(count: number): Generator<number> {
  for (let index = 0; index < count; index++) yield index;
}

function compareProblems(a: InputProblem, b: InputProblem): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}
