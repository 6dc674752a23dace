/**
 * `enum-case`: an enum value in another casing (`"ACTIVE"` vs `"active"`,
 * `"InProgress"` vs `"in_progress"`): serde's `rename_all` vs Go constants.
 * Also the protobuf style guide's prefixed value names (`"ITEM_STATE_ACTIVE"`
 * vs `"active"`): an UPPER_SNAKE_CASE value whose leading words name the
 * enum's type, the type named after the field (`state` → `ItemState`), and
 * whose remaining words are the other side's value.
 *
 * Only a member's value: a whole body (`OK` vs `ok` answered as text) is no
 * enum member, and what its texts differ by is said by the body's own
 * finding (`text-bodies.ts`, tracker rule 9), with no enum's fix.
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { foldKey } from '../../normalise/keys.js';
import { type Advice, phrase, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/;

/** The casing of one identifier-like value. */
export function valueCase(value: string): string {
  if (/^[A-Z0-9_-]+$/.test(value)) return 'UPPER_CASE';
  if (/^[a-z0-9_-]+$/.test(value)) return 'lower_case';
  if (/^[A-Z]/.test(value)) return 'PascalCase';
  return 'camelCase';
}

/** The casing of a value that carries its enum type's prefix (protobuf's `ITEM_STATE_ACTIVE`). */
const PREFIXED = 'TYPE_PREFIXED_UPPER_CASE';

/** A casing in words: the prefixed one says so. */
function caseWords(convention: string): string {
  return convention === PREFIXED ? "UPPER_CASE with the type's prefix" : convention;
}

/** A value's casing, `TYPE_PREFIXED_UPPER_CASE` when it carries its enum type's prefix (protobuf style). */
function caseOf(value: string, other: string, field: string): string {
  return isTypePrefixed(value, other, field) ? PREFIXED : valueCase(value);
}

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const [b = 'lower_case', c = 'PascalCase'] = params;
  const serde = (convention: string) =>
    ({ lower_case: 'lowercase', UPPER_CASE: 'UPPERCASE' })[convention] ?? convention;
  const write = (convention: string): Advice =>
    convention === PREFIXED
      ? {
          rust: '`#[serde(rename = "…")]` on each variant, with the enum type\'s prefix',
          go: "the constants' strings, with the enum type's prefix",
          java: "`@JsonValue` on the enum, with the enum type's prefix",
          protobuf:
            "protojson writes an enum value's full name as the .proto declares it, the type's prefix included (the style guide's `ITEM_STATE_ACTIVE`)",
        }
      : {
          rust: `\`#[serde(rename_all = "${serde(convention)}")]\` on the enum`,
          go: "the constants' strings, or a `MarshalText`/`String()` on the enum type",
          java: '`@JsonValue` on the enum',
          protobuf:
            convention === 'UPPER_CASE'
              ? "protojson writes an enum value's name as the .proto declares it (UPPER_SNAKE_CASE by the style guide)"
              : "protojson writes an enum value's full name as the .proto declares it (UPPER_SNAKE_CASE, the type's prefix included, by the style guide): a `string` field, or the other side's names",
        };
  return {
    baseline: phrase(
      `write the values of ${theField(field)} in ${caseWords(c)}`,
      runtimes.baseline,
      write(c),
    ),
    candidate: phrase(
      `write the values of ${theField(field)} in ${caseWords(b)}`,
      runtimes.candidate,
      write(b),
    ),
  };
}

/** The words of an UPPER_SNAKE_CASE or lower_snake_case identifier (`ITEM_STATE_ACTIVE` → item, state, active). */
function snakeWords(value: string): string[] | undefined {
  if (!/^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)$/.test(value))
    return undefined;
  return value.toLowerCase().split(/[_-]/);
}

/**
 * Whether `prefixed` is `plain` under an enum type's prefix that names the
 * field (protobuf's `ITEM_STATE_ACTIVE` at `state` vs `active`): the prefix
 * ends with the field's words, so `NOT_FOUND` vs `found` at `result` is
 * another value, not a prefix.
 */
export function isTypePrefixed(prefixed: string, plain: string, field: string): boolean {
  const long = snakeWords(prefixed);
  const short = snakeWords(plain);
  if (long === undefined || short === undefined || valueCase(prefixed) !== 'UPPER_CASE')
    return false;
  if (long.length <= short.length || valueCase(plain) === 'UPPER_CASE') return false;
  const tail = long.slice(long.length - short.length);
  if (tail.join('_') !== short.join('_')) return false;
  const prefix = long.slice(0, long.length - short.length).join('');
  const name = foldKey(field);
  return name.length > 0 && prefix.endsWith(name);
}

function lastKey(path: string): string {
  const segments = path.split('/');
  return segments[segments.length - 1] ?? '';
}

/** The match of one value change in another casing; undefined for any other change. */
function matchOf(change: Change): PatternMatch<'enum-case'> | undefined {
  const { baseline: b, candidate: c } = change;
  if (change.op !== 'value' || typeof b !== 'string' || typeof c !== 'string') return undefined;
  if (!IDENTIFIER.test(b) || !IDENTIFIER.test(c)) return undefined;
  const field = lastKey(change.path);
  const prefixed = isTypePrefixed(b, c, field) || isTypePrefixed(c, b, field);
  if (!prefixed && foldKey(b) !== foldKey(c)) return undefined;
  const [before, after] = [caseOf(b, c, field), caseOf(c, b, field)];
  // One casing on both sides (`one-2024` vs `one_2024`): another value, not another casing.
  if (before === after) return undefined;
  const path = patternPath(change.path);
  return {
    name: 'enum-case',
    title: `${codeSpan(path)} enum values ${caseWords(before)} vs ${caseWords(after)}`,
    explanation: `the enum value at ${codeSpan(change.path)} is cased differently: ${JSON.stringify(b)} in baseline, ${JSON.stringify(c)} in candidate`,
    key: `enum-case:${path}:${before}:${after}`,
    anchor: change.path,
    params: [before, after],
    detail: `enum values ${caseWords(before)} vs ${caseWords(after)}`,
    covers: [change],
  };
}

/**
 * The match a whole body (`path ''`) in another casing made before a whole
 * body was no enum member: the row a tracker written before holds for it
 * (`earlier-keys.ts`); undefined for any other change.
 */
export function wholeBodyCaseMatch(change: Change): PatternMatch<'enum-case'> | undefined {
  return change.path === '' ? matchOf(change) : undefined;
}

export const enumCase: Pattern<'enum-case'> = {
  name: 'enum-case',
  meaning:
    'an enum value in another casing (`"ACTIVE"` vs `"active"`), or under its type\'s prefix (`"ITEM_STATE_ACTIVE"` vs `"active"`)',
  kindOf: () => 'value',
  hint,
  ops: ['value'],
  recognise(changes) {
    const matches: PatternMatch<'enum-case'>[] = [];
    for (const change of changes) {
      // The whole body is no member of an enum: its texts are the body's difference.
      if (change.path === '') continue;
      const match = matchOf(change);
      if (match !== undefined) matches.push(match);
    }
    return matches;
  },
};
