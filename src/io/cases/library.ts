/**
 * The case library of a run. Every file is parsed and checked first (every
 * problem reported, nothing sent) and the selection applied (filter, tags,
 * shard); the check keeps, per file, only which of its cases were selected.
 * The run then reads each file again as it reaches it (a file that changed
 * stops the run) and resolves its cases a batch at a time, so memory holds
 * one file's parsed text and the cases in flight, whether the library is one
 * file of 100k cases or a thousand files; the first `KEPT_CASES` cases are
 * kept as the check resolved them instead of being resolved twice.
 */
import { createHash } from 'node:crypto';
import { type Case, type CaseEntry, casesOf } from '../../contract/model/case.js';
import type { CaseSequence, RunUnit } from '../../contract/model/unit.js';
import type { Rules } from '../../contract/rules/types.js';
import { addCredentialValues } from '../../core/redact/literal-credentials.js';
import { type InputProblem, ParityError } from '../../util/errors.js';
import {
  type CaseFileRef,
  type CheckedFile,
  checkLibrary,
  fileResolver,
  invalidCases,
  type LoadCasesOptions,
  readCaseFile,
} from './load.js';
import { type ParsedCaseFile, parseCaseFile } from './parse-file.js';
import { createRpcPaths } from './rpc-paths.js';
import { type CaseSelection, caseMatcher, inShard } from './select.js';
import { type CaseSource, equivalenceLabels, sequenceOf } from './source.js';

/** Cases resolved at a time while a file is run (the pool takes them in order). */
export const CASES_PER_BATCH = 64;

/**
 * Cases (flow steps counted) the check keeps resolved for the run, in path
 * order, so their files are not parsed and resolved a second time: about
 * 400 bytes each (~10 MB at most), each dropped as the run reaches it. A
 * file past the budget, or of a serial sequence, is resolved again at its turn.
 */
export const KEPT_CASES = 25_000;

/**
 * Bytes of case files the check keeps for the run: a file whose cases are
 * kept is compared whole with what it holds at its turn (a comparison of
 * bytes, not a second sha256 of them), while their sizes add up to at most
 * this; any other file is compared by its sha256.
 */
export const KEPT_FILE_BYTES = 16 * 1024 * 1024;

export interface RunLibrary {
  readonly source: CaseSource;
  /** Cases matching the filter and tags before the shard was taken. */
  readonly matching: number;
  /** Header names the selected cases' rules redact. */
  readonly redactHeaders: readonly string[];
  /** Values the selected cases send as credentials (`core/redact/literal-credentials.ts`). */
  readonly credentials: ReadonlySet<string>;
}

/** What the check keeps of one file: where it is, what it held, which cases run. */
interface SelectedFile {
  readonly ref: CaseFileRef;
  /**
   * sha256 of the bytes the check read (the run refuses a file that changed
   * since), or undefined while `kept` holds those bytes (it is worked out
   * when the file is taken at its turn, for a caller that reads it again).
   */
  digest: string | undefined;
  /** Indexes (in the file's `cases`) of the selected cases, in file order. */
  readonly items: number[];
  /** The serial sequence the file's cases run in (its id), or undefined. */
  readonly serial: string | undefined;
  /** How many results its selected cases give (a flow gives one per step). */
  results: number;
  /** Its selected entries as the check resolved them, while the budget lasts (`KEPT_CASES`). */
  kept: KeptFile | undefined;
}

