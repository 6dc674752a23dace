/**
 * Keeps a run's memory flat in the number of cases, whatever the run's size:
 * every `Observation` is appended to `results.ndjson` as soon as it is known,
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
import type { Observation } from '../../contract/observation.js';
import type { RunSummary } from '../../contract/report.js';
import type { Redactor } from '../../core/redact/redact.js';
import { openBlockFile } from '../../util/block-file.js';
import { asWriteFailure } from '../../util/write-failure.js';
import { createWriteTally } from './accepted-writes.js';
import { writeAssessment } from './assessment-file.js';
import {
  type AssessedByCase,
  type CollectedObservations,
  type ObservationJson,
  runOrderBy,
} from './collected.js';
import { redactLearned } from './late-redact.js';
import { createServedTally } from './served-endpoints.js';
import { createSummaryTally, createVerdictTally, type VerdictTally } from './summary.js';
import { isNotable } from './types.js';

/** Accepts results as they complete. */
export interface ResultStream {
  /** The result of the case at `position` (0-based, in run order). */
  add(result: Observation, position: number): void;
  /**
   * Every result added so far is redacted again by `redact` when the stream
   * finishes: a secret learned now (a flow's capture) that an earlier result
   * may hold. The last `redact` given wins (it knows every secret learned).
   */
  redactAdded(redact: Redactor): void;
  finish(): Promise<CollectedObservations>;
  /** Closes the file without reading it back: for a run given up before it ran (its folder is removed). */
  abandon(): Promise<void>;
  /**
   * The results added so far, while the stream stays open (a live run's
   * refreshed report): the lines written out first; results added later are
   * not in it. A secret learned later is not applied to it (`finish` does).
   */
  snapshot(): Promise<CollectedObservations>;
  /** The bytes the notable results held in memory take as written (their lines): what they cost a run's memory. */
  readonly notableBytes: number;
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

/**
 * results.ndjson's block size: each write handed to libuv's thread pool cost
 * the main thread ~50 µs here whatever its size, so a 20,000-case run's 6 MB
 * go in 256 KiB blocks (24 writes, not 92).
 */
const LINES_BLOCK = 256 * 1024;

/** Opens `path` (an NDJSON file, created with its folder) for the results of `count` cases. */
export async function openResultStream(path: string, count: number): Promise<ResultStream> {
  await mkdir(dirname(path), { recursive: true });
  const out = await openBlockFile(path, { size: LINES_BLOCK });
  const ledger: Ledger = {
    ids: new Array<string | undefined>(count),
    offsets: new Float64Array(count),
    lengths: new Uint32Array(count),
    suites: new Uint32Array(count),
    slowestMs: new Float64Array(count),
    suiteNames: [],
  };
  const suiteIndex = new Map<string, number>();
  const notable: { readonly position: number; result: Observation }[] = [];
  const orderNoise = new Set<string>();
  const writes = createWriteTally();
  const served = createServedTally();
  const tally = createSummaryTally();
  // The verdicts of the results no assessment changes (`judge/results/assessment.ts`).
  const plain = createVerdictTally();
  let offset = 0;
  let notableBytes = 0;
  // Positions added before the last `redactAdded`, and the redaction they still need.
  const stale = new Uint8Array(count);
  const added: number[] = [];
  let late: Redactor | undefined;
  return {
    get notableBytes() {
      return notableBytes;
    },
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
      if (result.orderNoise !== undefined) orderNoise.add(result.caseId);
      writes.add(result);
      served.add(result);
      if (isNotable(result)) {
        notable.push({ position, result });
        notableBytes += bytes;
      } else plain.add(result);
    },
    async finish() {
      // Every report is made from this file: without it the run's folder stays `.partial`, with no report.
      const refused = (error: unknown) =>
        asWriteFailure(
          error,
          path,
          `; every report is made from it, so none was written (the run's folder stays ${dirname(path)}, and the tracker and latest were left as they were)`,
        );
      await out.close().catch((error: unknown) => {
        throw refused(error);
      });
      if (late !== undefined) {
        await rewriteStale(path, ledger, stale, late).catch((error: unknown) => {
          throw refused(error);
        });
        for (const item of notable) {
          if (stale[item.position] === 1) item.result = redactLearned(item.result, late);
        }
      }
      notable.sort((a, b) => a.position - b.position);
      return {
        ...collected(path, ledger, notable, tally.summary(), plain),
        orderNoise,
        acceptedWrites: writes.writes(),
        servedEndpoints: served.served(),
      };
    },
    async abandon() {
      await out.close();
    },
    async snapshot() {
      // Taken at once: what is added while the lines are written out is not in it.
      const held = [...notable].sort((a, b) => a.position - b.position);
      const taken = {
        ...collected(path, ledger, held, tally.summary(), plain.with([])),
        acceptedWrites: writes.writes(),
        servedEndpoints: served.served(),
      };
      await out.end().catch((error: unknown) => {
        throw asWriteFailure(error, path, '; the reports were not refreshed');
      });
      return taken;
    },
  };
}

