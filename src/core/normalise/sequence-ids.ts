/**
 * Numbers each side generates for itself: a serial file creates records on
 * both sides, the baseline numbers them 1, 2, 3 and the candidate 1001,
 * 1002, 1003. A number is never taken for a reference by its form
 * (`references.ts`: a computed number that differs for real would hide);
 * it is one here only by this evidence, never by the member's name:
 *
 * - it is in the answer to a write (POST, PUT, PATCH) that the side accepted
 *   (2xx), an integer (or a string of digits), and not in that side's
 *   request (an input echoed back is data);
 * - at that place (array indices as `*`) of that endpoint, in one flow or
 *   serial sequence (they run alone and in order), each side answered at
 *   least two such writes, and on each side the numbers are distinct and
 *   strictly increasing in send order: a sequence each side numbers itself.
 *   A side whose numbers go down or repeat, or a place seen once, keeps its
 *   rows.
 *
 * Then each write where both sides accepted and answered different numbers
 * there is per-instance at that place (`proven`: the run judges it again
 * without them at the end, as an echoed reference's first appearance,
 * `engine/run/echo-origins.ts`), and a later answer of the sequence that holds one
 * of those numbers at a member of the same name on its own side (a read, a
 * list) holds the same record's reference: each side's number becomes
 * `{{ref:N}}`, N the write it came from, so both sides' records compare as
 * one, and lists identified by them still align. Pure, but for the memory a
 * run keeps per sequence.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { joinPointer, parsePointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { mapElements } from './pair-walk.js';
import { sequenceKeyOf, structuredBody, withStructuredValue } from './sequence-walk.js';

const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/** The token of the number each side gave to the write numbered `n` of a run. */
export function sequenceToken(n: number): string {
  return `{{ref:${n}}}`;
}

/** The evidence a place was compared under, as reports list it. */
export const SEQUENCE_EVIDENCE = 'generated: a sequence each side numbers itself';

type Side = 'baseline' | 'candidate';

/** One write both sides accepted with different numbers at one place. */
interface Origin {
  readonly caseId: string;
  readonly path: string;
  readonly baseline: number;
  readonly candidate: number;
  /** Its number in the run, for its `{{ref:N}}`. */
  readonly n: number;
}

/** One place of one endpoint in one sequence: each side's numbers in send order. */
interface Series {
  readonly member: string;
  readonly baseline: number[];
  readonly candidate: number[];
  readonly origins: Origin[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** An integer, or a string of digits (an id written as text), as a number; undefined otherwise. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

/** Distinct and strictly increasing, at least two: a sequence. */
export function isIncreasing(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  return values.every((v, i) => i === 0 || v > (values[i - 1] ?? v));
}

/** Calls `visit` for every integer leaf of `value`, with its pointer. */
function integerLeaves(
  value: unknown,
  path: string,
  visit: (path: string, n: number) => void,
): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) integerLeaves(item, joinPointer(path, i), visit);
    return;
  }
  if (isObject(value)) {
    for (const key of Object.keys(value)) integerLeaves(value[key], joinPointer(path, key), visit);
    return;
  }
  const n = integerOf(value);
  if (n !== undefined && path !== '') visit(path, n);
}

