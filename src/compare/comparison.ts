/**
 * Exchange → Comparison: status, allow-listed headers, normalised bodies.
 */

import type { Comparison, HeaderChange } from '../model/comparison.js';
import type { Exchange, Response } from '../model/exchange.js';
import { normaliseHeaders } from '../normalise/headers.js';
import type { Rules } from '../rules/types.js';
import { alikeAtFirstSight, compareBodies, judgedBodies } from './bodies.js';
import { applyEquivalences } from './equivalence/apply.js';

/**
 * Compare both sides of an exchange under the case's rules; `undefined` when
 * either side is a transport error (there is nothing to compare).
 */
export function compare(exchange: Exchange): Comparison | undefined {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return undefined;
  const rules = exchange.case.rules;
  const [b, c] = judgedBodies(baseline.response, candidate.response);
  const compared: Comparison = {
    status: {
      equal: baseline.response.status === candidate.response.status,
      baseline: baseline.response.status,
      candidate: candidate.response.status,
    },
    headers: compareHeaders(baseline.response, candidate.response, rules),
    body: compareBodies(b, c, rules),
  };
  // Declared equivalences drop exactly the differences they cover, and say so.
  return applyEquivalences(compared, rules, { baseline: b, candidate: c });
}

/**
 * The comparison of an exchange whose answers are the same at first sight
 * (one status, no compared header that differs, bodies `alikeAtFirstSight`),
 * the same `compare` would give, without normalising or diffing the bodies;
 * undefined for any other exchange (its answers may still compare equal).
 * Rules that attribute a normalisation (`keyCaseFold`, `nullEqualsAbsent`)
 * read the bodies even when they are alike: their cases are compared whole.
 */
export function sameAtFirstSight(exchange: Exchange): Comparison | undefined {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return undefined;
  const b = baseline.response;
  const c = candidate.response;
  const rules = exchange.case.rules;
  if (b.status !== c.status || rules.keyCaseFold || rules.nullEqualsAbsent) return undefined;
  if (!alikeAtFirstSight(b.body, c.body)) return undefined;
  const headers = compareHeaders(b, c, rules);
  if (headers.length > 0) return undefined;
  return { status: { equal: true, baseline: b.status, candidate: c.status }, headers, body: [] };
}

/** Allow-listed headers whose normalised values differ (or exist on one side only), by name. */
export function compareHeaders(
  baseline: Response,
  candidate: Response,
  rules: Rules,
): HeaderChange[] {
  const left = normaliseHeaders(baseline.headers, rules);
  const right = normaliseHeaders(candidate.headers, rules);
  const changes: HeaderChange[] = [];
  for (const name in left) {
    const b = left[name];
    const c = Object.hasOwn(right, name) ? right[name] : undefined;
    if (b !== c) changes.push({ name, baseline: b, candidate: c });
  }
  for (const name in right) {
    if (!Object.hasOwn(left, name))
      changes.push({ name, baseline: undefined, candidate: right[name] });
  }
  return changes.length > 1 ? changes.sort((x, y) => (x.name < y.name ? -1 : 1)) : changes;
}

/** True when the comparison found no difference at all. */
export function isEqual(comparison: Comparison): boolean {
  return comparison.status.equal && comparison.headers.length === 0 && comparison.body.length === 0;
}
