/**
 * Keeps a run's memory flat in the number of cases, whatever the run's size:
 * every `CaseResult` is appended to `results.ndjson` as soon as it is known,
 * and only the results a reader must see (`isNotable`) stay in memory, with a
 * few numbers per case for the rest. Each line is the case as observed and
 * is never rewritten to show the run's assessment (only to hide a secret a
 * flow learned later); report.json is written by reading the lines back in
 * run order, each case the assessment speaks of as assessed
 * (`assessment.ts`), and the assessment is kept beside the lines
 * (`assessment-file.ts`).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redactor } from '../redact/redact.js';
import { openBlockFile } from '../util/block-file.js';
import { writeAssessment } from './assessment-file.js';
import {
  type CollectedResults,
  type FinalResults,
  type ResultJson,
  runOrderBy,
} from './collected.js';
import { redactLearned } from './late-redact.js';
import {
  createSummaryTally,
  createVerdictTally,
  type RunSummary,
  type VerdictTally,
} from './summary.js';
import { type CaseResult, isNotable } from './types.js';

/** Accepts results as they complete. */
export interface ResultStream {
  /** The result of the case at `position` (0-based, in run order). */
  add(result: CaseResult, position: number): void;
  /**
   * Every result added so far is redacted again by `redact` when the stream
   * finishes: a secret learned now (a flow's capture) that an earlier result
   * may hold. The last `redact` given wins (it knows every secret learned).
   */
  redactAdded(redact: Redactor): void;
  finish(): Promise<CollectedResults>;
}

/** Per position in run order: where its line is, and what its junit row needs. */
interface Ledger {
  readonly ids: (string | undefined)[];
  readonly offsets: Float64Array;
  readonly lengths: Uint32Array;
  readonly suites: Uint32Array;
  readonly slowestMs: Float64Array;
  readonly suiteNames: string[];
}

/** Opens `path` (an NDJSON file, created with its folder) for the results of `count` cases. */
export async function openResultStream(path: string, count: number): Promise<ResultStream> {
  await mkdir(dirname(path), { recursive: true });
  const out = await openBlockFile(path);
  const ledger: Ledger = {
    ids: new Array<string | undefined>(count),
    offsets: new Float64Array(count),
    lengths: new Uint32Array(count),
    suites: new Uint32Array(count),
    slowestMs: new Float64Array(count),
    suiteNames: [],
  };
  const suiteIndex = new Map<string, number>();
  const notable: { readonly position: number; result: CaseResult }[] = [];
  const tally = createSummaryTally();
  // The verdicts of the results no assessment changes (`results/assessment.ts`).
  const plain = createVerdictTally();
  let offset = 0;
  // Positions added before the last `redactAdded`, and the redaction they still need.
  const stale = new Uint8Array(count);
  const added: number[] = [];
  let late: Redactor | undefined;
  return {
    redactAdded(redact) {
      for (const position of added) stale[position] = 1;
      added.length = 0;
      late = redact;
    },
    add(result, position) {
      // Each line is encoded into the file's block at once (see util/block-file.ts).
      const bytes = out.appendLine(JSON.stringify(result));
      let suite = suiteIndex.get(result.suite);
      if (suite === undefined) {
        suite = ledger.suiteNames.push(result.suite) - 1;
        suiteIndex.set(result.suite, suite);
      }
      ledger.ids[position] = result.caseId;
      ledger.offsets[position] = offset;
      ledger.lengths[position] = bytes;
      ledger.suites[position] = suite;
      ledger.slowestMs[position] = Math.max(
        result.baseline.durationMs,
        result.candidate.durationMs,
      );
      offset += bytes;
      added.push(position);
      tally.add(result);
      if (isNotable(result)) notable.push({ position, result });
      else plain.add(result);
    },
    async finish() {
      await out.close();
      if (late !== undefined) {
        await rewriteStale(path, ledger, stale, late);
        for (const item of notable) {
          if (stale[item.position] === 1) item.result = redactLearned(item.result, late);
        }
      }
      notable.sort((a, b) => a.position - b.position);
      return collected(path, ledger, notable, tally.summary(), plain);
    },
  };
}

