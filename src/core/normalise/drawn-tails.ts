/**
 * A name each side derives from a value the request sent and ends with a
 * tail it draws (tracker rule 50b). A server that keeps a record under a
 * slug of its name makes the slug unique with a short random tail where the
 * name is taken: a second project named `Storefront` is `storefront-k` on
 * one instance and `storefront-a` on the other. Both sides made the same
 * choice (the name's slug, one separator, a tail of one form and length);
 * only the draw differs, and every later answer that lists the record shows
 * it again (a list of projects paired by slug then lacks one record and
 * adds another).
 *
 * It is this class where, in the answer to a write both sides accepted
 * (`POST`, `PUT`, `PATCH`, `2xx`), in a flow or serial sequence, both sides
 * hold at one place strings `<head><sep><tail>` that differ only in the
 * tail: the head is **the slug of a string the request sent** (lower case,
 * runs of other characters as one `-` or `_`: `Storefront` → `storefront`,
 * `Blue Team` → `blue-team`), the separator is `-` or `_`, and the tails are
 * **of one length, 1 to 8, letters of one case on both sides, or letters
 * and digits with a letter on both** (never digits alone: a counter, `-2`
 * against `-3`, is a choice). Each side's value is then compared as
 * `<head><sep>{{drawn}}` in that answer and wherever that side answers it
 * again later in the sequence, at any place (a list in another order
 * included), listed under `generated` with the evidence. **Stays a
 * divergence**: a tail on one side only (`storefront` against
 * `storefront-k`: one side makes names unique, the other does not), another
 * head (`store-front` against `storefront`: another slug rule), a head no
 * request sent, tails of two lengths or forms, digits alone, a read's
 * answer where no write showed the pair first, and a tail on a name no
 * record held: a tail makes a name unique only where the bare slug was
 * answered on both sides first (earlier in the sequence, or in that answer),
 * so a suffix chosen on a name's first record (a locale, `welcome-en`
 * against `welcome-de`; a currency) keeps its row. **Awaits evidence**: a digit
 * tail against a letter one of one length and case (`-6` against `-b`, a
 * drawn character of `[a-z0-9]`, or a counter against a draw): the write's
 * answer keeps its values under `unsettled`, and later answers follow the
 * pair. Pure, but for the memory a run keeps per sequence
 * (`createDrawnTails`).
 */

import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { requestValues } from './request-values.js';
import {
  bothStructured,
  type Structured,
  widestSequenceOf,
  withStructuredValue,
} from './sequence-walk.js';

/** What a drawn tail is compared as. */
export const DRAWN_TAIL_TOKEN = '{{drawn}}';
/** The longest tail, and the shortest head. */
const MAX_TAIL = 8;
const MIN_HEAD = 3;
const MAX_DEPTH = 12;
const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);
const TAILED = /^(.+)([-_])([A-Za-z0-9]+)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** `text` as a slug: lower case, without marks, runs of other characters as one `sep`, none at the ends. */
export function slugOf(text: string, sep: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
}

/** Two tails of one drawn form: one length, letters of one case on both, or letters and digits with a letter on both. */
function drawnForms(x: string, y: string): boolean {
  if (x === y || x.length !== y.length || x.length > MAX_TAIL) return false;
  if (/^[a-z]+$/.test(x) && /^[a-z]+$/.test(y)) return true;
  if (/^[A-Z]+$/.test(x) && /^[A-Z]+$/.test(y)) return true;
  const mixed = (t: string) => /^[a-z0-9]+$/.test(t) && /[a-z]/.test(t) && /\d/.test(t);
  return mixed(x) && mixed(y);
}

/**
 * Two tails an alphabet of letters and digits may give, of one length and
 * case, that `drawnForms` cannot tell drawn: a digit tail against a letter
 * one (`-6` against `-b`: a drawn `[a-z0-9]` character, or a counter
 * against a draw). One run holds no evidence either way; the pair awaits it.
 */