/** A file's entries as the check resolved them, and its bytes as the check read them (or undefined). */
interface KeptFile {
  readonly entries: CaseEntry[];
  readonly bytes: Buffer | undefined;
}

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Whether an entry (a case, or a flow by its id or any step's) is selected by filter and tags. */
function entryMatcher(selection: CaseSelection): (entry: CaseEntry) => boolean {
  const matches = caseMatcher(selection);
  return (entry) =>
    matches(entry) ||
    (entry.kind === 'flow' &&
      entry.steps.some((step) => matches({ id: step.id, tags: entry.tags })));
}

/**
 * Deals the run's units to shards: consecutive entries of one serial sequence
 * are one unit, any other entry (a case, a flow) is a unit of its own, so a
 * shard never splits a flow or a serial file. Returns the sequence id of a
 * serial entry (the display path of the sequence's first file) and whether
 * the entry belongs to the shard.
 */
function unitDealer(shard: CaseSelection['shard']) {
  let units = 0;
  let current: { serial: string; suite: string; inShard: boolean } | undefined;
  return (found: CheckedFile): Dealt => {
    if (!found.serial) {
      current = undefined;
      // Shared answers: no object per case on a library's hot path.
      return inShard(shard, units++) ? ALONE_IN_SHARD : ALONE_ELSEWHERE;
    }
    // A serial file goes on its suite's sequence when the last selected entry was on it.
    if (current === undefined || current.suite !== found.suite) {
      current = { serial: found.ref.file, suite: found.suite, inShard: inShard(shard, units++) };
    }
    return current;
  };
}

/** Where the dealer put an entry: its serial sequence (or undefined), and whether it is in the shard. */
interface Dealt {
  readonly serial: string | undefined;
  readonly inShard: boolean;
}

const ALONE_IN_SHARD: Dealt = Object.freeze({ serial: undefined, inShard: true });
const ALONE_ELSEWHERE: Dealt = Object.freeze({ serial: undefined, inShard: false });

/** How a library is opened for its run. */
export interface OpenLibraryOptions {
  /** Cases the check keeps resolved for the run (`KEPT_CASES`). */
  readonly keep?: number | undefined;
  /**
   * The caller reads the batches once (a run): a file whose cases were kept
   * is then not hashed when it is taken, for a second read that never comes.
   * Reading them again is a bug, and throws.
   */
  readonly readOnce?: boolean | undefined;
}

/**
 * Check the library in `paths` and select the run's cases.
 * @throws ParityError `PARITY_CASES_INVALID` carrying every problem when any file is invalid.
 */
export async function openRunLibrary(
  paths: readonly string[],
  options: LoadCasesOptions,
  selection: CaseSelection,
  { keep = KEPT_CASES, readOnce = false }: OpenLibraryOptions = {},
): Promise<RunLibrary> {
  const files: SelectedFile[] = [];
  const matches = entryMatcher(selection);
  const deal = unitDealer(selection.shard);
  const rules = new Set<Rules>();
  const credentials = new Set<string>();
  const rpc = createRpcPaths();
  let matching = 0;
  let count = 0;
  let current: SelectedFile | undefined;
  // Entries kept resolved so far; once a file goes past the budget, no later file keeps any.
  let kept = 0;
  let keptBytes = 0;
  /** A file's bytes, kept for its turn while the byte budget lasts. */
  const keepBytes = (bytes: Buffer): Buffer | undefined => {
    if (keptBytes + bytes.byteLength > KEPT_FILE_BYTES) return undefined;
    keptBytes += bytes.byteLength;
    return bytes;
  };
  const checked = await checkLibrary(paths, options, (entry, found, item) => {
    if (!matches(entry)) return;
    // Most entries are one case: no array for them on a library's hot path.
    const size = entry.kind === 'flow' ? entry.steps.length : 1;
    matching += size;
    const dealt = deal(found);
    if (!dealt.inShard) return;
    if (current?.ref !== found.ref) {
      const bytes = dealt.serial === undefined && kept < keep ? keepBytes(found.bytes) : undefined;
      current = {
        ref: found.ref,
        digest: bytes === undefined ? digestOf(found.bytes) : undefined,
        items: [],
        serial: dealt.serial,
        results: 0,
        kept: dealt.serial === undefined && kept < keep ? { entries: [], bytes } : undefined,
      };
      files.push(current);
    }
    current.items.push(item);
    if (current.kept !== undefined) {
      kept += size;
      if (kept <= keep) current.kept.entries.push(entry);
      else {
        current.kept = undefined;
        current.digest ??= digestOf(found.bytes);
      }
    }
    current.results += size;
    if (entry.kind === 'flow') {
      for (const step of entry.steps) {
        rules.add(step.rules);
        rpc.add(step.request);
        addCredentialValues(step.request, step.rules.redactHeaders, credentials);
      }
    } else {
      rules.add(entry.rules);
      rpc.add(entry.request);
      addCredentialValues(entry.request, entry.rules.redactHeaders, credentials);
    }
    count += size;
  });
  if (checked.problems.length > 0) throw invalidCases(checked.problems, checked.files.length);
  return {
    source: {
      count,
      declaredEquivalences: equivalenceLabels(rules),
      rpcPaths: rpc.paths(),
      batches: () => readSelected(files, options, readOnce),
    },
    matching,
    redactHeaders: [...new Set([...rules].flatMap((r) => r.redactHeaders))],
    credentials,
  };
}

/**
 * The selected units, a file at a time in path order and a batch at a time
 * within a file. A serial sequence is one unit, read from disk when it runs;
 * the files of other units are read as the run reaches them.
 */
async function* readSelected(
  files: readonly SelectedFile[],
  options: LoadCasesOptions,
  readOnce: boolean,
): AsyncIterable<readonly RunUnit[]> {
  for (const group of consecutive(files)) {
    const [first] = group;
    if (first?.serial !== undefined) {
      yield [serialSequence(group, first.serial, options)];
      continue;
    }
    for (const selected of group) {
      for (const batch of batchesOf(await entriesAgain(selected, options, readOnce))) yield batch;
    }
  }
}

/**
 * A file's entries as the run's units, `CASES_PER_BATCH` at a time, resolved
 * as they are taken (a file past the kept budget is never resolved whole). A
 * generator of its own, not a loop inside `readSelected`: the loop runs once
 * per case, so V8 optimises whatever holds it, and the async generator that
 * held it cost ~50 M instructions of TurboFan per 20,000-case run.
 */
function* batchesOf(entries: Iterable<CaseEntry>): Generator<RunUnit[]> {
  let batch: RunUnit[] = [];
  for (const entry of entries) {
    batch.push(entry.kind === 'flow' ? sequenceOf(entry.steps) : entry);
    if (batch.length === CASES_PER_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The files in order, consecutive files of one serial sequence together, any other file alone. */
function* consecutive(files: readonly SelectedFile[]): Generator<SelectedFile[]> {
  let group: SelectedFile[] = [];
  for (const file of files) {
    const last = group[group.length - 1];
    if (last !== undefined && (file.serial === undefined || file.serial !== last.serial)) {
      yield group;
      group = [];
    }
    group.push(file);
  }
  if (group.length > 0) yield group;
}

/** The files of one serial sequence, read when the sequence runs. */
function serialSequence(
  group: readonly SelectedFile[],
  serial: string,
  options: LoadCasesOptions,
): CaseSequence {
  return {
    kind: 'sequence',
    size: group.reduce((sum, file) => sum + file.results, 0),
    async *cases() {
      for (const selected of group) {
        let batch: Case[] = [];
        for (const entry of readEntries(await parseAgain(selected), selected, options, serial)) {
          batch.push(...casesOf(entry));
          if (batch.length >= CASES_PER_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
    },
  };
}

function changedError(selected: SelectedFile): ParityError {
  return new ParityError(
    'PARITY_CASES_CHANGED',
    `${selected.ref.file} changed while the run was reading its cases; run again`,
  );
}

/**
 * A selected file read again. A file whose text is no longer what the check
 * read stops the run: its cases may not be the ones checked.
 */
async function readAgain(selected: SelectedFile): Promise<Buffer> {
  if (selected.kept === undefined && selected.digest === undefined) {
    throw new Error(`${selected.ref.file} was read again from a library opened to be read once`);
  }
  const read = await readCaseFile(selected.ref);
  if (!('bytes' in read)) throw changedError(selected);
  const checked = selected.kept?.bytes;
  const same =
    checked === undefined ? digestOf(read.bytes) === selected.digest : read.bytes.equals(checked);
  if (!same) throw changedError(selected);
  return read.bytes;
}

/** A selected file read and parsed again (see `readAgain`). */
async function parseAgain(selected: SelectedFile): Promise<ParsedCaseFile> {
  const outcome = parseCaseFile(await readAgain(selected), selected.ref.file);
  if (!outcome.ok) throw changedError(selected);
  return outcome.parsed;
}

/**
 * A plain file's selected entries at its turn: the ones the check kept once
 * the file proves unchanged (given once, then dropped), else resolved again.
 */
async function entriesAgain(
  selected: SelectedFile,
  options: LoadCasesOptions,
  readOnce: boolean,
): Promise<Iterable<CaseEntry>> {
  const { kept } = selected;
  if (kept === undefined) return readEntries(await parseAgain(selected), selected, options);
  const bytes = await readAgain(selected);
  // A caller may read the batches again (`parity record` lists its cases first):
  // the file is then compared by its sha256, as one whose cases were not kept.
  if (!readOnce) selected.digest ??= digestOf(bytes);
  selected.kept = undefined;
  return kept.entries;
}

function* readEntries(
  parsed: ParsedCaseFile,
  selected: SelectedFile,
  options: LoadCasesOptions,
  serial?: string,
): Generator<CaseEntry> {
  const resolve = fileResolver(parsed, options, serial);
  const problems: InputProblem[] = [];
  for (const index of selected.items) {
    const entry = resolve(index, problems);
    if (entry === undefined || problems.length > 0) throw changedError(selected);
    yield entry;
  }
}