function collected(
  path: string,
  ledger: Ledger,
  notable: readonly { position: number; result: Observation }[],
  summary: RunSummary,
  plain: VerdictTally,
): CollectedObservations {
  const { ran, ranIds } = ranPositions(ledger.ids);
  return {
    notable: notable.map((n) => n.result),
    summary,
    plain,
    ranIds,
    inRunOrder: runOrderBy(ranIds),
    saveAssessment: (assessment, listed) => writeAssessment(dirname(path), assessment, listed),
    async read(caseIds) {
      const wanted = ran.filter((position) => caseIds.has(ledger.ids[position] as string));
      // Without final results every line is the observation's text.
      return [...readLines(path, ledger, wanted)].map((line) => parseResult(String(line)));
    },
    lines: (final) => readLines(path, ledger, ran, final),
    joinedLines: (final, separator) => joinedLines(path, ledger, ran, final, separator),
    *junitRows(final) {
      // Most runs assess no result: no lookup per row then.
      const assessed = final.size > 0;
      for (const position of ran) {
        const caseId = ledger.ids[position] as string;
        yield (assessed ? final.get(caseId) : undefined) ?? {
          caseId,
          suite: ledger.suiteNames[ledger.suites[position] ?? 0] ?? '',
          slowestMs: ledger.slowestMs[position] ?? 0,
        };
      }
    },
  };
}

/**
 * The positions that have a result, in run order, and their case ids: one
 * pass over the ledger (an iterator spread, a filter and a map over 100k
 * positions cost several times as much).
 */
function ranPositions(ids: readonly (string | undefined)[]): { ran: number[]; ranIds: string[] } {
  const ran: number[] = [];
  const ranIds: string[] = [];
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position];
    if (id === undefined) continue;
    ran.push(position);
    ranIds.push(id);
  }
  return { ran, ranIds };
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
  const positions = ranPositions(ledger.ids).ran.sort(
    (a, b) => (ledger.offsets[a] ?? 0) - (ledger.offsets[b] ?? 0),
  );
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
    // Closed before it is removed: a failed rewrite leaves no file open either.
    await out.close().catch(() => undefined);
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
function parseResult(line: string): Observation {
  const value: Observation = JSON.parse(line);
  return value;
}

const WINDOW = 1 << 20;
const BEHIND = 64 * 1024;

/**
 * results.ndjson read back through a 1 MiB window: results complete nearly in
 * run order, so most lines are in the window. Read synchronously (a window at
 * a time, from a file this run just wrote): report.json's writer takes a line
 * per step, and an asynchronous generator cost a promise and a job per line
 * at each layer.
 */
class LineWindow {
  private buffer = Buffer.alloc(WINDOW);
  /** The bytes read, and the file offset of the first. */
  bytes = this.buffer.subarray(0, 0);
  start = 0;

  constructor(private readonly handle: number) {}

