/**
 * `renames`: the baseline's `/old/path` is the candidate's `/new/path`; `*`
 * segments match one segment each and carry over in order
 * (`/items/*\/userName` → `/items/*\/user_name`). Values must be equal.
 */

import type { Change } from '../../../contract/observation.js';
import type { RenameRule, Rules } from '../../../contract/rules/types.js';
import { formatPointer, parsePointer } from '../../../util/json-pointer.js';
import { canonicalJson } from '../../normalise/json.js';
import { foldPattern } from '../../normalise/keys.js';

/** The candidate path a baseline path maps to, or undefined when it does not match. */
function mapPath(path: string, from: readonly string[], to: readonly string[]): string | undefined {
  const segments = parsePointer(path);
  if (segments.length !== from.length) return undefined;
  const captured: string[] = [];
  for (let i = 0; i < from.length; i++) {
    if (from[i] === '*') captured.push(segments[i] ?? '');
    else if (from[i] !== segments[i]) return undefined;
  }
  let next = 0;
  return formatPointer(to.map((segment) => (segment === '*' ? (captured[next++] ?? '') : segment)));
}

/** Each renamed path (baseline side) and the removed + added pair it turned into equality. */
export function renameEquivalence(changes: readonly Change[], rule: RenameRule, rules: Rules) {
  const fold = (p: string) => (rules.keyCaseFold ? foldPattern(p) : p);
  const from = parsePointer(fold(rule.baseline));
  const to = parsePointer(fold(rule.candidate));
  const added = new Map(changes.filter((c) => c.op === 'added').map((c) => [c.path, c]));
  const fired: { path: string; covers: Change[] }[] = [];
  for (const removed of changes) {
    if (removed.op !== 'removed') continue;
    const target = mapPath(removed.path, from, to);
    const match = target === undefined ? undefined : added.get(target);
    if (match === undefined) continue;
    if (canonicalJson(match.candidate) !== canonicalJson(removed.baseline)) continue;
    fired.push({ path: removed.path, covers: [removed, match] });
  }
  return fired;
}
