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
 * `5xx` itself, on the resource that write addressed (the state its fault
 * left may be what faults again), faults on both sides (nothing tells one
 * from the other), and every answer below `500` on both sides. A fault of
 * that side on ANOTHER resource the write's state reaches (a sub-resource, a
 * listing: `GET /orders/r1/invoice` after a `PATCH /orders/r1` it faulted on)
 * is another handler's, so its own row: a sub-resource's handler missing a
 * piece faults whatever the record holds, and two faults of one side must not
 * read as one because they came one after the other. Pure.
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

/** A request path without its query and trailing slash: the resource it addresses. */
const resourceOf = (path: string) => path.split('?')[0]?.replace(/(.)\/+$/, '$1') ?? path;

/**
 * The side whose `5xx` refused the write at `written` when the later answer
 * at `later` addresses that same resource; undefined otherwise (another
 * resource's fault is never that write's fault again).
 */
export function faultedOn(
  written: string,
  later: string,
  faultedBy: Side | undefined,
): Side | undefined {
  return resourceOf(written) === resourceOf(later) ? faultedBy : undefined;
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
