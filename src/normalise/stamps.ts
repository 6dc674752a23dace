/**
 * Timestamps each side stamped during this run: a record created by a step
 * of the run carries `created: 2026-11-24T13:51:51.006Z` on one side and
 * `…51.154Z` on the other. Where both answers hold, at the same place, a
 * timestamp of the same format (the same shape of digits: precision, zone
 * and style) that falls inside the run's own time window (its start, minus a
 * skew, to the moment the answer is judged, plus the skew), both are compared
 * as `{{stamped}}`: each side wrote its own clock, which is no divergence.
 * Found by evidence (the value and the window), never by the field's name.
 * A timestamp in another format (seconds vs milliseconds, another
 * precision, another zone style), outside the window, or on one side only
 * still differs. Where it was done is kept, for the reports. Pure.
 */
import type { Exchange, ResponseBody, SideOutcome } from '../model/exchange.js';
import { maskPairs } from './pair-walk.js';
import { maskReplicaAt } from './replica.js';

/** What a timestamp stamped during the run is compared as. */
export const STAMPED_TOKEN = '{{stamped}}';

/** The run's time window, epoch milliseconds, skew included. */
export interface RunWindow {
  readonly from: number;
  readonly to: number;
}

/** How far a server's clock may be from ours. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const HTTP_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The instant and the format signature of a timestamp, or undefined. */
function stampOf(value: unknown): { at: number; format: string } | undefined {
  if (
    typeof value === 'string' &&
    value.length <= 40 &&
    (ISO.test(value) || HTTP_DATE.test(value))
  ) {
    const at = Date.parse(value.replace(',', '.'));
    if (Number.isNaN(at)) return undefined;
    return { at, format: `s:${value.replace(/\d/g, '9').replace(/[A-Z][a-z]{2}/g, 'Aa')}` };
  }
  // Epoch seconds (10 digits) or milliseconds (13 digits), as numbers.
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    const digits = String(value).length;
    if (digits === 10) return { at: value * 1000, format: 'n:seconds' };
    if (digits === 13) return { at: value, format: 'n:milliseconds' };
  }
  return undefined;
}

const within = (at: number, window: RunWindow) => at >= window.from && at <= window.to;

/** Both values, when they are timestamps of one format stamped inside the window. */
function bothStamped(a: unknown, b: unknown, window: RunWindow): boolean {
  if (a === b) return false;
  const left = stampOf(a);
  const right = stampOf(b);
  return (
    left !== undefined &&
    right !== undefined &&
    left.format === right.format &&
    within(left.at, window) &&
    within(right.at, window)
  );
}

function bodies(a: ResponseBody, b: ResponseBody, window: RunWindow, places: string[]) {
  if ((a.kind !== 'json' && a.kind !== 'xml') || a.kind !== b.kind) return undefined;
  const found = maskPairs(a.value, b.value, {
    hit: (x, y) => bothStamped(x, y, window),
    token: STAMPED_TOKEN,
  });
  if (found.places.length === 0) return undefined;
  places.push(...found.places.map((place) => (place === '' ? '/' : place)));
  const [left, right] = found.values;
  // The wire texts still hold the raw values: dropped, so no wire note is made up from them.
  const body = (value: unknown): ResponseBody =>
    a.kind === 'json' ? { kind: 'json', value } : { kind: 'xml', value };
  return { baseline: body(left), candidate: body(right) };
}

function withBody(side: SideOutcome, body: ResponseBody): SideOutcome {
  return side.outcome === 'response'
    ? { outcome: 'response', response: { ...side.response, body } }
    : side;
}

/**
 * The exchange with the timestamps both sides stamped during the run masked
 * (see the module comment), and `stamped` listing where.
 */
export function maskRunStamps(exchange: Exchange, window: RunWindow): Exchange {
  const { baseline, candidate, replica } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return exchange;
  const places: string[] = [];
  const masked = bodies(baseline.response.body, candidate.response.body, window, places);
  if (masked === undefined) return exchange;
  // The replica (`--noise`) stamped its own clock at the same places: masked alike.
  const alike = (raw: unknown, value: unknown) => {
    const want = stampOf(raw);
    const got = stampOf(value);
    return (
      want !== undefined &&
      got !== undefined &&
      got.format === want.format &&
      within(got.at, window)
    );
  };
  return {
    ...exchange,
    baseline: withBody(baseline, masked.baseline),
    candidate: withBody(candidate, masked.candidate),
    ...(replica === undefined
      ? {}
      : {
          replica: maskReplicaAt(replica, baseline.response, {
            places,
            alike,
            token: STAMPED_TOKEN,
          }),
        }),
    stamped: places,
  };
}
