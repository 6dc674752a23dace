/**
 * The case library of a run. Every file is parsed and checked first, as
 * `loadCases` does (every problem reported, nothing sent), and the selection
 * applied (filter, tags, shard). A library of up to `STREAM_ABOVE` cases is
 * then held in memory. A larger one keeps only each case's id and rules, and
 * its cases are read again a file at a time as the run reaches them, so a
 * run of 100k cases never holds 100k `Case` objects (measured: ~35 MB less
 * peak RSS for 100k cases; each case file is parsed twice).
 *
 * The run order is the case-id order either way. Streaming needs each file's
 * selected cases to form one run in that order (one suite per file, or files
 * that split a suite by id range: the usual layouts); a library whose ids
 * interleave across files is held in memory instead.
 */

import type { Case } from '../model/case.js';
import type { Rules } from '../rules/types.js';
import { ParityError } from '../util/errors.js';
import { compareText } from '../util/text.js';
import {
  type CaseFileRef,
  checkLibrary,
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
  const ids = selected.map((entry) => entry.id);
  // Each file's run of cases in the id order (one run per file, see fileOrder).
  const runs = new Map<number, { first: number; count: number }>();
  selected.forEach((entry, position) => {
    const run = runs.get(entry.file);
    if (run === undefined) runs.set(entry.file, { first: position, count: 1 });
    else run.count++;
  });
  return {
    source: {
      count: selected.length,
      ids: () => ids,
      rules: () => rules,
      batches: () => readFiles({ files: checked.files, order, runs, ids, chosen }, options),
    },
    matching: matching.length,
    redactHeaders: redactHeadersOf(rules),
    streamed: true,
  };
}

interface StreamPlan {
  readonly files: readonly CaseFileRef[];
  /** File indexes in run order. */
  readonly order: readonly number[];
  /** Per file, where its selected cases sit in `ids`. */
  readonly runs: ReadonlyMap<number, { readonly first: number; readonly count: number }>;
  /** Every selected id, in run order. */
  readonly ids: readonly string[];
  /** The selected ids, or undefined when every case is. */
  readonly chosen: ReadonlySet<string> | undefined;
}

/**
 * The selected cases, a file at a time in run order, read again from disk.
 * Each case must be the one the check found at its position (else the file
 * changed); it takes the id string the check kept, so a run holds one copy of
 * each id, not two.
 */
async function* readFiles(
  plan: StreamPlan,
  options: LoadCasesOptions,
): AsyncIterable<readonly Case[]> {
  for (const fileIndex of plan.order) {
    const ref = plan.files[fileIndex] as CaseFileRef;
    const loaded = await loadCaseFile(ref, options);
    const cases = loaded.entries
      .map((entry) => entry.case)
      .filter((c) => plan.chosen === undefined || plan.chosen.has(c.id))
      .sort(byId);
    const { first, count } = plan.runs.get(fileIndex) ?? { first: 0, count: 0 };
    const same = cases.length === count && cases.every((c, k) => c.id === plan.ids[first + k]);
    if (loaded.problems.length > 0 || !same) {
      throw new ParityError(
        'PARITY_CASES_CHANGED',
        `${ref.file} changed while the run was reading its cases; run again`,
      );
    }
    yield cases.map((c, k) => ({ ...c, id: plan.ids[first + k] as string }));
  }
}
