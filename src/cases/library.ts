/**
 * The case library of a run. Every file is parsed and checked first (every
 * problem reported, nothing sent) and the selection applied (filter, tags,
 * shard); the check keeps, per file, only which of its cases were selected.
 * The run then reads each file again as it reaches it and resolves its cases
 * a batch at a time, so memory holds one file's parsed text and the cases in
 * flight, whether the library is one file of 100k cases or a thousand files.
 */
import { createHash } from 'node:crypto';
import type { Case } from '../model/case.js';
import type { Rules } from '../rules/types.js';
import { ParityError } from '../util/errors.js';
import {
  type CaseFileRef,
  checkLibrary,
  invalidCases,
  type LoadCasesOptions,
  readCaseFile,
  resolvedCases,
} from './load.js';
import { parseCaseFile } from './parse-file.js';
import { type CaseSelection, caseMatcher, inShard } from './select.js';
import { type CaseSource, equivalenceLabels } from './source.js';

/** Cases resolved at a time while a file is run (the pool takes them in order). */
export const CASES_PER_BATCH = 64;

export interface RunLibrary {
  readonly source: CaseSource;
  /** Cases matching the filter and tags before the shard was taken. */
  readonly matching: number;
  /** Header names the selected cases' rules redact. */
  readonly redactHeaders: readonly string[];
}

/** What the check keeps of one file: where it is, what it held, which cases run. */
interface SelectedFile {
  readonly ref: CaseFileRef;
  /** sha256 of the bytes the check read: the run refuses a file that changed since. */
  readonly digest: string;
  /** Indexes (in the file's `cases`) of the selected cases, in file order. */
  readonly items: number[];
}

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Check the library in `paths` and select the run's cases.
 * @throws ParityError `PARITY_CASES_INVALID` carrying every problem when any file is invalid.
 */
export async function openRunLibrary(
  paths: readonly string[],
  options: LoadCasesOptions,
  selection: CaseSelection,
): Promise<RunLibrary> {
  const files: SelectedFile[] = [];
  const matches = caseMatcher(selection);
  const rules = new Set<Rules>();
  let matching = 0;
  let count = 0;
  let current: SelectedFile | undefined;
  const checked = await checkLibrary(paths, options, (entry, found) => {
    if (!matches(entry.case)) return;
    const position = matching++;
    if (!inShard(selection.shard, position)) return;
    if (current?.ref !== found.ref) {
      current = { ref: found.ref, digest: digestOf(found.bytes), items: [] };
      files.push(current);
    }
    current.items.push(found.item);
    rules.add(entry.case.rules);
    count++;
  });
  if (checked.problems.length > 0) throw invalidCases(checked.problems, checked.files.length);
  return {
    source: {
      count,
      declaredEquivalences: equivalenceLabels(rules),
      batches: () => readSelected(files, options),
    },
    matching,
    redactHeaders: [...new Set([...rules].flatMap((r) => r.redactHeaders))],
  };
}

/**
 * The selected cases, a file at a time in path order and a batch at a time
 * within a file, read again from disk. A file whose text is no longer what
 * the check read stops the run: its cases may not be the ones checked.
 */
async function* readSelected(
  files: readonly SelectedFile[],
  options: LoadCasesOptions,
): AsyncIterable<readonly Case[]> {
  for (const selected of files) {
    const changed = new ParityError(
      'PARITY_CASES_CHANGED',
      `${selected.ref.file} changed while the run was reading its cases; run again`,
    );
    const read = await readCaseFile(selected.ref);
    if (!('bytes' in read) || digestOf(read.bytes) !== selected.digest) throw changed;
    const outcome = parseCaseFile(read.bytes, selected.ref.file);
    if (!outcome.ok) throw changed;
    let batch: Case[] = [];
    for (const { entry, problems } of resolvedCases(outcome.parsed, options, selected.items)) {
      if (entry === undefined || problems.length > 0) throw changed;
      batch.push(entry.case);
      if (batch.length === CASES_PER_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
