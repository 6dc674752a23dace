/**
 * Keeps a run's memory flat in the number of cases: every `CaseResult` is
 * appended to `results.ndjson` as soon as it is known, and only the results a
 * human must read (divergent, errors, unmet expectations) stay in memory once a
 * run is large. report.json is then written by streaming the NDJSON back, in
 * case-id order, with the in-memory (tracker-annotated) results spliced in.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ChunkedList, NumberLog } from '../util/chunked.js';
import { compareText } from '../util/text.js';
import { createSummaryTally, type RunSummary } from './summary.js';
import type { CaseResult } from './types.js';

/** A result, or its JSON text when it was already serialised (results.ndjson). */
export type ResultJson = CaseResult | string;

/** Up to this many results, every result stays in memory (today's behaviour for normal runs). */
export const RESULTS_IN_MEMORY = 10_000;

const FLUSH_AT = 64 * 1024;

/**
 * One `<testcase>` of junit.xml: a kept result in its final form, or for a
 * plainly equal one just what a passed testcase shows (kept in memory as the
 * run streams, so junit.xml never reads results.ndjson back).
 */
export type JunitRow = CaseResult | PassedRow;

export interface PassedRow {
  readonly caseId: string;
  readonly suite: string;
  /** The slower side's duration, in ms (as the result has it). */
  readonly slowestMs: number;
}

/** What a finished stream hands to the report writer. */
export interface CollectedResults {
  /** Every result when the run was small; otherwise only those that are not plainly equal. */
  readonly kept: readonly CaseResult[];
  /** True when `kept` holds every result of the run. */
  readonly complete: boolean;
  /** The summary of every result, built as they streamed past. */
  readonly summary: RunSummary;
  /** All results, in case-id order; `resolve` swaps a kept result for its final form. */
  all(resolve: Resolve): AsyncIterable<ResultJson>;
  /** Every result as a junit.xml row, in case-id order, from memory. */
  junitRows(resolve: (result: CaseResult) => CaseResult): Iterable<JunitRow>;
}

/**
 * The final form of each result: `result` for those kept in memory; `line`
 * (when given) for the plainly equal ones read back as their NDJSON line.
 */
export interface Resolve {
  (result: CaseResult): CaseResult;
  readonly line?: (caseId: string, line: string) => string;
}

/** Accepts results as they complete. */
export interface ResultStream {
  add(result: CaseResult): void;
  finish(): Promise<CollectedResults>;
}

/** Plainly equal: nothing in it for a reader beyond the count. */
function isPlainEqual(result: CaseResult): boolean {
  return result.verdict === 'equal' && result.expectations === undefined;
}

/**
 * Positions in case-id order. Results complete nearly in id order: a plain
 * array's sort (TimSort) finds the sorted runs and is near linear on such
 * input, where a typed array's sort is not.
 */
function idOrder(ids: ChunkedList<string>): number[] {
  const order = Array.from({ length: ids.length }, (_, k) => k);
  return order.sort((a, b) => compareText(ids.at(a), ids.at(b)));
}

/** Opens `path` (an NDJSON file, created with its folder) and streams results into it. */
export async function openResultStream(
  path: string,
  keepAllUpTo: number = RESULTS_IN_MEMORY,
): Promise<ResultStream> {
  await mkdir(dirname(path), { recursive: true });
  const out: WriteStream = createWriteStream(path, { flags: 'w' });
  let kept: CaseResult[] = [];
  let complete = true;
  // Per result in completion order; chunked, so 100k of them never copy a large array.
  const ids = new ChunkedList<string>();
  const offsets = new NumberLog();
  // Per result, what its passed <testcase> needs: the suite (as an index) and the slower side.
  const suites = new Map<string, number>();
  const suiteNames: string[] = [];
  const suiteOf = new NumberLog();
  const slowestMs = new NumberLog();
  let offset = 0;
  // Counted as each result passes (holding results in batches kept them alive long enough to be promoted).
  const tally = createSummaryTally();
  let failure: Error | undefined;
  let pending = '';
  out.on('error', (error) => {
    failure = error;
  });
  return {
    add(result) {
      const line = `${JSON.stringify(result)}\n`;
      ids.push(result.caseId);
      offsets.push(offset);
      let suite = suites.get(result.suite);
      if (suite === undefined) {
        suite = suiteNames.push(result.suite) - 1;
        suites.set(result.suite, suite);
      }
      suiteOf.push(suite);
      slowestMs.push(Math.max(result.baseline.durationMs, result.candidate.durationMs));
      offset += Buffer.byteLength(line);
      // One write per ~64 KiB rather than one per result: fewer syscalls and stream callbacks.
      pending += line;
      if (pending.length >= FLUSH_AT) {
        out.write(pending);
        pending = '';
      }
      tally.add(result);
      if (!isPlainEqual(result)) kept.push(result);
      else if (complete) {
        kept.push(result);
        if (kept.length > keepAllUpTo) {
          kept = kept.filter((r) => !isPlainEqual(r));
          complete = false;
        }
      }
    },
    async finish() {
      if (pending !== '') out.write(pending);
      pending = '';
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      if (failure !== undefined) throw failure;
      offsets.push(offset);
      const summary = tally.summary();
      const order = idOrder(ids);
      const byId = new Map(kept.map((r) => [r.caseId, r] as const));
      return {
        kept,
        complete,
        summary,
        all: (resolve) => readInOrder({ path, order, offsets, ids, byId, resolve }),
        *junitRows(resolve) {
          for (const k of order) {
            const caseId = ids.at(k);
            const kept = byId.get(caseId);
            if (kept !== undefined) yield resolve(kept);
            else {
              const suite = suiteNames[suiteOf.at(k)] ?? '';
              yield { caseId, suite, slowestMs: slowestMs.at(k) };
            }
          }
        },
      };
    },
  };
}

interface ReadPlan {
  readonly path: string;
  readonly order: readonly number[];
  readonly offsets: NumberLog;
  readonly ids: ChunkedList<string>;
  readonly byId: ReadonlyMap<string, CaseResult>;
  readonly resolve: Resolve;
}

const WINDOW = 1 << 20;
const BEHIND = 64 * 1024;

/** Reads lines by offset through a 1 MiB window: results arrive nearly in order, so most hit it. */
async function* readInOrder(plan: ReadPlan): AsyncIterable<ResultJson> {
  const handle = await open(plan.path, 'r');
  try {
    let buffer = Buffer.alloc(WINDOW);
    let window = buffer.subarray(0, 0);
    let windowStart = 0;
    for (const k of plan.order) {
      const start = plan.offsets.at(k);
      const end = plan.offsets.at(k + 1);
      if (start < windowStart || end > windowStart + window.length) {
        // Start a little before the line: results finish slightly out of order.
        windowStart = Math.max(0, start - BEHIND);
        if (end - windowStart > buffer.length) buffer = Buffer.alloc(end - windowStart);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, windowStart);
        window = buffer.subarray(0, bytesRead);
      }
      // The line without its newline; a kept result is replaced by its final form.
      const line = window.toString('utf8', start - windowStart, end - windowStart - 1);
      const caseId = plan.ids.at(k);
      const kept = plan.byId.get(caseId);
      if (kept !== undefined) yield plan.resolve(kept);
      else yield plan.resolve.line === undefined ? line : plan.resolve.line(caseId, line);
    }
  } finally {
    await handle.close();
  }
}