function unsettledForms(x: string, y: string): boolean {
  if (x === y || x.length !== y.length || x.length > MAX_TAIL) return false;
  const oneCase =
    (/^[a-z0-9]+$/.test(x) && /^[a-z0-9]+$/.test(y)) ||
    (/^[A-Z0-9]+$/.test(x) && /^[A-Z0-9]+$/.test(y));
  const digits = (t: string) => /^\d+$/.test(t);
  return oneCase && !(digits(x) && digits(y));
}

/** A sent name's slug with a tail each side drew: its head and separator, and whether the tails' forms leave it unsettled. */
export interface DrawnTailPair {
  readonly head: string;
  readonly sep: string;
  /** A digit tail against a letter one: no evidence in one run, the first answer awaits it. */
  readonly unsettled?: true;
}

/** The pair's head and separator where `a` and `b` are one sent name's slug with drawn tails; else undefined. */
export function drawnTail(
  a: string,
  b: string,
  sent: readonly string[],
): DrawnTailPair | undefined {
  const x = TAILED.exec(a);
  const y = TAILED.exec(b);
  if (x === null || y === null) return undefined;
  const [, head, sep, tailA] = x as unknown as [string, string, string, string];
  const [, headB, sepB, tailB] = y as unknown as [string, string, string, string];
  if (head !== headB || sep !== sepB || head.length < MIN_HEAD) return undefined;
  const drawn = drawnForms(tailA, tailB);
  if (!drawn && !unsettledForms(tailA, tailB)) return undefined;
  if (sent.includes(a) || sent.includes(b)) return undefined;
  if (!sent.some((value) => slugOf(value, sep) === head)) return undefined;
  return drawn ? { head, sep } : { head, sep, unsettled: true };
}

function accepted(side: SideOutcome): boolean {
  return side.outcome === 'response' && side.response.status >= 200 && side.response.status < 300;
}

/** A value each side drew, what it is compared as, and where it was first seen. */
interface Drawn {
  readonly as: string;
  readonly why: string;
}

export interface DrawnTails {
  /** The exchange with each drawn tail this answer or an earlier write of its sequence showed compared as `{{drawn}}`. */
  apply(exchange: Exchange): Exchange;
}

/** Calls `visit` on each pair of strings at one place that differ. */
function differingStrings(
  a: unknown,
  b: unknown,
  at: string,
  depth: number,
  visit: (at: string, x: string, y: string) => void,
): void {
  if (depth > MAX_DEPTH) return;
  if (typeof a === 'string' && typeof b === 'string') {
    if (a !== b) visit(at, a, b);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      differingStrings(a[i], b[i], joinPointer(at, i), depth + 1, visit);
  } else if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(a)) {
      if (Object.hasOwn(b, key))
        differingStrings(a[key], b[key], joinPointer(at, key), depth + 1, visit);
    }
  }
}

/** The longest string kept as a name a side holds, and how many a sequence keeps per side. */
const MAX_NAME = 120;
const MAX_NAMES = 20_000;

/** Adds each short string of `value` to `into` (the names a side answered). */
function collectStrings(value: unknown, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || into.size >= MAX_NAMES) return;
  if (typeof value === 'string') {
    if (value.length <= MAX_NAME) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into, depth + 1);
  } else if (isRecord(value)) {
    for (const member of Object.values(value)) collectStrings(member, into, depth + 1);
  }
}

/** `value` with each string `drawn` knows replaced, and where. */
function replaced(
  value: unknown,
  drawn: ReadonlyMap<string, Drawn>,
  at: string,
  found: Map<string, string>,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) return value;
  if (typeof value === 'string') {
    const known = drawn.get(value);
    if (known === undefined) return value;
    found.set(at || '/', known.why);
    return known.as;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const y = replaced(item, drawn, joinPointer(at, i), found, depth + 1);
      if (y !== item) {
        out ??= [...value];
        out[i] = y;
      }
    });
    return out ?? value;
  }
  if (isRecord(value)) {
    let out: Record<string, unknown> | undefined;
    for (const [key, member] of Object.entries(value)) {
      const y = replaced(member, drawn, joinPointer(at, key), found, depth + 1);
      if (y !== member) {
        out ??= { ...value };
        out[key] = y;
      }
    }
    return out ?? value;
  }
  return value;
}

