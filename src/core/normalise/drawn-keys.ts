/**
 * Keys each side drew for its records, by what one answer shows of them,
 * whatever characters a key happens to hold: a list of two records or more
 * on each side where one member names every record with a token (letters,
 * digits, `-`, `_`) of one length on that side (8 to 64 characters), unique
 * within the side, none of them the other side's (not even in another
 * case), none of them in the request, and each pair of records at one
 * index otherwise the same record (a member beside the key with one
 * value on both sides: the subject, the title). Each side numbers the same
 * records its own way: drawn at random, a key may hold no digit at all
 * (`rMEKdNDn`, `qzkwbmta`), so a digit is no evidence either way.
 *
 * This is a shape, not yet evidence: `references.ts` remembers such keys,
 * and only a later answer that echoes each side's own at one place proves
 * them per-instance. A word is no such key: words that name records repeat
 * between the two sides (`inbox` on both), differ in length (`inbox`,
 * `settings`), or differ only in case (`Inbox`). Pure.
 */
import { joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { ownValue } from '../wire/json-equal.js';

/** A key's characters: a token of letters, digits, `-` and `_`, 8 to 64 of them. */
const KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** The fewest records on each side whose keys can show they are drawn: one key is unique by itself. */
const MIN_RECORDS = 2;

/** The longest list looked at. */
const MAX_RECORDS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** Each record's value of `member`, when every record holds a key-like string there; else undefined. */
function keysAt(records: readonly unknown[], member: string): string[] | undefined {
  const keys: string[] = [];
  for (const record of records) {
    const value = isRecord(record) ? record[member] : undefined;
    if (typeof value !== 'string' || !KEY.test(value)) return undefined;
    keys.push(value);
  }
  return keys;
}

/** One length, no key twice. */
function uniform(keys: readonly string[]): boolean {
  const length = keys[0]?.length;
  return keys.every((k) => k.length === length) && new Set(keys).size === keys.length;
}

/** Whether `member` holds keys each side drew for its records (see the module comment). */
function drawnAt(a: readonly unknown[], b: readonly unknown[], member: string, asked: string) {
  const mine = keysAt(a, member);
  const theirs = mine === undefined ? undefined : keysAt(b, member);
  if (mine === undefined || theirs === undefined || !uniform(mine) || !uniform(theirs)) {
    return false;
  }
  const folded = new Set(mine.map((k) => k.toLowerCase()));
  if (theirs.some((k) => folded.has(k.toLowerCase()))) return false;
  if ([...mine, ...theirs].some((k) => asked.includes(k))) return false;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!sameRecordBesides(a[i], b[i], [member])) return false;
  return true;
}

/**
 * Whether two records at one place are one record whose keys each side made
 * for itself (an id drawn per instance): each names itself by a text under
 * the first of `keys` it holds, and besides them they share a member with
 * one non-empty text on both sides (its subject, its title). A number or a
 * flag two records share by chance (`0`, `true`) says nothing; records with
 * nothing in common are two records.
 */
export function sameRecordBesides(a: unknown, b: unknown, keys: readonly string[]): boolean {
  if (!isRecord(a) || !isRecord(b)) return false;
  const named = (record: Record<string, unknown>) => {
    const key = keys.find((k) => Object.hasOwn(record, k));
    return key !== undefined && typeof ownValue(record, key) === 'string';
  };
  if (!named(a) || !named(b)) return false;
  return Object.keys(a).some((member) => {
    if (keys.includes(member) || !Object.hasOwn(b, member)) return false;
    const value = ownValue(a, member);
    return typeof value === 'string' && value !== '' && value === ownValue(b, member);
  });
}

/** Where one answer's drawn keys are, and each side's keys there. */
export interface DrawnKeys {
  /** The places (`/messages/0/id`), as the baseline's indices. */
  readonly places: ReadonlySet<string>;
  /** The baseline's keys at those places. */
  readonly baseline: ReadonlySet<string>;
  /** The candidate's keys at those places. */
  readonly candidate: ReadonlySet<string>;
}

interface Found {
  readonly places: Set<string>;
  readonly baseline: Set<string>;
  readonly candidate: Set<string>;
}

function walk(a: unknown, b: unknown, path: string, asked: string, out: Found): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    const first = a[0];
    if (n >= MIN_RECORDS && a.length <= MAX_RECORDS && b.length <= MAX_RECORDS && isRecord(first)) {
      for (const member of Object.keys(first)) {
        if (!drawnAt(a, b, member, asked)) continue;
        for (let i = 0; i < n; i++) {
          out.places.add(joinPointer(joinPointer(path, i), member));
          out.baseline.add(String((a[i] as Record<string, unknown>)[member]));
          out.candidate.add(String((b[i] as Record<string, unknown>)[member]));
        }
      }
    }
    for (let i = 0; i < Math.min(n, MAX_RECORDS); i++) {
      walk(a[i], b[i], joinPointer(path, i), asked, out);
    }
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(a)) {
      if (Object.hasOwn(b, key)) walk(a[key], b[key], joinPointer(path, key), asked, out);
    }
  }
}

/**
 * Where the two answers `a` and `b` name their records by keys each side
 * drew (see the module comment), and those keys; `asked` is what the
 * request said (its path and query), whose values are data.
 */
export function drawnKeysOf(a: unknown, b: unknown, asked: string): DrawnKeys {
  const out: Found = { places: new Set(), baseline: new Set(), candidate: new Set() };
  walk(a, b, '', asked, out);
  return out;
}

/** The places of `drawnKeysOf` (`/messages/0/id`). */
export function drawnKeyPlaces(a: unknown, b: unknown, asked: string): ReadonlySet<string> {
  return drawnKeysOf(a, b, asked).places;
}
