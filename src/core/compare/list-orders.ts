/**
 * A list's order travels with its elements (tracker rule 53, issue 43). A
 * server that writes its own list (the calendar components it supports, a
 * team's members as it keeps them) decides in one place which elements it
 * holds and in which order: Xandikos lists `VEVENT VTODO VJOURNAL
 * VFREEBUSY` where Radicale lists `VTODO VEVENT VJOURNAL`. Once lists are
 * paired by identity (`identity.ts`), that was an `array-order` row beside
 * the list's elements row, in exactly the same answers: two rows for one
 * decision.
 *
 * The rule, once the run has seen every answer: an `array-order` cause
 * (keyed by its field) whose moved elements lie, in each of its answers, in
 * one list (one wildcarded path), where that answer's elements of **the
 * same list** are added or lacked, in **exactly the answers** where that
 * list gains or loses elements and in no other, is part of the list's
 * elements row. One answer is enough: both changes are at one list of one
 * answer, which no other answer separates (rule 2's members of one object
 * need two answers because each member may be a choice of its own; here
 * the order and the membership are one list's, and nothing in the run can
 * tell an order chosen with the list from one that is not). The row's
 * finding lists the moved elements' pointers beside the added ones, so
 * the order is not hidden.
 *
 * **Kept apart**: an order also seen in an answer whose elements agree (the
 * list is then ordered otherwise whatever it holds: a missing ORDER BY, a
 * question of its own), another list's order beside the elements (another
 * path), an order over two lists in one answer, a list whose elements change
 * by value only (no element added or lacked), elements whose answers land
 * in two rows, and an order another rule already joined (`same-reorders.ts`).
 * Pure.
 */
import type { Finding, RootCause, StructureCause } from '../../contract/root-cause.js';
import { isElements } from './change-keys.js';
import { wildcardPath } from './fingerprint.js';
import { ownKey } from './recurring-causes.js';
import { causeKey } from './root-cause.js';
import { inSameAnswers, oneRow } from './same-answers.js';

/** One answer as the rule reads it: its case and findings. */
interface OrderedAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/** Where an order shows: per answer, the one list it moves elements of (undefined: none, or two). */
type Shown = Map<string, string | undefined>;

/** A list's elements as the answer's finding gives them, one change alone, undefined otherwise. */
function elementsList(cause: RootCause): string | undefined {
  if (cause.type !== 'structure' || cause.difference !== undefined) return undefined;
  if (cause.together !== undefined || !isElements(cause.change)) return undefined;
  return cause.change.path;
}

/** The one list (`/items/*`) an order finding's moved pointers lie in; undefined for two. */
function movedList(paths: readonly string[]): string | undefined {
  const lists = new Set(paths.map(wildcardPath));
  const [one] = lists;
  return lists.size === 1 ? one : undefined;
}

/**
 * By own key (`ownKey`) of an `array-order` cause: the row of the elements
 * of the list it reorders (see the module comment). `rowOf` gives the row an
 * elements finding lands in (the run's cluster of it, else its own cause);
 * `recurring`: the causes already joined, left to them.
 */
export function ordersOfLists(
  answers: readonly OrderedAnswer[],
  recurring: ReadonlyMap<string, RootCause>,
  rowOf: (cause: StructureCause) => RootCause,
): ReadonlyMap<string, RootCause> {
  const orders = new Map<string, Shown>();
  // By list: per answer, the row its elements findings land in (undefined: two rows).
  const elements = new Map<string, Map<string, RootCause | undefined>>();
  for (const { caseId, findings } of answers) {
    for (const { cause } of findings) {
      const list = elementsList(cause);
      if (list === undefined || cause.type !== 'structure') continue;
      const rows = elements.get(list) ?? new Map<string, RootCause | undefined>();
      const row = rowOf(cause);
      const before = rows.get(caseId);
      const two = rows.has(caseId) && (before === undefined || causeKey(before) !== causeKey(row));
      elements.set(list, rows.set(caseId, two ? undefined : row));
    }
    for (const { cause, paths } of findings) {
      if (cause.type !== 'pattern' || cause.pattern !== 'array-order') continue;
      const key = ownKey(cause);
      const shown = orders.get(key) ?? new Map<string, string | undefined>();
      orders.set(key, shown.set(caseId, movedList(paths)));
    }
  }
  const out = new Map<string, RootCause>();
  for (const [key, shown] of orders) {
    if (recurring.has(key)) continue;
    const row = rowOfOrder(shown, elements);
    if (row !== undefined) out.set(key, row);
  }
  return out;
}

/**
 * The row of the one list an order moves elements of in every one of its
 * answers, where that list's elements change in exactly those answers and
 * land in one row; undefined otherwise.
 */
function rowOfOrder(
  shown: Shown,
  elements: ReadonlyMap<string, ReadonlyMap<string, RootCause | undefined>>,
): RootCause | undefined {
  const lists = new Set(shown.values());
  const [list] = lists;
  if (lists.size !== 1 || list === undefined) return undefined;
  const rows = elements.get(list);
  if (rows === undefined || !inSameAnswers(shown, rows, 1)) return undefined;
  return oneRow([...rows.values()], causeKey);
}