export function createDrawnTails(): DrawnTails {
  const sequences = new Map<
    string,
    {
      baseline: Map<string, Drawn>;
      candidate: Map<string, Drawn>;
      /** The short strings each side answered in the sequence so far: the names it holds. */
      taken: { baseline: Set<string>; candidate: Set<string> };
    }
  >();
  return {
    apply(exchange) {
      const sequence = widestSequenceOf(exchange);
      if (sequence === undefined) return exchange;
      const both = bothStructured(exchange);
      if (both === undefined) return exchange;
      const [left, right] = both;
      const memory = sequences.get(sequence) ?? {
        baseline: new Map(),
        candidate: new Map(),
        taken: { baseline: new Set<string>(), candidate: new Set<string>() },
      };
      sequences.set(sequence, memory);
      collectStrings(left.value, memory.taken.baseline, 0);
      collectStrings(right.value, memory.taken.candidate, 0);
      const awaiting: { at: string; x: string; y: string; drawn: Drawn }[] = [];
      const request = exchange.flow?.requests.baseline ?? exchange.case.request;
      if (
        WRITES.has(request.method) &&
        accepted(exchange.baseline) &&
        accepted(exchange.candidate)
      ) {
        const sent = [
          ...requestValues(request),
          ...requestValues(exchange.flow?.requests.candidate ?? exchange.case.request),
        ];
        differingStrings(left.value, right.value, '', 0, (at, x, y) => {
          const found = drawnTail(x, y, sent);
          if (found === undefined || memory.baseline.has(x) || memory.candidate.has(y)) return;
          // A name made unique: the bare slug was answered on both sides first (or here).
          if (!memory.taken.baseline.has(found.head) || !memory.taken.candidate.has(found.head))
            return;
          const as = `${found.head}${found.sep}${DRAWN_TAIL_TOKEN}`;
          const tail = x.length - found.head.length - 1;
          const why =
            found.unsettled === true
              ? `the slug of a value the request sent with a tail of ${tail} character(s), a digit on one side and a letter on the other, which awaits evidence at ${at || '/'} of ${exchange.case.id}, the answer to a write`
              : `a slug of a value the request sent with a tail each side drew (${tail} characters), first seen at ${at || '/'} of ${exchange.case.id}, the answer to a write`;
          if (found.unsettled === true) {
            awaiting.push({ at: at || '/', x, y, drawn: { as, why } });
            return;
          }
          memory.baseline.set(x, { as, why });
          memory.candidate.set(y, { as, why });
          sequences.set(sequence, memory);
        });
      }
      const shown = followed(exchange, left, right, memory);
      if (awaiting.length === 0) return shown;
      // The write's own answer keeps those values, under `unsettled`: one run
      // cannot tell a drawn character from a counter, so that place awaits
      // evidence (a replica settles it); later answers that show the same pair
      // again follow it.
      for (const { x, y, drawn } of awaiting) {
        memory.baseline.set(x, drawn);
        memory.candidate.set(y, drawn);
      }
      sequences.set(sequence, memory);
      return {
        ...shown,
        unsettled: [...(shown.unsettled ?? []), ...awaiting.map((a) => a.at)],
      };
    },
  };
}

/** `exchange` with each value `memory` knows compared as its token, and where, under `generated`. */
function followed(
  exchange: Exchange,
  left: Structured,
  right: Structured,
  memory: { baseline: ReadonlyMap<string, Drawn>; candidate: ReadonlyMap<string, Drawn> },
): Exchange {
  if (memory.baseline.size === 0) return exchange;
  const found = new Map<string, string>();
  const valueA = replaced(left.value, memory.baseline, '', found, 0);
  const seenA = new Map(found);
  found.clear();
  const valueB = replaced(right.value, memory.candidate, '', found, 0);
  if (valueA === left.value && valueB === right.value) return exchange;
  const places = new Map([...seenA, ...found]);
  return {
    ...exchange,
    baseline: withStructuredValue(exchange.baseline, left, valueA),
    candidate: withStructuredValue(exchange.candidate, right, valueB),
    generated: [...(exchange.generated ?? []), ...[...places].map(([at, why]) => `${at} (${why})`)],
  };
}
