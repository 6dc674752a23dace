/**
 * One value transformation wherever it shows (issue 43: keyed by what
 * changed, not by where). When every pair of values a place showed is
 * related by the same transformation, and another place's pairs are too, the
 * places are one cause whatever their member, object or endpoint: one side
 * writes every URL absolute where the other writes its path (`/docs/a.txt`
 * vs `http://127.0.0.1:8080/docs/a.txt`, in a listing's `href` and in a
 * lock's `lockroot/href`), prefixes every value with the same text (`42` vs
 * `usr_42`), or writes it in another case (`active` vs `ACTIVE`). The
 * transformation is what a person decides, once.
 *
 * The transformations, tried in this order (a pair may satisfy several; a
 * place's transformation is the first that every one of its pairs
 * satisfies):
 * - **absolute URL vs path**: one side's value is `scheme://authority` (or
 *   its own address, compared as `{{origin}}`) followed by the other's, which starts with `/`; keyed by which side is
 *   absolute, never by the authority (each server names its own host and
 *   port);
 * - **a constant prefix / suffix**: one side's value is the same text
 *   followed (preceded) by the other's, non-empty; keyed by the side and the
 *   text (at most 24 characters, not digits alone);
 * - **case**: the values are equal but for letter case; keyed by each
 *   side's case (lower, upper, mixed);
 * - **rounded** (rule 62, `rounded-numbers.ts`): one side writes the
 *   other's exact number past a double's precision as its nearest double;
 *   keyed by the side that rounds, integers apart from fractions.
 *
 * **Kept apart**: a place where one pair is not so related (its values are
 * data, or another change), another transformation, another side or another
 * prefix, a place alone (nothing to join), and places that all show one
 * pair of values (a constant: the transformation is never seen mapping two
 * values; "the same constant under other parents" decides those). Pure.
 */

import { codeSpan } from '../../util/code-span.js';
import { ORIGIN_TOKEN } from '../normalise/origin.js';
import { roundedTransform } from './rounded-numbers.js';

/** A value change as the clustering has seen it: the concrete pairs of values it showed. */
export interface SeenPairs {
  /** Each pair of values (JSON of `[baseline, candidate]`) seen at its places. */
  readonly pairs: ReadonlySet<string>;
}

/** `scheme://authority/path`, or a side's own address compared as `{{origin}}` (`core/normalise/origin.ts`). */
const ABSOLUTE = new RegExp(
  `^(?:[a-z][a-z0-9+.-]*://[^/?#\\s]+|${ORIGIN_TOKEN.replace(/[{}]/g, '\\$&')})(/.*)$`,
  'i',
);

/** The longest prefix or suffix read as text a side adds (`usr_`, `/api/v2`, `.json`). */
const MAX_AFFIX = 24;

/** What a string is in letter case. */
function caseOf(value: string): string {
  if (value === value.toLowerCase()) return 'lower';
  if (value === value.toUpperCase()) return 'upper';
  return 'mixed';
}

/** The transformations that relate one pair of values, most specific first (keys). */
export function transformsOf(baseline: unknown, candidate: unknown): string[] {
  const rounded = roundedTransform(baseline, candidate);
  if (rounded !== undefined) return [rounded];
  if (typeof baseline !== 'string' || typeof candidate !== 'string') return [];
  if (baseline === candidate) return [];
  const out: string[] = [];
  const absolute = (url: string, path: string) => ABSOLUTE.exec(url)?.[1] === path;
  if (baseline.startsWith('/') && absolute(candidate, baseline)) out.push('absolute candidate');
  if (candidate.startsWith('/') && absolute(baseline, candidate)) out.push('absolute baseline');
  const affix = (long: string, short: string, side: string) => {
    if (short === '' || long.length <= short.length) return;
    // An affix of digits alone is a number's digits (a counter), not text a side adds; a long
    // one is data (a token, a sentence) that a summary must not carry.
    const add = (kind: string, text: string) => {
      if (/\D/.test(text) && text.length <= MAX_AFFIX) out.push(`${kind} ${side} ${text}`);
    };
    if (long.endsWith(short)) add('prefix', long.slice(0, -short.length));
    if (long.startsWith(short)) add('suffix', long.slice(short.length));
  };
  affix(candidate, baseline, 'candidate');
  affix(baseline, candidate, 'baseline');
  if (baseline.toLowerCase() === candidate.toLowerCase()) {
    out.push(`case ${caseOf(baseline)} ${caseOf(candidate)}`);
  }
  return out;
}

/** The one transformation every pair of a place satisfies (the first in order), if any. */
export function transformOfPlace(pairs: Iterable<string>): string | undefined {
  let common: string[] | undefined;
  for (const pair of pairs) {
    const [baseline, candidate] = JSON.parse(pair) as [unknown, unknown];
    const these = transformsOf(baseline, candidate);
    common = common === undefined ? these : common.filter((t) => these.includes(t));
    if (common.length === 0) return undefined;
  }
  return common?.[0];
}

/** The groups of two places or more whose values one transformation relates. */
export function valueTransforms<T extends SeenPairs>(seen: Iterable<T>): T[][] {
  const byTransform = new Map<string, T[]>();
  for (const one of seen) {
    if (one.pairs.size === 0) continue;
    const transform = transformOfPlace(one.pairs);
    if (transform === undefined) continue;
    byTransform.set(transform, [...(byTransform.get(transform) ?? []), one]);
  }
  // One pair of values everywhere is a constant (`constant-values.ts`), not a transformation seen at work.
  const pairsOf = (group: readonly T[]) => new Set(group.flatMap((one) => [...one.pairs])).size;
  return [...byTransform.values()].filter((group) => group.length > 1 && pairsOf(group) > 1);
}

/** A transformation key in words, for a row's summary. */
export function transformWords(transform: string): string {
  const [kind, side = '', ...rest] = transform.split(' ');
  const other = side === 'candidate' ? 'baseline' : 'candidate';
  // One side's defaults left out (`omitted-defaults.ts`): the side that omits them.
  if (kind === 'defaults') {
    const fields = rest.length === 0 ? '' : ` (empty at ${rest.map(codeSpan).join(', ')})`;
    return `${side} leaves members at their zero value out${fields}, ${other} writes them`;
  }
  // One counter offset (`counter-offsets.ts`): the side whose numbers are the lower ones.
  if (kind === 'offset') return `${side}'s values are lower by one offset per answer`;
  // Links to one resource (`resource-links.ts`): the side that writes them and their target.
  if (kind === 'links') return `${side} links to ${codeSpan(rest.join(' '))}`;
  if (kind === 'rounded' && rest[0] === 'fractions')
    return `${side} rounds fractions to a double's digits, ${other} keeps every digit`;
  if (kind === 'rounded')
    return `${side} rounds numbers past a double's precision, ${other} keeps them exact`;
  if (kind === 'absolute') return `${side} writes absolute URLs where ${other} writes paths`;
  if (kind === 'prefix' || kind === 'suffix') {
    const text = codeSpan(rest.join(' '));
    return `${side} ${kind === 'prefix' ? 'prefixes' : 'suffixes'} values with ${text}`;
  }
  return `values differ in letter case (baseline ${side}, candidate ${rest[0] ?? ''})`;
}
