/**
 * A finding that would differ without the earlier write (issue 43: grouping
 * must never hide a decision). A read after a write one side accepted and
 * the other refused shows that write's state: a record one side lists and
 * the other does not, or the record the write named, changed. A value that
 * differs in a record **both sides hold alike otherwise** (the same list
 * element, every other member equal) and that **does not name the written
 * resource** is neither: the two servers describe a record the write did not
 * touch in two ways (each server's `getcontenttype` of a calendar and of an
 * event listed beside the refused upload). Such a finding keeps its own row.
 *
 * The rule, for each finding the consequence rule would mark:
 * - every path of the finding is a changed value (`value`) inside a list
 *   element (`/multistatus/response/0/…`, `/items/3/…`);
 * - no other change of the answer sits in those elements (a record one side
 *   rewrote wholesale, or lists in another order, stays a consequence);
 * - neither side's element names the written resource: no value of it is
 *   the written path's last segment (`broken.ics`, `17`), or a path ending
 *   in it.
 *
 * Kept a consequence: a value outside a list (a read of one record: it may be
 * the written one), an answer whose changes were cut (`changesOmitted`: the
 * evidence is incomplete), and everything not a changed value. Pure.
 */

import type { AssessedDivergence } from '../../contract/assessment.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import { parsePointer, valueAtPointer } from '../../util/json-pointer.js';

/** The list element a path sits in: the pointer up to its last numeric segment; undefined when none. */
function elementOf(path: string): string | undefined {
  const segments = parsePointer(path);
  for (let k = segments.length - 2; k >= 0; k -= 1) {
    if (/^\d+$/.test(segments[k] ?? '')) {
      return `/${segments
        .slice(0, k + 1)
        .map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/')}`;
    }
  }
  return undefined;
}

/** The last non-empty segment of a request path, without its query: what names the resource. */
function lastSegment(path: string): string {
  const cut = path.search(/[?#]/);
  const segments = (cut < 0 ? path : path.slice(0, cut)).split('/').filter((s) => s !== '');
  const last = segments.at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** True when a value in `value` is `name`, or a path that ends with it. */
function names(value: unknown, name: string): boolean {
  if (typeof value === 'string') {
    const trimmed = value.endsWith('/') ? value.slice(0, -1) : value;
    return trimmed === name || trimmed.endsWith(`/${name}`);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value) === name;
  if (Array.isArray(value)) return value.some((item) => names(item, name));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((item) => names(item, name));
  }
  return false;
}

/** The element at `pointer` of a side's body; undefined when not there. */
function at(body: unknown, pointer: string): unknown {
  try {
    const found = valueAtPointer(body, pointer);
    return found.found ? found.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `finding` of `result` differs on its own, not because of the
 * write to `writtenPath` (see the module comment).
 */
export function ownDifference(
  result: AssessedDivergence,
  finding: AssessedFinding,
  writtenPath: string,
): boolean {
  if (finding.paths.length === 0 || result.changesOmitted !== undefined) return false;
  const name = lastSegment(writtenPath);
  if (name === '') return false;
  const mine = new Set(finding.paths);
  const elements = new Set<string>();
  for (const path of finding.paths) {
    const change = result.changes.find((c) => c.path === path);
    const element = elementOf(path);
    if (change?.op !== 'value' || element === undefined) return false;
    elements.add(element);
  }
  for (const element of elements) {
    const inside = result.changes.filter((c) => c.path.startsWith(`${element}/`));
    if (inside.some((c) => !mine.has(c.path))) return false;
    const sides = [at(result.bodies.baseline, element), at(result.bodies.candidate, element)];
    if (sides.some((side) => side === undefined || names(side, name))) return false;
  }
  return true;
}
