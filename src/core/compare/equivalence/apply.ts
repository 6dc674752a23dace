/**
 * The equivalence stage: after the bodies are diffed, the declared
 * equivalence rules remove exactly the differences they declare equal, and
 * the comparison records which rule fired where.
 */
import type { Comparison } from '../../../contract/model/comparison.js';
import type { Rules } from '../../../contract/rules/types.js';
import { attributeNormalisation, type RawBodies } from './attribution.js';
import { enumTagEquivalence } from './enum-tag.js';
import { enumTagLabel, firedAt, renameLabel, statusLabel } from './labels.js';
import { renameEquivalence } from './renames.js';
import { valueEquivalence } from './values.js';

function applyStatus(comparison: Comparison, rules: Rules, fired: string[]): Comparison['status'] {
  const { status } = comparison;
  if (status.equal) return status;
  const group = rules.equivalence?.statusEquivalence.find(
    (codes) => codes.includes(status.baseline) && codes.includes(status.candidate),
  );
  if (group === undefined) return status;
  fired.push(statusLabel(group));
  return { ...status, equal: true };
}

/** Multi-change rules first (they need both halves), then value rules change by change. */
function applyBody(changes: readonly Change[], rules: Rules, fired: string[]): readonly Change[] {
  const e = rules.equivalence;
  // Nothing to drop: the same list (the comparison is returned unchanged unless a rule fired).
  if (e === undefined || changes.length === 0) return changes;
  const removed = new Set<Change>();
  const rest = () => changes.filter((c) => !removed.has(c));
  for (const rule of e.enumTag) {
    for (const hit of enumTagEquivalence(rest(), rule, rules)) {
      fired.push(firedAt(enumTagLabel(rule), hit.parent));
      for (const c of hit.covers) removed.add(c);
    }
  }
  for (const rule of e.renames) {
    for (const hit of renameEquivalence(rest(), rule, rules)) {
      fired.push(firedAt(renameLabel(rule), hit.path));
      for (const c of hit.covers) removed.add(c);
    }
  }
  for (const change of rest()) {
    const label = valueEquivalence(change, rules);
    if (label === undefined) continue;
    fired.push(firedAt(label, change.path));
    removed.add(change);
  }
  return rest();
}

import type { Change } from '../../../contract/observation.js';

/**
 * Apply the equivalence rules of `rules` to a comparison: matching body
 * changes are dropped, an equivalent status pair becomes equal, and
 * `equivalences` lists every rule that fired (`rule at /path`), including
 * `keyCase: fold` and `nullEqualsAbsent`, which act while normalising.
 */
export function applyEquivalences(
  comparison: Comparison,
  rules: Rules,
  bodies?: RawBodies,
): Comparison {
  const fired: string[] = [];
  if (bodies !== undefined) fired.push(...attributeNormalisation(bodies, rules));
  const status = applyStatus(comparison, rules, fired);
  const body = applyBody(comparison.body, rules, fired);
  if (fired.length === 0) return comparison;
  return { ...comparison, status, body, equivalences: [...new Set(fired)].sort() };
}
