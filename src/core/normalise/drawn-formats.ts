/**
 * What a drawn value still tells: its format. A value each side draws for
 * itself (an id a flow captured, each side its own) is masked as
 * per-instance, but the format each side draws it in is the server's
 * choice, and a client that reads one cannot always read the other (a lease
 * ID in decimal digits on one side, in hex digits on the other). Each such
 * value has a **format class**, read from the value alone:
 *
 * - `uuid`: a dashed UUID;
 * - `decimal`: digits only (any length: a sequence number, a 64-bit id);
 * - `hex`: hex digits of one letter case, 8 or more, with a letter among them
 *   (an ObjectId, a dashless UUID, a 16-digit key: lengths are no class);
 * - `token`: letters and digits (and `-`, `_`), 8 or more, both among them,
 *   that are not hex digits (base62, base64url);
 *
 * and none otherwise (a word, a value with other marks, a number): ambiguous,
 * never a row. A value drawn in one class may read as another by chance: 16
 * hex digits hold no letter one time in 1,800 ((10/16)^16) and then read as
 * `decimal`; letters and digits drawn from base62 hold only hex letters far
 * less often. So one answer is never enough: the run keeps every place where
 * a drawn value was masked (`DrawnShows`), and two classes that differ are a
 * row only where every answer that shows a drawn value at that member shows
 * the same two classes, in two answers or more (the value itself counts in
 * every answer that shows it, at any member, and every member it shows at
 * must show those two classes alone). Both sides drawing one class
 * (UUID and UUID) is masked as before. Pure, but for the memory
 * (`createDrawnShows`).
 */

import type { Exchange } from '../../contract/model/exchange.js';
import { parsePointer } from '../../util/json-pointer.js';
import { createDrawnBodies } from './drawn-bodies.js';

/** A drawn value's format class (see the module comment). */
export type DrawnClass = 'uuid' | 'decimal' | 'hex' | 'token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^\d{1,200}$/;
const HEX = /^(?:[0-9a-f]{8,200}|[0-9A-F]{8,200})$/;
const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;

/** The format class of a drawn value, or undefined where its class is ambiguous. */
export function drawnClassOf(value: unknown): DrawnClass | undefined {
  if (typeof value !== 'string') return undefined;
  if (UUID.test(value)) return 'uuid';
  if (DECIMAL.test(value)) return 'decimal';
  if (HEX.test(value)) return /[a-f]/i.test(value) ? 'hex' : undefined;
  if (TOKEN.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)) return 'token';
  return undefined;
}

/** How each class reads in a row's title. */
export const DRAWN_CLASS_WORDS: Readonly<Record<DrawnClass, string>> = {
  uuid: 'UUIDs',
  decimal: 'decimal digits',
  hex: 'hex digits',
  token: 'letters and digits',
};

const CLASSES: ReadonlySet<string> = new Set(Object.keys(DRAWN_CLASS_WORDS));

/**
 * What a captured value each side drew in a class of its own is compared as:
 * the variable's name and its side's class (`{{lease drawn as decimal}}`), so
 * the two formats stay a difference and the values none.
 */
export function drawnAs(name: string, drawn: DrawnClass): string {
  return `{{${name} drawn as ${drawn}}}`;
}

const DRAWN_AS = /^\{\{[^{}]* drawn as ([a-z]+)\}\}$/;

/** The class a `drawnAs` placeholder shows; undefined for any other value. */
export function drawnClassShown(value: unknown): DrawnClass | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  const shown = DRAWN_AS.exec(value)?.[1];
  return shown !== undefined && CLASSES.has(shown) ? (shown as DrawnClass) : undefined;
}

/**
 * One place where both sides' drawn values were masked: the pointer, the two
 * values (in memory only, never written) and each one's class.
 */
export interface DrawnShow {
  readonly place: string;
  readonly baseline: string;
  readonly candidate: string;
}

/** The run's places of drawn values, asked once every answer is in. */
export interface DrawnShows {
  /** Remembers the drawn values `exchange`'s flow masked (`flow.drawn`). */
  add(exchange: Exchange): void;
  /**
   * Remembers a whole text body that is one drawn id on each side
   * (`drawn-texts.ts`): `caseId`'s answers at `where` (method and path).
   */
  addBody(caseId: string, where: string, show: Pick<DrawnShow, 'baseline' | 'candidate'>): void;
  /**
   * Whether the two classes shown at `place` of `caseId` are a row: every
   * answer that shows a drawn value at that member shows the same two
   * classes, so does every other member its values show at, and they show
   * in two answers or more. The whole body (`place` `''`) is read by its
   * endpoint (`drawn-bodies.ts`).
   */
  settled(caseId: string, place: string): boolean;
}

/** The most places a run remembers. */
const MAX_SHOWS = 10_000;

/** The member a place names: its last key (`/kvs/0/lease` → `lease`). */
function memberOf(place: string): string | undefined {
  return parsePointer(place).at(-1);
}

const classesOf = (show: Pick<DrawnShow, 'baseline' | 'candidate'>) =>
  `${drawnClassOf(show.baseline) ?? '?'} ${drawnClassOf(show.candidate) ?? '?'}`;

export function createDrawnShows(): DrawnShows {
  // By member: every class pair its shows had; by value pair: the answers that show it.
  const pairsAt = new Map<string, Set<string>>();
  const answersAt = new Map<string, Set<string>>();
  const answersOf = new Map<string, Set<string>>();
  const valuesAt = new Map<string, Set<string>>();
  const membersOf = new Map<string, Set<string>>();
  const bodies = createDrawnBodies();
  let size = 0;
  const note = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set();
    set.add(value);
    map.set(key, set);
  };
  return {
    add(exchange) {
      for (const show of exchange.flow?.drawn ?? []) {
        const member = memberOf(show.place);
        if (member === undefined || size >= MAX_SHOWS) continue;
        size += 1;
        const values = `${show.baseline}\u0000${show.candidate}`;
        note(pairsAt, member, classesOf(show));
        note(answersAt, member, exchange.case.id);
        note(answersOf, values, exchange.case.id);
        note(valuesAt, member, values);
        note(membersOf, values, member);
      }
    },
    addBody(caseId, where, show) {
      bodies.add(caseId, where, classesOf(show));
    },
    settled(caseId, place) {
      if (place === '') return bodies.settled(caseId);
      const member = memberOf(place);
      if (member === undefined || (answersAt.get(member)?.has(caseId) ?? false) === false) {
        return false;
      }
      const pairs = pairsAt.get(member);
      if (pairs === undefined || pairs.size !== 1) return false;
      const [classes] = pairs;
      const answers = new Set<string>();
      for (const values of valuesAt.get(member) ?? []) {
        for (const answer of answersOf.get(values) ?? []) answers.add(answer);
        // The same values at another member that shows other classes: no evidence either.
        for (const other of membersOf.get(values) ?? []) {
          const at = pairsAt.get(other);
          if (at === undefined || at.size !== 1 || !at.has(classes ?? '')) return false;
        }
      }
      return answers.size >= 2;
    },
  };
}
