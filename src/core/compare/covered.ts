/**
 * Root causes a comparison rule hides: the same exchange judged without the
 * rules that turn a difference into equality (`ignore`, `mask`, `tolerance`,
 * key-case folding, `nullEqualsAbsent`, equivalences) shows findings the
 * judgement under the rules does not. Their tracker rows are `_covered_`,
 * never `_resolved_`: the servers still differ. Sorting, the header
 * allow-list and volatile headers stay, as they decide what is compared, not
 * whether two values are equal. Pure.
 */

import type { Exchange } from '../../contract/model/exchange.js';
import type { Finding } from '../../contract/root-cause.js';
import type { Rules } from '../../contract/rules/types.js';
import { type Judgement, judge } from './judge.js';

/** The rule families a case's rules use that can hide a difference (`ignore`, `mask`, …). */
export function hidingRules(rules: Rules): string[] {
  const families: string[] = [];
  if (rules.ignore.length > 0) families.push('ignore');
  if (rules.mask.length > 0) families.push('mask');
  if (rules.tolerance.length > 0) families.push('tolerance');
  if (rules.keyCaseFold) families.push('keyCase');
  if (rules.nullEqualsAbsent) families.push('nullEqualsAbsent');
  if (rules.equivalence !== undefined) families.push('equivalences');
  return families;
}

function withoutHidingRules(rules: Rules): Rules {
  const { equivalence: _equivalence, ...rest } = rules;
  return {
    ...rest,
    ignore: [],
    mask: [],
    tolerance: [],
    keyCaseFold: false,
    nullEqualsAbsent: false,
  };
}

/**
 * The findings judging `exchange` without its hiding rules shows and
 * `judgement` (under the rules) does not; empty when the case has no hiding
 * rule or a side failed. Costs a second comparison, for cases with such rules only.
 */
export function hiddenFindings(exchange: Exchange, judgement: Judgement): Finding[] {
  if (judgement.verdict === 'error' || hidingRules(exchange.case.rules).length === 0) return [];
  const bare = judge({
    ...exchange,
    case: { ...exchange.case, rules: withoutHidingRules(exchange.case.rules) },
  });
  return findingsOnlyIn(bare, judgement);
}

/**
 * The findings `bare` (a judgement without what may hide a difference: a
 * rule, learned noise) shows and `judgement` does not.
 */
export function findingsOnlyIn(bare: Judgement, judgement: Judgement): Finding[] {
  if (bare.verdict !== 'divergent') return [];
  const shown = new Set(
    judgement.verdict === 'divergent' ? judgement.findings.map((f) => f.fingerprint) : [],
  );
  return bare.findings.filter((finding) => !shown.has(finding.fingerprint));
}
