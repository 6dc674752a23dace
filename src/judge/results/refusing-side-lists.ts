/**
 * A record only the refusing side lists does not follow from a write that
 * removes nothing (tracker rule 46b; issue 43: grouping must never hide a decision).
 * etcd refuses a range without a key (`400 key is not provided`) that
 * antietcd answers (a `POST`, so a write to the consequence rule); a later
 * range of another key, one a put both sides accepted wrote with an empty
 * value, lists that key on etcd and nothing on antietcd, which did not keep
 * it. The consequence rule read that range as the refused call's
 * consequence (the same resource, one side `2xx`), so that decision had no
 * row. A write that removes nothing (a put, or a `POST` that only reads) can
 * only make the side that **accepted** it hold more: a record only the side
 * that **refused** it lists differs for another reason. Not yet read: a
 * `POST` that removes under a name with no such verb (a transaction whose
 * operations delete), which this reads as removing nothing: its later list
 * keeps a row of its own rather than hide one.
 *
 * The rule, for a finding the consequence rule would mark:
 * - the write **removes nothing**: a `PUT` (it stores what it sends at its
 *   path), or a `POST` (it adds to a collection, or calls an operation)
 *   whose operation or last path segment has no word that is a verb that
 *   may remove (`delete…`, `remove…`, `revoke`, `destroy`, `purge`,
 *   `clear`, `drop`, `compact`, `evict`, `prune`, `truncate`, `expire`,
 *   `cancel`, `reset`, `wipe`, `flush`, `unset`, `pop`, `take`, `move`,
 *   `rename`: `/v3/kv/deleterange`, `/bookings/7/cancel`); a `DELETE`, a
 *   `PATCH` and such a `POST` keep today's reading;
 * - every change of the finding is a **list element** one side holds and the
 *   other lacks (`/kvs/0` removed), all held by the **refusing** side;
 * - in those lists the accepting side holds no element the other lacks (a
 *   record replaced under another key shows on both sides and stays a
 *   consequence);
 * - the answer's changes were not cut.
 *
 * Such a finding keeps its own row. Pure.
 */

import type { AssessedDivergence } from '../../contract/assessment.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import { operationOfEndpoint } from '../../core/compare/endpoint.js';

type Side = 'baseline' | 'candidate';

/**
 * Verbs of a call that may remove records: a word of its name, or the start
 * of one for the two that lead compound names (`deleterange`, `removeall`).
 */
const REMOVING_VERBS =
  /^(?:delete\w*|remove\w*|revoke|destroy|purge|clear|drop|compact|evict|prune|truncate|expire|cancel|reset|wipe|flush|unset|pop|take|move|rename)$/;

/** The words of a name's last segment (after its last `.`, `:`, `#` or `/`), split at `_`, `-` and a capital. */
function wordsOf(name: string): string[] {
  const last = name.slice(Math.max(...[...'.:#/'].map((c) => name.lastIndexOf(c))) + 1);
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((word) => word.toLowerCase());
}

/**
 * True when the write `result` sent cannot have removed a record from the
 * side that accepted it (see the module comment).
 */
export function removesNothing(result: Pick<AssessedDivergence, 'endpoint' | 'request'>): boolean {
  const { method, path } = result.request;
  if (method !== 'PUT' && method !== 'POST') return false;
  const cut = path.search(/[?#]/);
  const last = (cut < 0 ? path : path.slice(0, cut))
    .split('/')
    .filter((s) => s !== '')
    .at(-1);
  const name = operationOfEndpoint(result.endpoint) ?? last ?? '';
  return !wordsOf(decodeURIComponentSafe(name)).some((word) => REMOVING_VERBS.test(word));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The list a list element's path sits in, when its last segment is an index. */
function listOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  return /^\d+$/.test(path.slice(slash + 1)) ? path.slice(0, slash) : undefined;
}

/** The side that holds an element one side holds and the other lacks. */
function holder(op: string): Side | undefined {
  if (op === 'removed') return 'baseline';
  if (op === 'added') return 'candidate';
  return undefined;
}

/**
 * True when every change of `finding` is a list element only the side that
 * refused the write holds, in lists where the accepting side holds nothing
 * more (see the module comment).
 */
export function heldByRefusingSide(
  result: AssessedDivergence,
  finding: AssessedFinding,
  accepting: Side,
): boolean {
  if (finding.paths.length === 0 || result.changesOmitted !== undefined) return false;
  const lists = new Set<string>();
  for (const path of finding.paths) {
    const change = result.changes.find((c) => c.path === path);
    const list = listOf(path);
    if (change === undefined || list === undefined) return false;
    const side = holder(change.op);
    if (side === undefined || side === accepting) return false;
    lists.add(list);
  }
  return !result.changes.some((c) => {
    const list = listOf(c.path);
    return list !== undefined && lists.has(list) && holder(c.op) === accepting;
  });
}
