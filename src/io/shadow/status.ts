/**
 * The live tally of a shadow session: requests seen, mirrored, dropped (the
 * queue full, the process busy, the byte budget spent, or at shutdown), not mirrored and why (each
 * request seen is one of these three once), compared or unanswered, divergent,
 * failed, the root causes seen and the tracker rows the closed runs added.
 * Pure.
 */
import type { NotMirrored } from './listener.js';

export interface ShadowStatus {
  readonly seen: number;
  readonly mirrored: number;
  readonly dropped: number;
  /** Of the dropped, refused while the process was busy (its event loop saturated). */
  readonly busy: number;
  /**
   * Of the dropped, those whose bytes went past the byte budget (`--mirror-mb`):
   * a request's body or the baseline's answer as it came, or the answers'
   * decoded copies on the judging side (a copy dropped after it was taken
   * counts as mirrored too, as one dropped at shutdown does).
   */
  readonly bytes: number;
  readonly skipped: Readonly<Record<NotMirrored, number>>;
  readonly compared: number;
  /**
   * Mirrored through the proxy, but its baseline's answer never came whole
   * (it failed, or the client went away): nothing to compare.
   */
  readonly unanswered: number;
  readonly divergent: number;
  readonly errors: number;
  /** Distinct root-cause fingerprints the session's results showed. */
  readonly rootCauses: number;
  /** Tracker rows the session's closed runs added (new root causes). */
  readonly newRows: number;
  /** Runs closed (report written). */
  readonly runs: number;
}

/** ` (busy 118, bytes 2)`: why copies were dropped, when for the load or the byte budget. */
function droppedWhy(status: ShadowStatus): string {
  const why = [
    ...(status.busy === 0 ? [] : [`busy ${status.busy}`]),
    ...(status.bytes === 0 ? [] : [`bytes ${status.bytes}`]),
  ];
  return why.length === 0 ? '' : ` (${why.join(', ')})`;
}

/** One line for people: `seen 120  mirrored 118  dropped 0  divergent 3  new root causes 1`. */
export function statusLine(status: ShadowStatus): string {
  const skipped = Object.values(status.skipped).reduce((a, b) => a + b, 0);
  return [
    `seen ${status.seen}`,
    `mirrored ${status.mirrored}`,
    `dropped ${status.dropped}${droppedWhy(status)}`,
    `not mirrored ${skipped}`,
    `compared ${status.compared}`,
    ...(status.unanswered === 0 ? [] : [`unanswered ${status.unanswered}`]),
    `divergent ${status.divergent}`,
    `errors ${status.errors}`,
    `root causes ${status.rootCauses}`,
    `new rows ${status.newRows}`,
  ].join('  ');
}
