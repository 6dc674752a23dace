/**
 * Helpers shared by the pattern recognisers: grouping changes by parent
 * object, wildcard paths, value equality under key folding, naming conventions.
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { testShort } from '../../../util/short-text.js';
import { canonicalJson, isJsonObject } from '../../normalise/json.js';
import { foldKey } from '../../normalise/keys.js';
import { splitPath } from '../wording/phrases.js';

/**
 * `0`, `""`, `false`, `[]`, `{}`: what a struct writes for a field it has no
 * value for (`null` is left to `null-vs-absent`, a cause of its own).
 */
export function isZeroValue(value: unknown): boolean {
  if (value === 0 || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/** An object member that one side has and the other lacks. */
export interface Member {
  readonly name: string;
  readonly change: Change;
  /** The member's value on one side of a `type` change (see `memberValue`). */
  readonly side?: 'baseline' | 'candidate';
}

/** The added and removed members of one parent object. */
export interface MemberGroup {
  readonly parent: string;
  readonly removed: readonly Member[];
  readonly added: readonly Member[];
}

const ID_SEGMENT = [
  /^\d+$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^[0-9a-f]{16,}$/i,
];

/** `patternPath` of the paths seen (pure in the path), bounded: past this many it starts over. */
const PATTERN_PATHS = new Map<string, string>();
const MAX_PATTERN_PATHS = 4096;

/** `/records/3/tags` → `/records/*\/tags`: array indices and id-like keys become `*`. */
export function patternPath(path: string): string {
  const known = PATTERN_PATHS.get(path);
  if (known !== undefined) return known;
  const wild = path
    .split('/')
    .map((segment, n) => (n > 0 && ID_SEGMENT.some((re) => testShort(re, segment)) ? '*' : segment))
    .join('/');
  if (PATTERN_PATHS.size >= MAX_PATTERN_PATHS) PATTERN_PATHS.clear();
  PATTERN_PATHS.set(path, wild);
  return wild;
}

/** " at `/a/*`" for a nested place, "" for the top level (titles stay short). */
export function at(path: string): string {
  return path === '' ? '' : ` at ${codeSpan(patternPath(path))}`;
}

/**
 * Added and removed members grouped by parent pointer: object members only, or
 * array elements too with `elements` (the generic shape explanation lists both).
 */
export function memberGroups(
  changes: readonly Change[],
  options: { readonly elements?: boolean } = {},
): MemberGroup[] {
  const groups = new Map<string, { parent: string; removed: Member[]; added: Member[] }>();
  for (const change of changes) {
    if (change.op !== 'added' && change.op !== 'removed') continue;
    const { parent, name } = splitPath(change.path);
    if (options.elements !== true && /^\d+$/.test(name)) continue;
    let group = groups.get(parent);
    if (group === undefined) {
      group = { parent, removed: [], added: [] };
      groups.set(parent, group);
    }
    (change.op === 'added' ? group.added : group.removed).push({ name, change });
  }
  return [...groups.values()];
}

/** The value a member has on the side that has it. */
export function memberValue(member: Member): unknown {
  const side = member.side ?? (member.change.op === 'added' ? 'candidate' : 'baseline');
  return side === 'candidate' ? member.change.candidate : member.change.baseline;
}

/** A deep copy with every object key folded (`foldKey`), for spelling-blind equality. */
function foldDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(foldDeep);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [foldKey(k), foldDeep(v)]));
}

/** Equal after folding the spelling of every key. */
export function equalFolded(a: unknown, b: unknown): boolean {
  return canonicalJson(foldDeep(a)) === canonicalJson(foldDeep(b));
}

/** Exactly equal JSON values. */
export function equalJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

const CONVENTIONS: readonly (readonly [string, RegExp])[] = [
  ['snake_case', /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/],
  ['camelCase', /^[a-z][a-zA-Z0-9]*$/],
  ['PascalCase', /^[A-Z][a-zA-Z0-9]*$/],
  ['kebab-case', /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/],
  ['SCREAMING_SNAKE_CASE', /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/],
];

/** Each convention's word separator and letter case, to tell how far apart two are. */
const TRAITS: Readonly<Record<string, readonly [separator: string, letters: string]>> = {
  snake_case: ['_', 'lower'],
  camelCase: ['', 'lower'],
  PascalCase: ['', 'capitalised'],
  'kebab-case': ['-', 'lower'],
  SCREAMING_SNAKE_CASE: ['_', 'upper'],
};

const apart = (a: string, b: string): number =>
  TRAITS[a]!.filter((trait, n) => trait !== TRAITS[b]![n]).length;

/**
 * The words of a key, lower case: split at `_`, `-`, a lower-to-upper case
 * step, the last capital of an acronym and a letter-to-digit step
 * (`userName`, `user_name`, `UserName` → user·name; `HTTPStatus` →
 * http·status; `username` → username).
 */
export function keyWords(key: string): string[] {
  return key
    .split(/[_\-\s]+/)
    .flatMap((part) =>
      part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])/),
    )
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * Two spellings of the same words (`userName` and `user_name`): a naming
 * convention. `userName` and `username` fold alike but are not: one word on
 * one side, two on the other, so a rename.
 */
export function sameWords(a: string, b: string): boolean {
  const x = keyWords(a);
  const y = keyWords(b);
  return x.length === y.length && x.every((word, n) => word === y[n]);
}

/** The first key-naming convention all `keys` follow, or `undefined` when mixed. */
export function conventionOf(keys: readonly string[]): string | undefined {
  return CONVENTIONS.find(([, pattern]) => keys.every((key) => testShort(pattern, key)))?.[0];
}

/**
 * The conventions two sets of spellings of the same keys follow, named so
 * that they differ as little as the keys allow: a one-word key follows
 * several conventions, so `value` → `Value` is camelCase vs PascalCase (the
 * first letter), not snake_case vs PascalCase, and `user_name` → `userName`
 * stays snake_case vs camelCase. Ties go to the conventions' order; a side
 * that follows none is `mixed case`.
 */
export function conventionsBetween(
  before: readonly string[],
  after: readonly string[],
): readonly [string, string] {
  const from = conventionsOf(before);
  const to = conventionsOf(after);
  let best: readonly [string, string] | undefined;
  for (const x of from) {
    for (const y of to) {
      if (x === y) continue;
      if (best === undefined || apart(x, y) < apart(...best)) best = [x, y];
    }
  }
  return best ?? [from[0] ?? 'mixed case', to[0] ?? 'mixed case'];
}

/**
 * Every key-naming convention all `keys` follow: a one-word key follows
 * several (`name` is snake_case, camelCase and kebab-case alike), so two sets
 * of keys share a naming when their lists meet.
 */
export function conventionsOf(keys: readonly string[]): string[] {
  return CONVENTIONS.filter(([, pattern]) => keys.every((key) => testShort(pattern, key))).map(
    ([name]) => name,
  );
}

/** `` `street`, `city` ``: the first `limit` keys named, the rest counted (`, … 3 more`). */
export function namedKeys(keys: readonly string[], limit = 5): string {
  const named = keys.slice(0, limit).map(codeSpan).join(', ');
  return keys.length > limit ? `${named}, … ${keys.length - limit} more` : named;
}

/** `2 members (`street`, `city`)`. */
export function membersWords(keys: readonly string[]): string {
  return `${keys.length} member${keys.length === 1 ? '' : 's'} (${namedKeys(keys)})`;
}

/** `\`a\`→\`b\``, for lists of renamed keys. */
export function arrow(from: string, to: string): string {
  return `${codeSpan(from)}→${codeSpan(to)}`;
}
