/**
 * `parity decide`: records a decision on root causes in the tracker (status and
 * a note), by row id or in bulk by family, pattern, kind, path pattern and
 * case glob,
 * atomically under the tracker's lock, as a person editing the markdown would.
 */

import { CAUSE_TYPES, PATTERN_NAMES } from '../contract/vocabulary.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { type DecidedRow, decideRows } from '../io/tracker/decide.js';
import { DECIDABLE_STATUSES, type DecidableStatus } from '../io/tracker/types.js';
import { editTrackerFile } from '../io/tracker/write.js';
import { ParityError } from '../util/errors.js';
import { closest, didYouMean } from '../util/suggest.js';
import type { AppContext } from './run/context.js';
import { existingRows, trackerPathOf } from './tracker.js';

/** What `parity decide` is asked to do. */
export interface DecideInput {
  /** Row ids, then the status, as typed: `PAR-007 accepted`. */
  readonly operands: readonly string[];
  readonly note?: string | undefined;
  readonly pattern?: string | undefined;
  /** A pattern's name or a cause family (`structure`, `status`, `header`, `body-kind`). */
  readonly family?: string | undefined;
  readonly kind?: string | undefined;
  /** A path pattern the places a row names must lie within (`/meta/*`). */
  readonly path?: string | undefined;
  /** A case glob every case a row lists must match (`discovery/dumb-*`). */
  readonly cases?: string | undefined;
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

/** Every family a row can be selected by: the fingerprint prefixes (a pattern's name, or a cause type's). */
export const FAMILIES: readonly string[] = [
  ...PATTERN_NAMES,
  ...CAUSE_TYPES.filter((type) => type !== 'pattern'),
];

/** `--flag` must name one of `known`; else a usage error that suggests the closest. */
function checkName(flag: string, value: string | undefined, known: readonly string[]): void {
  if (value === undefined || known.includes(value)) return;
  const near = closest(value, known);
  const hint = near === undefined ? '' : `did you mean "${near}"? `;
  throw usage(`${flag} "${value}" is not known (${hint}known: ${known.join(', ')})`);
}

function checkCases(glob: string | undefined): void {
  if (glob === undefined || glob.trim() !== '') return;
  throw usage(`--case takes a glob of case ids, such as 'users/*' or 'get-*' (got "${glob}")`);
}

function checkPath(path: string | undefined): void {
  if (path === undefined || (path.trim() !== '' && !path.includes('`'))) return;
  throw usage(
    `--path takes a path pattern in the body, such as '/meta/*' or '**/tags' (got "${path}")`,
  );
}

/** Applies the decision to the tracker (see the module comment). */
export async function decide(input: DecideInput, context: AppContext): Promise<DecideOutcome> {
  const ids = input.operands.slice(0, -1);
  const status = statusOf(input.operands.at(-1));
  checkName('--pattern', input.pattern, PATTERN_NAMES);
  checkName('--family', input.family, FAMILIES);
  checkPath(input.path);
  checkCases(input.cases);
  const trackerPath = await trackerPathOf(input.flags, context);
  // A missing tracker is a mistyped path far more often than no decision yet.
  await existingRows(trackerPath, context.cwd);
  const request = {
    ids,
    status,
    note: input.note,
    pattern: input.pattern,
    family: input.family,
    kind: input.kind,
    path: input.path,
    cases: input.cases,
  };
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
