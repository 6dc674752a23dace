/**
 * `parity decide`: records a decision on root causes in the tracker (status and
 * a note), by row id or in bulk by pattern and kind, atomically under the
 * tracker's lock, as a person editing the markdown would.
 */
import { PATTERN_NAMES } from '../compare/patterns/registry.js';
import type { ConfigFlags } from '../config/resolve.js';
import { type DecidedRow, decideRows } from '../tracker/decide.js';
import { DECIDABLE_STATUSES, type DecidableStatus } from '../tracker/types.js';
import { editTrackerFile } from '../tracker/write.js';
import { ParityError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import type { AppContext } from './context.js';
import { existingRows, trackerPathOf } from './tracker.js';

/** What `parity decide` is asked to do. */
export interface DecideInput {
  /** Row ids, then the status, as typed: `PAR-007 accepted`. */
  readonly operands: readonly string[];
  readonly note?: string | undefined;
  readonly pattern?: string | undefined;
  readonly kind?: string | undefined;
  readonly flags: ConfigFlags;
}

/** What `parity decide` did. */
export interface DecideOutcome {
  /** Absolute. */
  readonly trackerPath: string;
  readonly status: DecidableStatus;
  /** Every row the decision touched, in file order (its status may have been the same already). */
  readonly decided: readonly DecidedRow[];
  /** The file was written. */
  readonly changed: boolean;
}

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

function statusOf(word: string | undefined): DecidableStatus {
  const status = DECIDABLE_STATUSES.find((s) => s === word?.toLowerCase());
  if (status === undefined) {
    throw usage(
      `the last operand is the decision: ${DECIDABLE_STATUSES.join(', ')} (got "${word ?? ''}")${didYouMean(word, DECIDABLE_STATUSES)}`,
    );
  }
  return status;
}

function checkPattern(pattern: string | undefined): void {
  if (pattern === undefined || PATTERN_NAMES.some((name) => name === pattern)) return;
  throw usage(`--pattern must be one of ${PATTERN_NAMES.join(', ')} (got "${pattern}")`);
}

/** Applies the decision to the tracker (see the module comment). */
export async function decide(input: DecideInput, context: AppContext): Promise<DecideOutcome> {
  const ids = input.operands.slice(0, -1);
  const status = statusOf(input.operands.at(-1));
  checkPattern(input.pattern);
  const trackerPath = await trackerPathOf(input.flags, context);
  // A missing tracker is a mistyped path far more often than no decision yet.
  await existingRows(trackerPath, context.cwd);
  const request = { ids, status, note: input.note, pattern: input.pattern, kind: input.kind };
  const edit = await editTrackerFile(
    trackerPath,
    (doc) => {
      const { doc: decidedDoc, decided } = decideRows(doc, request);
      return { doc: decidedDoc, result: decided };
    },
    { create: false, host: context.host },
  );
  return { trackerPath, status, decided: edit.result, changed: edit.changed };
}
