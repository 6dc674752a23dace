/**
 * The same records numbered in another order on each side. A server numbers
 * the records it writes from one counter (an event log's `id`, a row's
 * serial); two records it writes side by side (two start-up writes, two
 * concurrent requests) take their numbers in whichever order they commit.
 * Two instances then hold the same records under the same numbers, each
 * number on another record: listed by number, the record at `id: 7` on one
 * side is the one at `id: 6` on the other, and pairing the lists by their
 * number compares two different records, member by member.
 *
 * It is this class, in a list of records of the same length on both sides,
 * for one member every record holds as an integer (or a string of digits):
 * - **the same numbers in the same places** on both sides (unique on each);
 * - the records whose number pairs them with a record of other content
 *   (`moved`, two or more) are **the same records on both sides** once their
 *   number is left out: each pairs with one record of the other side's
 *   `moved` ones by its whole content (a record's id-like values read by
 *   their format, as the other per-instance values of the answer are masked
 *   later);
 * - each such record **differs from the one its number pairs it with in two
 *   members or more**: the record moved under its number, not one value
 *   between two records (a `role` that two records swap is data);
 * - no such number is a value the request sent, nor one an earlier request
 *   of its flow or serial sequence sent (`sentNumbers`: a `PUT /items/7`
 *   names the record that holds 7; a candidate that stores it under another
 *   number is a real change).
 *
 * Then the candidate's moved records are put where their baseline partners
 * stand and the number of each is compared as `{{generated}}` on both sides,
 * listed under `generated` with the evidence. **Stays a divergence**: a
 * record whose content differs beside its number (no partner), numbers that
 * are not the same on both sides or stand in other places, a key of words, a
 * single value swapped between two records, a number the request named.
 * Pure.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import { escapeSegment, joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { GENERATED_TOKEN, idFormat } from './generated.js';
import { requestValues } from './request-values.js';
import { bothStructured, withStructuredValue } from './sequence-walk.js';

/** The longest list looked at. */
const MAX_RENUMBERED = 1000;

/** Members a moved record differs in, at least, from the one its number pairs it with. */
const MIN_MOVED_MEMBERS = 2;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** An integer's digits (a number, an exact number or a string of digits), or undefined. */
function numberText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (isExactNumber(value)) return /^-?\d+$/.test(value.text) ? value.text : undefined;
  if (typeof value === 'string') return /^\d{1,20}$/.test(value) ? value : undefined;
  return undefined;
}

/** A value's content, id-like values as their format, members in key order. */
function contentText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(contentText).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${contentText(value[k])}`).join(',')}}`;
  }
  if (isExactNumber(value)) return value.text;
  const id = idFormat(value);
  if (id !== undefined) return `<${id}>`;
  return JSON.stringify(value) ?? 'undefined';
}

/** A record's content without its number. */
function withoutKey(record: Record<string, unknown>, key: string): string {
  const { [key]: _number, ...rest } = record;
  return contentText(rest);
}

/** How many leaves (by their place) differ between two values, up to `limit`. */
function differingLeaves(a: unknown, b: unknown, limit: number): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    let n = Math.abs(a.length - b.length);
    for (let i = 0; i < Math.min(a.length, b.length) && n < limit; i++) {
      n += differingLeaves(a[i], b[i], limit - n);
    }
    return n;
  }
  if (isRecord(a) && isRecord(b)) {
    let n = 0;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (n >= limit) break;
      n += Object.hasOwn(a, k) && Object.hasOwn(b, k) ? differingLeaves(a[k], b[k], limit - n) : 1;
    }
    return n;
  }
  return contentText(a) === contentText(b) ? 0 : 1;
}

export interface RenumberedList {
  /** The member that numbers the records. */
  readonly key: string;
  /** Indices (the same on both sides) of the records numbered otherwise. */
  readonly moved: readonly number[];
  /** The baseline's list, the moved records' numbers masked. */
  readonly baseline: unknown[];
  /** The candidate's list, its moved records where their partners stand, numbers masked. */
  readonly candidate: unknown[];
}

/**
 * The two lists with the records each side numbered otherwise paired and
 * their numbers masked (see the module comment); undefined where the lists
 * are not such lists.
 */
