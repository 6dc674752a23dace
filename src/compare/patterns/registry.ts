/**
 * The pattern registry: every recogniser in priority order, and the one
 * function that runs them over a comparison's body changes.
 */
import type { Change, Comparison } from '../../model/comparison.js';
import { arrayOrder } from './array-order.js';
import { enumCase } from './enum-case.js';
import { errorEnvelope } from './error-envelope.js';
import { floatFormat } from './float-format.js';
import { intAsString } from './int-as-string.js';
import { keyCase } from './key-case.js';
import { nilMap } from './nil-map.js';
import { nilSlice } from './nil-slice.js';
import { nullVsAbsent } from './null-vs-absent.js';
import { taggedEnum } from './tagged-enum.js';
import { timestampFormat } from './timestamp-format.js';
import type { Pattern, PatternMatch, PatternName } from './types.js';
import { xmlNamespace } from './xml-namespace.js';

/**
 * Most specific first: a tagged enum also looks like renamed keys, an error
 * envelope like an added and a removed key, so they claim their changes before
 * the general recognisers run on what is left.
 */
export const PATTERNS: Readonly<Record<PatternName, Pattern>> = {
  'tagged-enum': taggedEnum,
  'error-envelope': errorEnvelope,
  'key-case': keyCase,
  'null-vs-absent': nullVsAbsent,
  'nil-slice': nilSlice,
  'nil-map': nilMap,
  'int-as-string': intAsString,
  'timestamp-format': timestampFormat,
  'enum-case': enumCase,
  'float-format': floatFormat,
  'array-order': arrayOrder,
  'xml-namespace': xmlNamespace,
};

/** What the registry found in one comparison. */
export interface Recognition {
  /** In registry order, then by path. */
  readonly matches: readonly PatternMatch[];
  /** Body changes no pattern accounts for. */
  readonly unexplained: readonly Change[];
}

/** Run every pattern, in order, on the changes the earlier ones left unexplained. */
export function recognisePatterns(changes: readonly Change[]): Recognition {
  let rest = changes;
  const matches: PatternMatch[] = [];
  for (const pattern of Object.values(PATTERNS)) {
    if (rest.length === 0) break;
    const found = pattern.recognise(rest);
    if (found.length === 0) continue;
    const covered = new Set(found.flatMap((m) => m.covers));
    matches.push(...found);
    rest = rest.filter((change) => !covered.has(change));
  }
  return { matches, unexplained: rest };
}

/**
 * True when patterns explain the whole divergence: the status is equal, no
 * header differs and every body change is covered. Only then does the
 * divergence get a pattern fingerprint (one decision per root cause).
 * `recognition` is `recognisePatterns(comparison.body)`.
 */
export function fullyExplained(comparison: Comparison, recognition: Recognition): boolean {
  const { matches, unexplained } = recognition;
  return (
    comparison.status.equal &&
    comparison.headers.length === 0 &&
    matches.length > 0 &&
    unexplained.length === 0
  );
}

/** Unique titles, in match order. */
export function patternTitles(matches: readonly PatternMatch[]): string[] {
  return [...new Set(matches.map((m) => m.title))];
}

/** Unique, sorted root-cause keys: the stable source of a pattern fingerprint. */
export function patternKeys(matches: readonly PatternMatch[]): string[] {
  return [...new Set(matches.map((m) => m.key))].sort();
}
