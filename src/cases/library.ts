/**
 * The case library of a run. Every file is parsed and checked first, as
 * `loadCases` does (every problem reported, nothing sent), and the selection
 * applied (filter, tags, shard). A library of up to `STREAM_ABOVE` cases is
 * then held in memory. A larger one keeps only each case's id and rules, and
 * its cases are read again a file at a time as the run reaches them, so a
 * run of 100k cases never holds 100k `Case` objects (measured: ~50 MB of peak
 * RSS, mostly the young generation V8 grows while they all stay alive).
 *
 * The run order is the case-id order either way. Streaming needs each file's
 * selected cases to form one run in that order (one suite per file, or files
 * that split a suite by id range: the usual layouts); a library whose ids
 * interleave across files is held in memory instead.
 */
import { ParityError } from '../errors.js';
import type { Case, Rules } from '../model.js';
import {
  type CaseFileRef,
  checkLibrary,
  compareText,
  invalidCases,
  type LoadCasesOptions,
  loadCaseFile,
  loadCases,
} from './load.js';
import { type CaseSelection, selectCases } from './select.js';
import { type CaseSource, inMemory } from './source.js';

/** Above this many cases in the library, a run streams them (when the layout allows). */
export const STREAM_ABOVE = 10_000;

export interface RunLibrary {
  readonly source: CaseSource;
  /** Cases matching the filter and tags before the shard was taken. */
  readonly matching: number;
  /** Header names the selected cases' rules redact. */
  readonly redactHeaders: readonly string[];
  /** True when the cases are read again file by file during the run. */
  readonly streamed: boolean;
}

/** What the check keeps of a case of a large library. */
interface Indexed {
  readonly id: string;
  readonly tags: readonly string[];
  readonly rules: Rules;
  readonly file: number;
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) => compareText(a.id, b.id);

function redactHeadersOf(rules: Iterable<Rules>): string[] {
  return [...new Set([...rules].flatMap((r) => r.redactHeaders))];
}

function heldInMemory(all: readonly Case[], selection: CaseSelection): RunLibrary {
  const { shard, ...criteria } = selection;
  const matching = selectCases(all, criteria);
  const cases = shard === undefined ? matching : selectCases(matching, { shard });
  return {
    source: inMemory(cases),
    matching: matching.length,
    redactHeaders: redactHeadersOf(new Set(cases.map((c) => c.rules))),
    streamed: false,
  };
}

/** The files in the order the selected cases (in id order) reach them; undefined if one is reached twice. */
function fileOrder(selected: readonly Indexed[]): number[] | undefined {
  const order: number[] = [];
  const done = new Set<number>();
  let current = -1;
  for (const entry of selected) {
    if (entry.file === current) continue;
    if (done.has(entry.file)) return undefined;
    done.add(entry.file);
    order.push(entry.file);
    current = entry.file;
  }
  return order;
}

/**
 * Check the library in `paths` and select the run's cases.
 * @throws ParityError `PARITY_CASES_INVALID` carrying every problem when any file is invalid.
 */
export async function openRunLibrary(
  paths: readonly string[],
  options: LoadCasesOptions,
  selection: CaseSelection,
  streamAbove: number = STREAM_ABOVE,
): Promise<RunLibrary> {
  const index: Indexed[] = [];
  let held: Case[] | undefined = [];
  const checked = await checkLibrary(paths, options, (entries, file) => {
    for (const { case: c } of entries) {
      index.push({ id: c.id, tags: c.tags, rules: c.rules, file });
      held?.push(c);
    }
    if (held !== undefined && held.length > streamAbove) held = undefined;
  });
  if (checked.problems.length > 0) throw invalidCases(checked.problems, checked.files.length);
  if (held !== undefined) return heldInMemory(held.sort(byId), selection);
  index.sort(byId);
  const { shard, ...criteria } = selection;
  const matching = selectCases(index, criteria);
  const selected = shard === undefined ? matching : selectCases(matching, { shard });
  const order = fileOrder(selected);
  if (order === undefined) return heldInMemory(await loadCases(paths, options), selection);
  const rules = new Set(selected.map((entry) => entry.rules));
  const chosen = selected.length === index.length ? undefined : new Set(selected.map((e) => e.id));
  const perFile = new Map<number, number>();
  for (const entry of selected) perFile.set(entry.file, (perFile.get(entry.file) ?? 0) + 1);
  const ids = selected.map((entry) => entry.id);
  return {
    source: {
      count: selected.length,
      ids: () => ids,
      rules: () => rules,
      batches: () => readFiles(checked.files, order, perFile, chosen, options),
    },
    matching: matching.length,
    redactHeaders: redactHeadersOf(rules),
    streamed: true,
  };
}

/** The selected cases, a file at a time in run order, read again from disk. */
async function* readFiles(
  files: readonly CaseFileRef[],
  order: readonly number[],
  perFile: ReadonlyMap<number, number>,
  chosen: ReadonlySet<string> | undefined,
  options: LoadCasesOptions,
): AsyncIterable<readonly Case[]> {
  for (const fileIndex of order) {
    const ref = files[fileIndex] as CaseFileRef;
    const loaded = await loadCaseFile(ref, options);
    const cases = loaded.entries
      .map((entry) => entry.case)
      .filter((c) => chosen === undefined || chosen.has(c.id))
      .sort(byId);
    if (loaded.problems.length > 0 || cases.length !== perFile.get(fileIndex)) {
      throw new ParityError(
        'PARITY_CASES_CHANGED',
        `${ref.file} changed while the run was reading its cases; run again`,
      );
    }
    yield cases;
  }
}
