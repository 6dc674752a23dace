/**
 * The case-library loader (an I/O edge): find the files, parse and validate each,
 * resolve the cases, and check ids are unique across the library. Every problem
 * in every file is collected before anything is reported, so one run shows them all.
 */
import { readFile } from 'node:fs/promises';
import { formatProblem, type InputProblem, ParityError } from '../errors.js';
import type { Case } from '../model.js';
import type { Env } from '../util/env.js';
import { displayPath } from '../util/paths.js';
import { discoverCaseFiles } from './discover.js';
import { parseCaseFile } from './parse-file.js';
import { type ResolvedEntry, resolveCaseFile } from './resolve.js';
import type { RulesSpec } from './rules-schema.js';

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
  if (problems.length > 0) {
    const summary = `${plural(problems.length, 'problem')} in the case files (${plural(files, 'file')} checked); fix them and run again:`;
    const lines = problems.map(formatProblem);
    throw new ParityError('PARITY_CASES_INVALID', [summary, ...lines].join('\n'), { problems });
  }
  return cases;
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
  const discovered = await discoverCaseFiles(paths, options.cwd);
  const problems = [...discovered.problems];
  const entries: ResolvedEntry[] = [];
  for (const absolute of discovered.files) {
    const file = displayPath(options.cwd, absolute);
    const loaded = await loadFile(absolute, file, options);
    entries.push(...loaded.entries);
    problems.push(...loaded.problems);
  }
  problems.push(...duplicateProblems(entries));
  const cases = entries.map((entry) => entry.case).sort((a, b) => compareText(a.id, b.id));
  return { files: discovered.files.length, cases, problems: problems.sort(compareProblems) };
}

async function loadFile(
  absolute: string,
  file: string,
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
function duplicateProblems(entries: readonly ResolvedEntry[]): InputProblem[] {
  const first = new Map<string, ResolvedEntry>();
  const problems: InputProblem[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.case.id);
    if (earlier === undefined) {
      first.set(entry.case.id, entry);
      continue;
    }
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

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