/** `/items/3/id` → `/items/*\/id`. */
function wildcard(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** The request as text: every number it carries, wherever (path, query, body). */
function requestText(request: CaseRequest): string {
  const { body } = request;
  const text =
    body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'text' ? body.text : '';
  const query = request.query.map(([k, v]) => `${k}=${v}`).join('&');
  return `${request.path}?${query} ${text}`;
}

/** Every integer `text` holds as a number of its own (not part of a decimal), found in one scan. */
function mentioned(text: string): Set<number> {
  const out = new Set<number>();
  for (const [digits] of text.matchAll(/(?<![\d.])\d{1,15}(?![\d.])/g)) out.add(Number(digits));
  return out;
}

function sideRequest(exchange: Exchange, side: Side): CaseRequest {
  return exchange.flow?.requests[side] ?? exchange.case.request;
}

function accepted(side: SideOutcome): boolean {
  return side.outcome === 'response' && side.response.status >= 200 && side.response.status < 300;
}

/** `POST /records/:id`: the method and the path with numeric segments as `:id`. */
function endpointKey(request: CaseRequest): string {
  return `${request.method} ${request.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}

/**
 * `value` with each integer at a member named `member` that `tokens` knows
 * replaced by its token; the places, as pointers.
 */
function replaceEchoes(
  value: unknown,
  path: string,
  tokens: ReadonlyMap<string, ReadonlyMap<number, string>>,
  places: string[],
): unknown {
  if (Array.isArray(value)) {
    return mapElements(value, (item, i) =>
      replaceEchoes(item, joinPointer(path, i), tokens, places),
    );
  }
  if (isObject(value)) {
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = value[key];
      const at = joinPointer(path, key);
      const n = integerOf(item);
      const token = n === undefined ? undefined : tokens.get(key)?.get(n);
      const next = token ?? replaceEchoes(item, at, tokens, places);
      if (token !== undefined) places.push(at);
      if (next === item) continue;
      out ??= { ...value };
      out[key] = next;
    }
    return out ?? value;
  }
  return value;
}

/** A run's memory of the numbers each side gave its writes, per sequence. */
export interface SequenceIds {
  /**
   * The exchange with the numbers of proven sequences (each side's own)
   * compared as `{{ref:N}}` (listed in `sequenced`), after its own writes'
   * numbers are remembered.
   */
  apply(exchange: Exchange): Exchange;
  /** By case id, the places of writes whose numbers the run's evidence proved a sequence. */
  proven(): ReadonlyMap<string, readonly string[]>;
}

export function createSequenceIds(): SequenceIds {
  const sequences = new Map<string, Map<string, Series>>();
  let count = 0;
  const provenSeries = (all: Iterable<Series>) =>
    [...all].filter((s) => isIncreasing(s.baseline) && isIncreasing(s.candidate));
  const remember = (exchange: Exchange, series: Map<string, Series>) => {
    if (!WRITES.has(exchange.case.request.method)) return;
    const numbers: Record<Side, Map<string, number>> = {
      baseline: new Map(),
      candidate: new Map(),
    };
    for (const side of ['baseline', 'candidate'] as const) {
      const body = structuredBody(exchange[side]);
      if (body === undefined || !accepted(exchange[side])) continue;
      const sent = mentioned(requestText(sideRequest(exchange, side)));
      integerLeaves(body.value, '', (path, n) => {
        if (!sent.has(n)) numbers[side].set(path, n);
      });
    }
    const endpoint = endpointKey(exchange.case.request);
    const seen = new Set<string>();
    for (const side of ['baseline', 'candidate'] as const) {
      for (const [path, n] of numbers[side]) {
        const key = `${endpoint} ${wildcard(path)}`;
        let s = series.get(key);
        if (s === undefined) {
          const member = parsePointer(path).at(-1) ?? '';
          s = { member, baseline: [], candidate: [], origins: [] };
          series.set(key, s);
        }
        // One number per side and write at each place (the first, for a list of them).
        if (seen.has(`${side} ${key}`)) continue;
        seen.add(`${side} ${key}`);
        s[side].push(n);
        const other = numbers.candidate.get(path);
        if (side === 'baseline' && other !== undefined && other !== n) {
          s.origins.push({
            caseId: exchange.case.id,
            path,
            baseline: n,
            candidate: other,
            n: ++count,
          });
        }
      }
    }
  };
  return {
    apply(exchange) {
      const sequence = sequenceKeyOf(exchange);
      const b = structuredBody(exchange.baseline);
      const c = structuredBody(exchange.candidate);
      if (sequence === undefined) return exchange;
      let series = sequences.get(sequence);
      if (series === undefined) {
        series = new Map();
        sequences.set(sequence, series);
      }
      remember(exchange, series);
      if (b === undefined || c === undefined || b.kind !== c.kind) return exchange;
      const tokens: Record<Side, Map<string, Map<number, string>>> = {
        baseline: new Map(),
        candidate: new Map(),
      };
      for (const s of provenSeries(series.values())) {
        for (const origin of s.origins) {
          for (const side of ['baseline', 'candidate'] as const) {
            const byMember = tokens[side].get(s.member) ?? new Map<number, string>();
            tokens[side].set(s.member, byMember);
            if (!byMember.has(origin[side])) byMember.set(origin[side], sequenceToken(origin.n));
          }
        }
      }
      if (tokens.baseline.size === 0) return exchange;
      const places: string[] = [];
      const left = replaceEchoes(b.value, '', tokens.baseline, places);
      const right = replaceEchoes(c.value, '', tokens.candidate, places);
      if (left === b.value && right === c.value) return exchange;
      const sequenced = [...new Set(places)].sort();
      return {
        ...exchange,
        baseline: withStructuredValue(exchange.baseline, b, left),
        candidate: withStructuredValue(exchange.candidate, c, right),
        sequenced,
      };
    },
    proven() {
      const out = new Map<string, string[]>();
      for (const series of sequences.values()) {
        for (const s of provenSeries(series.values())) {
          for (const origin of s.origins) {
            const paths = out.get(origin.caseId) ?? [];
            if (!paths.includes(origin.path)) paths.push(origin.path);
            out.set(origin.caseId, paths);
          }
        }
      }
      return out;
    },
  };
}