function collected(
  path: string,
  ledger: Ledger,
  notable: readonly { position: number; result: CaseResult }[],
  summary: RunSummary,
  plain: VerdictTally,
): CollectedResults {
  const ran = [...ledger.ids.keys()].filter((position) => ledger.ids[position] !== undefined);
  const ranIds = ran.map((position) => ledger.ids[position] as string);
  return {
    notable: notable.map((n) => n.result),
    summary,
    plain,
    ranIds,
    inRunOrder: runOrderBy(ranIds),
    saveAssessment: (assessment, listed) => writeAssessment(dirname(path), assessment, listed),
    async read(caseIds) {
      const wanted = ran.filter((position) => caseIds.has(ledger.ids[position] as string));
      const out: CaseResult[] = [];
      for (const line of readLines(path, ledger, wanted)) {
        out.push(typeof line === 'string' ? parseResult(line) : line);
      }
      return out;
    },
    lines: (final) => readLines(path, ledger, ran, final),
    *junitRows(final) {
      for (const position of ran) {
        const caseId = ledger.ids[position] as string;
        yield final.get(caseId) ?? {
          caseId,
          suite: ledger.suiteNames[ledger.suites[position] ?? 0] ?? '',
          slowestMs: ledger.slowestMs[position] ?? 0,
        };
      }
    },
  };
}

/**
 * Rewrites the lines of the `stale` positions through `redact` (each parsed,
 * redacted as a structure, written again: a text replacement could split a
 * JSON escape), the others as they are, into a new file renamed over the old
 * one; the ledger gets the new offsets and lengths.
 */
async function rewriteStale(
  path: string,
  ledger: Ledger,
  stale: Uint8Array,
  redact: Redactor,
): Promise<void> {
  const positions = [...ledger.ids.keys()]
    .filter((position) => ledger.ids[position] !== undefined)
    .sort((a, b) => (ledger.offsets[a] ?? 0) - (ledger.offsets[b] ?? 0));
  const temp = `${path}.redacting`;
  const out = await openBlockFile(temp);
  let offset = 0;
  const moved: [number, number, number][] = [];
  try {
    let index = 0;
    for (const line of readLines(path, ledger, positions)) {
      const position = positions[index++] ?? 0;
      // Parsed only when its text holds a secret in some form.
      const text =
        typeof line === 'string' && stale[position] === 1 && redact.text(line) !== line
          ? JSON.stringify(redactLearned(parseResult(line), redact))
          : String(line);
      const bytes = out.appendLine(text);
      moved.push([position, offset, bytes]);
      offset += bytes;
    }
    await out.close();
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, path);
  for (const [position, start, bytes] of moved) {
    ledger.offsets[position] = start;
    ledger.lengths[position] = bytes;
  }
}

/** A line of results.ndjson: written by this run, so it is a result as written. */
function parseResult(line: string): CaseResult {
  const value: CaseResult = JSON.parse(line);
  return value;
}

const WINDOW = 1 << 20;
const BEHIND = 64 * 1024;

/**
 * The lines at `positions`, in that order, through a 1 MiB read window:
 * results complete nearly in run order, so most lines are in the window. A
 * position with a final form in `final` yields that instead of its line.
 * Read synchronously (a window at a time, from a file this run just wrote):
 * report.json's writer takes a line per step, and an asynchronous generator
 * cost a promise and a job per line at each layer.
 */
function* readLines(
  path: string,
  ledger: Ledger,
  positions: readonly number[],
  final?: FinalResults,
): Iterable<ResultJson> {
  const handle = openSync(path, 'r');
  try {
    let buffer = Buffer.alloc(WINDOW);
    let window = buffer.subarray(0, 0);
    let windowStart = 0;
    for (const position of positions) {
      const replaced = final?.get(ledger.ids[position] as string);
      if (replaced !== undefined) {
        yield replaced;
        continue;
      }
      const start = ledger.offsets[position] ?? 0;
      const end = start + (ledger.lengths[position] ?? 0);
      if (start < windowStart || end > windowStart + window.length) {
        // Start a little before the line: results finish slightly out of order.
        windowStart = Math.max(0, start - BEHIND);
        if (end - windowStart > buffer.length) buffer = Buffer.alloc(end - windowStart);
        const bytesRead = readWindow(handle, buffer, windowStart);
        window = buffer.subarray(0, bytesRead);
      }
      // The line without its newline.
      yield window.toString('utf8', start - windowStart, end - windowStart - 1);
    }
  } finally {
    closeSync(handle);
  }
}

/** Fills `buffer` from `at` on, as far as the file goes; returns the bytes read. */
function readWindow(handle: number, buffer: Buffer, at: number): number {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(handle, buffer, done, buffer.length - done, at + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
