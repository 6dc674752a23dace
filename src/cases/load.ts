/**
 * The case-library loader (an I/O edge): find the files, parse and validate each,
 * resolve the cases, and check ids are unique across the library. Every problem
 * in every file is collected before anything is reported, so one run shows them all.
 */
import { readFile } from 'node:fs/promises';
import type { Case } from '../model/case.js';
import type { RulesSpec } from '../rules/schema.js';
import type { Env } from '../util/env.js';
import { formatProblem, type InputProblem, ParityError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { compareText } from '../util/text.js';
import { discoverCaseFiles } from './discover.js';
import { parseCaseFile } from './parse-file.js';
import { type ResolvedEntry, resolveCaseFile } from './resolve.js';

/** Where and how to load the case library. */
export interface LoadCasesOptions {
  /** Paths are resolved against it, and problems and sources are shown relative to it. */
  readonly cwd: string;
  /** Values for `${env:NAME}` (usually `process.env`, passed in by the CLI). */
  readonly env: Env;
  /** Rules from the config, the outermost layer under suite defaults and case rules. */
  readonly globalRules?: RulesSpec | undefined;
}

/** The result of checking the case library without running it. */
export interface CaseValidation {
  /** Case files found. */
  readonly files: number;
  /** Cases that resolved (in files without problems). */
  readonly cases: number;
  /** Every problem, sorted by file, line and column. */
  readonly problems: InputProblem[];
}

/**
 * Load the cases in `paths` (files or folders), sorted by id.
 * @throws ParityError `PARITY_CASES_INVALID` carrying every problem when any file is invalid.
 */
export async function loadCases(
  paths: readonly string[],
  options: LoadCasesOptions,
): Promise<Case[]> {
  const { files, cases, problems } = await collect(paths, options);
  if (problems.length > 0) throw invalidCases(problems, files);
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
  const { files, cases, problems } = await collect(paths, options);
  return { files, cases: cases.length, problems };
}

async function collect(
  paths: readonly string[],
  options: LoadCasesOptions,
): Promise<{ files: number; cases: Case[]; problems: InputProblem[] }> {
  const cases: Case[] = [];
  const checked = await checkLibrary(paths, options, (entries) => {
    for (const entry of entries) cases.push(entry.case);
  });
  cases.sort((a, b) => compareText(a.id, b.id));
  return { files: checked.files.length, cases, problems: checked.problems };
}

/** One case file of a checked library: where it is, as found and as shown. */
export interface CaseFileRef {
  readonly absolute: string;
  readonly file: string;
}

/**
 * Parses and checks every file of the library, handing each file's resolved
 * cases to `visit` as it goes (so a caller may keep as little of them as it
 * likes), and collects every problem, duplicate ids across files included.
 */
export async function checkLibrary(
  paths: readonly string[],
  options: LoadCasesOptions,
  visit: (entries: readonly ResolvedEntry[], fileIndex: number) => void,
): Promise<{ files: CaseFileRef[]; problems: InputProblem[] }> {
  const discovered = await discoverCaseFiles(paths, options.cwd);
  const problems = [...discovered.problems];
  const files = discovered.files.map((absolute) => ({
    absolute,
    file: displayPath(options.cwd, absolute),
  }));
  // The first file of each id; where in it is looked up again only for a duplicate.
  const firstFile = new Map<string, number>();
  const duplicates: { entry: ResolvedEntry; first: number }[] = [];
  for (const [fileIndex, ref] of files.entries()) {
    const loaded = await loadCaseFile(ref, options);
    problems.push(...loaded.problems);
    for (const entry of loaded.entries) {
      const first = firstFile.get(entry.case.id);
      if (first === undefined) firstFile.set(entry.case.id, fileIndex);
      else duplicates.push({ entry, first });
    }
    visit(loaded.entries, fileIndex);
  }
  problems.push(...(await duplicateProblems(duplicates, files, options)));
  return { files, problems: problems.sort(compareProblems) };
}

/** Reads, parses, checks and resolves one case file. */
export async function loadCaseFile(
  { absolute, file }: CaseFileRef,
  options: LoadCasesOptions,
): Promise<{ entries: ResolvedEntry[]; problems: InputProblem[] }> {
  const text = await readFile(absolute, 'utf8').catch((error: unknown) => error);
  if (typeof text !== 'string') {
    const reason = text instanceof Error ? text.message : String(text);
    return {
      entries: [],
      problems: [{ file, line: 1, column: 1, field: '', message: `cannot be read (${reason})` }],
    };
  }
  const parsed = parseCaseFile(text, file);
  if (!parsed.ok) return { entries: [], problems: [...parsed.problems] };
  return resolveCaseFile(parsed.spec, {
    file,
    locate: parsed.locate,
    env: options.env,
    globalRules: options.globalRules,
  });
}

/** One problem for every case whose full id was already defined (in file order). */
async function duplicateProblems(
  duplicates: readonly { entry: ResolvedEntry; first: number }[],
  files: readonly CaseFileRef[],
  options: LoadCasesOptions,
): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  const reread = new Map<number, readonly ResolvedEntry[]>();
  for (const { entry, first } of duplicates) {
    const ref = files[first];
    let again = reread.get(first);
    if (again === undefined) {
      again = ref === undefined ? [] : (await loadCaseFile(ref, options)).entries;
      reread.set(first, again);
    }
    const earlier = again.find((e) => e.case.id === entry.case.id);
    if (earlier === undefined) continue;
    const { file, line, column } = earlier.idAt;
    problems.push({
      file: entry.idAt.file,
      line: entry.idAt.line,
      column: entry.idAt.column,
      field: entry.idField,
      message: `duplicates "${entry.case.id}" first defined at ${file}:${line}:${column} (case ids must be unique)`,
    });
  }
  return problems;
}

function compareProblems(a: InputProblem, b: InputProblem): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