export function renumberedList(
  a: readonly unknown[],
  b: readonly unknown[],
  sent: ReadonlySet<string> = new Set(),
): RenumberedList | undefined {
  if (a.length !== b.length || a.length < 2 || a.length > MAX_RENUMBERED) return undefined;
  if (!a.every(isRecord) || !b.every(isRecord)) return undefined;
  const records = [a as Record<string, unknown>[], b as Record<string, unknown>[]] as const;
  for (const key of Object.keys(records[0][0] ?? {})) {
    const xs = records[0].map((r) => numberText(r[key]));
    const ys = records[1].map((r) => numberText(r[key]));
    if (xs.some((x, i) => x === undefined || x !== ys[i])) continue;
    if (new Set(xs).size !== xs.length) continue;
    const contents = records.map((side) => side.map((r) => withoutKey(r, key)));
    const [ca, cb] = contents as [string[], string[]];
    const moved = ca.flatMap((c, i) => (c === cb[i] ? [] : [i]));
    if (moved.length < 2) continue;
    if (moved.some((i) => sent.has(xs[i] as string))) continue;
    // The candidate's moved records waiting for a partner, by content.
    const waiting = new Map<string, number[]>();
    for (const j of moved)
      waiting.set(cb[j] as string, [...(waiting.get(cb[j] as string) ?? []), j]);
    const partner = new Map<number, number>();
    for (const i of moved) {
      const j = waiting.get(ca[i] as string)?.shift();
      if (j === undefined) break;
      partner.set(i, j);
    }
    if (partner.size !== moved.length) continue;
    const strip = (r: Record<string, unknown>) => {
      const { [key]: _number, ...rest } = r;
      return rest;
    };
    const whole = moved.every(
      (i) =>
        differingLeaves(
          strip(records[0][i] as Record<string, unknown>),
          strip(records[1][i] as Record<string, unknown>),
          MIN_MOVED_MEMBERS,
        ) >= MIN_MOVED_MEMBERS,
    );
    if (!whole) continue;
    const masked = (r: Record<string, unknown>) => ({ ...r, [key]: GENERATED_TOKEN });
    const baseline = records[0].map((r, i) => (partner.has(i) ? masked(r) : r));
    const candidate = records[1].map((r, i) => {
      const j = partner.get(i);
      return j === undefined ? r : masked(records[1][j] as Record<string, unknown>);
    });
    return { key, moved, baseline, candidate };
  }
  return undefined;
}

/** Integers in a JSON value, as digits (to `depth`). */
function jsonIntegers(value: unknown, into: string[], depth: number): void {
  if (depth > 8) return;
  const text = numberText(value);
  if (text !== undefined) into.push(text);
  else if (Array.isArray(value)) {
    for (const item of value) jsonIntegers(item, into, depth + 1);
  } else if (isRecord(value)) {
    for (const member of Object.values(value)) jsonIntegers(member, into, depth + 1);
  }
}

/** The integers `request` sent (path segments, query values, strings and numbers of a JSON body), as digits. */
export function sentNumbers(request: CaseRequest): string[] {
  const found = requestValues(request).filter((value) => numberText(value) !== undefined);
  if (request.body.kind === 'json') jsonIntegers(request.body.value, found, 0);
  return found;
}

/**
 * The exchange with each list whose records each side numbered in another
 * order paired by content and its numbers masked (`generated` lists each
 * place and why). Run on the answers as read (own origins, run stamps masked),
 * before echoed references and generated values: the records' content is
 * the evidence.
 */
export function alignRenumberedRecords(
  exchange: Exchange,
  /** Numbers earlier requests of the exchange's flow or serial sequence sent. */
  earlier: ReadonlySet<string> = new Set(),
): Exchange {
  const both = bothStructured(exchange);
  if (both === undefined) return exchange;
  const [left, right] = both;
  if (left.value === right.value) return exchange;
  let sent: ReadonlySet<string> | undefined;
  const sentValues = () => {
    sent ??= new Set([...earlier, ...requestValues(exchange.case.request)]);
    return sent;
  };
  const generated: string[] = [];
  const visit = (a: unknown, b: unknown, at: () => string): readonly [unknown, unknown] => {
    if (Array.isArray(a) && Array.isArray(b)) {
      const found = renumberedList(a, b, sentValues());
      if (found !== undefined) {
        const count = found.moved.length;
        for (const i of found.moved) {
          generated.push(
            `${joinPointer(at(), i)}/${escapeSegment(found.key)} (the same records numbered in another order on each side: ${count} records alike but for their /*/${escapeSegment(found.key)} hold the same numbers, each on another record)`,
          );
        }
        return [found.baseline, found.candidate];
      }
      let outA: unknown[] | undefined;
      let outB: unknown[] | undefined;
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const [x, y] = visit(a[i], b[i], () => joinPointer(at(), i));
        if (x !== a[i]) {
          outA ??= [...a];
          outA[i] = x;
        }
        if (y !== b[i]) {
          outB ??= [...b];
          outB[i] = y;
        }
      }
      return [outA ?? a, outB ?? b];
    }
    if (isRecord(a) && isRecord(b)) {
      let outA: Record<string, unknown> | undefined;
      let outB: Record<string, unknown> | undefined;
      for (const key of Object.keys(a)) {
        if (!Object.hasOwn(b, key)) continue;
        const [x, y] = visit(a[key], b[key], () => joinPointer(at(), key));
        if (x !== a[key]) {
          outA ??= { ...a };
          outA[key] = x;
        }
        if (y !== b[key]) {
          outB ??= { ...b };
          outB[key] = y;
        }
      }
      return [outA ?? a, outB ?? b];
    }
    return [a, b];
  };
  const [valueA, valueB] = visit(left.value, right.value, () => '');
  if (generated.length === 0) return exchange;
  return {
    ...exchange,
    baseline: withStructuredValue(exchange.baseline, left, valueA),
    candidate: withStructuredValue(exchange.candidate, right, valueB),
    generated: [...(exchange.generated ?? []), ...generated],
  };
}
