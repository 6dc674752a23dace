/**
 * Rule 62b: a server fault is never a consequence (issue 43: grouping must
 * never hide a decision; seen on a JSON Patch store whose Node library throws
 * a `TypeError` on a move into the moved value's own child, answered `500`
 * where Python refuses it `409`). After a write one side accepted and the
 * other refused, a later answer on the same resource joins that write's row
 * when its statuses can show the state the write left. A `5xx` on one side
 * where the other answered below `500` is not such a state: whatever a
 * server holds, a correct one answers a success or a refusal, so that side's
 * fault is a decision of its own (a bug to fix), and the answer keeps its
 * own rows.
 *
 * **Kept a consequence**: a fault on the side that refused the write with a
 * `5xx` itself (the state its fault left may be what faults again), faults on
 * both sides (nothing tells one from the other), and every answer below
 * `500` on both sides. Pure.
 */

/** A side of a pair. */
type Side = 'baseline' | 'candidate';

/** Two statuses, either possibly missing (a transport error). */
interface SideStatuses {
  readonly baseline?: number | undefined;
  readonly candidate?: number | undefined;
}

const isFault = (status: number | undefined) => status !== undefined && status >= 500;

/** The side that answered `5xx` where the other answered below `500`; undefined otherwise. */
export function faultingSide({ baseline, candidate }: SideStatuses): Side | undefined {
  if (baseline === undefined || candidate === undefined) return undefined;
  if (isFault(baseline) && !isFault(candidate)) return 'baseline';
  if (isFault(candidate) && !isFault(baseline)) return 'candidate';
  return undefined;
}

/**
 * True when a later answer's fault is its own: one side answered `5xx` where
 * the other did not, and that side is not the one whose `5xx` refused the
 * earlier write (`faultedBy`).
 */
export function faultOfItsOwn(answer: SideStatuses, faultedBy: Side | undefined): boolean {
  const side = faultingSide(answer);
  return side !== undefined && side !== faultedBy;
}
