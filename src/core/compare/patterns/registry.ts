/**
 * The pattern registry: every pattern in priority order, and the one
 * function that runs them over a comparison's body changes. Their names are
 * the contract's (`contract/vocabulary.ts` `PATTERN_NAMES`, in this order):
 * a pattern must carry a declared name, and the registry's test checks that
 * every declared name has its pattern here.
 */

import type { Comparison } from '../../../contract/model/comparison.js';
import type { Change } from '../../../contract/observation.js';
import type { ChangeOp, PatternName } from '../../../contract/vocabulary.js';
import { arrayOrder } from './array-order.js';
import { boolAsString } from './bool-as-string.js';
import { drawnFormat } from './drawn-format.js';
import { emptyObject } from './empty-object.js';
import { enumCase } from './enum-case.js';
import { errorEnvelope } from './error-envelope.js';
import { floatFormat } from './float-format.js';
import { intAsString } from './int-as-string.js';
import { keyCase } from './key-case.js';
import { keyRename } from './key-rename.js';
import { listEnvelope } from './list-envelope.js';
import { nesting } from './nesting.js';
import { nilMap } from './nil-map.js';
import { nilSlice } from './nil-slice.js';
import { nullVsAbsent } from './null-vs-absent.js';
import { sentVsDrawn } from './sent-vs-drawn.js';
import { taggedEnum } from './tagged-enum.js';
import { timestampFormat } from './timestamp-format.js';
import type { Pattern, PatternMatch } from './types.js';
import { xmlNamespace } from './xml-namespace.js';
import { xmlRpcType } from './xml-rpc-type.js';

/**
 * Every pattern, most specific first (an XML-RPC value's type element renamed
 * would read as a renamed key, or a tagged enum's variant): a tagged enum also looks like renamed
 * keys, an error envelope like an added and a removed key, so they claim
 * their changes before the general recognisers run on what is left. Adding a
 * pattern is one file exporting a `Pattern` and its line here, where its
 * priority puts it.
 */
export const PATTERNS = [
  xmlRpcType,
  taggedEnum,
  errorEnvelope,
  keyCase,
  keyRename,
  nullVsAbsent,
  nilSlice,
  nilMap,
  emptyObject,
  nesting,
  listEnvelope,
  intAsString,
  boolAsString,
  timestampFormat,
  drawnFormat,
  sentVsDrawn,
  enumCase,
  floatFormat,
  arrayOrder,
  xmlNamespace,
] as const satisfies readonly Pattern<PatternName>[];

/** A registered pattern. */
export type RegisteredPattern = (typeof PATTERNS)[number];

const BY_NAME: ReadonlyMap<string, RegisteredPattern> = new Map(
  PATTERNS.map((pattern) => [pattern.name, pattern]),
);

/** The pattern of this name (for a root cause's meaning, kind and fix hint). */
export function patternNamed(name: PatternName): RegisteredPattern {
  const pattern = BY_NAME.get(name);
  // Unreachable: every PatternName is a registered pattern's.
  if (pattern === undefined) throw new Error(`no pattern named ${name}`);
  return pattern;
}

/** What the registry found in one comparison. */
export interface Recognition {
  /** In registry order, then by path. */
  readonly matches: readonly PatternMatch<PatternName>[];
  /** Body changes no pattern accounts for. */
  readonly unexplained: readonly Change[];
}

/** The ops of `changes`, one bit each (`CHANGE_OPS`' order). */
function opsOf(changes: readonly Change[]): number {
  let bits = 0;
  for (const change of changes) bits |= OP_BIT[change.op];
  return bits;
}

const OP_BIT: Readonly<Record<ChangeOp, number>> = {
  added: 1,
  removed: 2,
  type: 4,
  value: 8,
  moved: 16,
};

/** Each pattern's `ops`, as bits. */
const PATTERN_OPS: readonly number[] = PATTERNS.map((pattern) =>
  pattern.ops.reduce((bits, op) => bits | OP_BIT[op], 0),
);

/**
 * Run every pattern, in order, on the changes the earlier ones left
 * unexplained; a pattern none of whose `ops` is left is not called (it would
 * find nothing).
 */
export function recognisePatterns(changes: readonly Change[]): Recognition {
  let rest = changes;
  let ops = opsOf(rest);
  const matches: PatternMatch<PatternName>[] = [];
  for (let n = 0; n < PATTERNS.length; n++) {
    if (rest.length === 0) break;
    if ((ops & (PATTERN_OPS[n] ?? 0)) === 0) continue;
    const found = (PATTERNS[n] as RegisteredPattern).recognise(rest);
    if (found.length === 0) continue;
    const covered = new Set(found.flatMap((m) => m.covers));
    matches.push(...found);
    rest = rest.filter((change) => !covered.has(change));
    // A family whose values also differ leaves that question to the rest.
    for (const match of found) if (match.leaves !== undefined) rest = [...rest, ...match.leaves];
    ops = opsOf(rest);
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