  /** Makes the window hold the file's bytes [from, to). */
  hold(from: number, to: number): void {
    if (from >= this.start && to <= this.start + this.bytes.length) return;
    // Start a little before the line: results finish slightly out of order.
    this.start = Math.max(0, from - BEHIND);
    if (to - this.start > this.buffer.length) this.buffer = Buffer.alloc(to - this.start);
    this.bytes = this.buffer.subarray(0, readWindow(this.handle, this.buffer, this.start));
  }
}

/** `read` with the file at `path` open for reading: closed once it returns or throws. */
function* reading<T>(path: string, read: (handle: number) => Iterable<T>): Iterable<T> {
  const handle = openSync(path, 'r');
  try {
    yield* read(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * The lines at `positions`, in that order. A position with a final form in
 * `final` yields that instead of its line.
 */
function readLines(
  path: string,
  ledger: Ledger,
  positions: readonly number[],
  final?: AssessedByCase,
): Iterable<ObservationJson> {
  return reading(path, function* (handle) {
    const window = new LineWindow(handle);
    for (const position of positions) {
      const replaced = final?.get(ledger.ids[position] as string);
      if (replaced !== undefined) {
        yield replaced;
        continue;
      }
      const start = ledger.offsets[position] ?? 0;
      const end = start + (ledger.lengths[position] ?? 0);
      window.hold(start, end);
      // The line without its newline.
      yield window.bytes.toString('utf8', start - window.start, end - window.start - 1);
    }
  });
}

/** The size of the chunks `joinedLines` yields. */
const JOINED = 256 * 1024;

/**
 * What `readLines` yields, as UTF-8 JSON joined by `separator`, in chunks of
 * about 256 KiB: a line's bytes are copied as the file holds them (never
 * decoded and encoded again), a final form is encoded. Each chunk is one
 * buffer, reused: valid until the next is taken.
 */
function joinedLines(
  path: string,
  ledger: Ledger,
  positions: readonly number[],
  final: AssessedByCase,
  separator: string,
): Iterable<Uint8Array> {
  const between = Buffer.from(separator, 'utf8');
  return reading(path, function* (handle) {
    const window = new LineWindow(handle);
    const chunk = Buffer.allocUnsafe(JOINED);
    let used = 0;
    for (let k = 0; k < positions.length; k++) {
      const position = positions[k] ?? 0;
      const replaced = final.size === 0 ? undefined : final.get(ledger.ids[position] as string);
      const text = replaced === undefined ? undefined : JSON.stringify(replaced);
      const start = ledger.offsets[position] ?? 0;
      const before = k === 0 ? 0 : between.length;
      // The line without its newline, or the final form's bytes.
      const length =
        text === undefined ? (ledger.lengths[position] ?? 1) - 1 : textBytes(text, used + before);
      if (used + before + length > JOINED && used > 0) {
        yield chunk.subarray(0, used);
        used = 0;
      }
      if (before > 0) used += between.copy(chunk, used);
      if (before + length > JOINED && used > 0) {
        // Larger than a chunk: its separator, then the line on its own.
        yield chunk.subarray(0, used);
        used = 0;
      }
      if (text !== undefined) {
        if (length > JOINED) yield Buffer.from(text, 'utf8');
        else used += chunk.utf8Write(text, used);
        continue;
      }
      window.hold(start, start + length);
      const from = start - window.start;
      if (length > JOINED) yield window.bytes.subarray(from, from + length);
      else used += window.bytes.copy(chunk, used, from, from + length);
    }
    if (used > 0) yield chunk.subarray(0, used);
  });
}

/**
 * A final form's UTF-8 length for `joinedLines`, or, when it fits in the chunk
 * from `at` on even at 3 bytes a UTF-16 unit, that bound (every use of the
 * length then takes the same branch): a divergence's final form is a two-byte
 * string (the explanation's `→`), whose byte count is a pass of its own.
 */
function textBytes(text: string, at: number): number {
  const bound = text.length * 3;
  return at + bound <= JOINED ? bound : Buffer.byteLength(text);
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
