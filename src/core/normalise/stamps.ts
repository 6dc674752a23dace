/**
 * Timestamps each side stamped during this run: a record created by a step
 * of the run carries `created: 2026-11-24T13:51:51.006Z` on one side and
 * `…51.154Z` on the other. Where both answers hold, at the same place (a
 * body member or a header), a timestamp of the same format (the same shape
 * of digits: precision, zone and style) that falls inside the run's own time
 * window (its start, minus a skew, to the moment the answer is judged, plus
 * the skew), both are compared as `{{stamped}}`: each side wrote its own
 * clock, which is no divergence. So are two timestamps of one format that
 * are each side's clock plus one offset (a rate-limit reset, an expiry: both
 * after the run started, within {@link FUTURE_HORIZON_MS} of it, and no
 * further apart than the run is long). Found by evidence (the value and the
 * window), never by the field's name. Two such timestamps in two formats
 * (seconds vs milliseconds, whole seconds vs seconds with a fraction,
 * another precision, another zone style: RFC 3339 or epoch numbers) are
 * each side's own instant written in a format of its own: each is compared
 * as its format (`{{stamped YYYY-MM-DDThh:mm:ss.fffZ}}` against
 * `{{stamped YYYY-MM-DDThh:mm:ss.fffffffZ}}`), so the format stays a
 * difference (the `timestamp-format` pattern's) and the instants none. A
 * timestamp before the run, apart by more than the run lasted (an expiry of
 * one hour against one day), or on one side only still differs. Where it was
 * done is kept, for the reports. Pure.
 */
import type {
  Exchange,
  Response,
  ResponseBody,
  SideOutcome,
} from '../../contract/model/exchange.js';
import type { Rules } from '../../contract/rules/types.js';
import { parsePointer } from '../../util/json-pointer.js';
import { isTreeBody, treeWithValue } from '../wire/tree-body.js';
import { isComparedHeader } from './headers.js';
import { maskListElements, maskPairs } from './pair-walk.js';
import { maskReplicaAt, valueAt } from './replica.js';
import {
  formatOfPicture,
  formatPicture,
  parseTimestamp,
  type TimestampFormat,
} from './timestamps.js';

/** What a timestamp stamped during the run is compared as. */
export const STAMPED_TOKEN = '{{stamped}}';

const STAMPED_IN = '{{stamped ';

/**
 * What a timestamp its side stamped during the run is compared as where the
 * other side writes its own in another format: its format's picture
 * (`{{stamped YYYY-MM-DDThh:mm:ss.fffZ}}`, `{{stamped epoch seconds}}`).
 */
export function stampedIn(format: TimestampFormat): string {
  return `${STAMPED_IN}${formatPicture(format)}}}`;
}

/** The format a `stampedIn` placeholder shows; undefined for any other value. */
export function stampedFormatOf(value: unknown): TimestampFormat | undefined {
  if (typeof value !== 'string' || !value.startsWith(STAMPED_IN) || !value.endsWith('}}')) {
    return undefined;
  }
  return formatOfPicture(value.slice(STAMPED_IN.length, -2));
}

/** The run's time window, epoch milliseconds, skew included. */
export interface RunWindow {
  readonly from: number;
  readonly to: number;
}

/** How far a server's clock may be from ours. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** How far ahead of the run a time derived from a side's clock may be (an expiry, a reset). */
export const FUTURE_HORIZON_MS = 31 * 24 * 60 * 60 * 1000;

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const HTTP_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** A number written as a `0x` hex quantity, as JSON-RPC APIs write them: 8 to 11 hex digits. */
const HEX_QUANTITY = /^0x([0-9a-f]{8}|[0-9a-f]{11}|[0-9A-F]{8}|[0-9A-F]{11})$/;
/** Epoch seconds between 1990 and 2100 (`timestamps.ts` takes numbers in this range only). */
const EPOCH_SECONDS = { min: 631_152_000, max: 4_102_444_800 };

/** A hex quantity's instant: epoch seconds or milliseconds between 1990 and 2100; undefined otherwise. */
function hexStamp(quantity: number): { at: number; format: string } | undefined {
  if (quantity >= EPOCH_SECONDS.min && quantity <= EPOCH_SECONDS.max) {
    return { at: quantity * 1000, format: 'x:seconds' };
  }
  if (quantity >= EPOCH_SECONDS.min * 1000 && quantity <= EPOCH_SECONDS.max * 1000) {
    return { at: quantity, format: 'x:milliseconds' };
  }
  return undefined;
}

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
  // Epoch seconds or milliseconds as a `0x` hex quantity (JSON-RPC writes every number so:
  // `"timestamp": "0x6b0ac8df"`), taken only where the instant falls in 1990-2100, as numbers are.
  const hex = typeof value === 'string' ? HEX_QUANTITY.exec(value) : null;
  if (hex !== null) return hexStamp(Number.parseInt(hex[1] ?? '', 16));
  // Epoch seconds (10 digits) or milliseconds (13 digits), as numbers (or a header's digits).
  const epoch =
    typeof value === 'string' && /^\d{10}(?:\d{3})?$/.test(value) ? Number(value) : value;
  if (typeof epoch === 'number' && Number.isInteger(epoch) && epoch > 0) {
    const kind = typeof value === 'string' ? 't' : 'n';
    const digits = String(epoch).length;
    if (digits === 10) return { at: epoch * 1000, format: `${kind}:seconds` };
    if (digits === 13) return { at: epoch, format: `${kind}:milliseconds` };
  }
  // Epoch seconds with a fraction (1795709217.004), as numbers: a format of their own, so
  // whole seconds against fractional ones stay a difference of precision.
  if (typeof epoch === 'number' && !Number.isInteger(epoch) && epoch >= 1e9 && epoch < 1e10) {
    return { at: epoch * 1000, format: 'n:seconds.fraction' };
  }
  return undefined;
}

const within = (at: number, window: RunWindow) => at >= window.from && at <= window.to;

/** After the run started, no further ahead than the horizon (an expiry, a reset). */
const ahead = (at: number, window: RunWindow) =>
  at >= window.from && at <= window.to + FUTURE_HORIZON_MS;

/**
 * Both values, when they are timestamps of one format stamped inside the
 * window, or each side's clock plus one offset (see the module comment).
 */
function bothStamped(a: unknown, b: unknown, window: RunWindow): boolean {
  if (a === b) return false;
  const left = stampOf(a);
  const right = stampOf(b);
  if (left === undefined || right === undefined || left.format !== right.format) return false;
  return stampedAt(left.at, right.at, window);
}

/** Two instants each side stamped: both in the window, or its clock plus one offset (see the module comment). */
function stampedAt(left: number, right: number, window: RunWindow): boolean {
  if (within(left, window) && within(right, window)) return true;
  return (
    ahead(left, window) && ahead(right, window) && Math.abs(left - right) <= window.to - window.from
  );
}

/**
 * The two formats, when both values are timestamps (RFC 3339, epoch numbers)
 * each side stamped during the run, as `bothStamped`, written in two formats;
 * undefined otherwise.
 */
function stampedApart(
  a: unknown,
  b: unknown,
  window: RunWindow,
): readonly [TimestampFormat, TimestampFormat] | undefined {
  if (a === b) return undefined;
  const left = parseTimestamp(a);
  const right = parseTimestamp(b);
  if (left === undefined || right === undefined) return undefined;
  if (formatPicture(left.format) === formatPicture(right.format)) return undefined;
  const at = (nanos: bigint) => Number(nanos / 1_000_000n);
  return stampedAt(at(left.nanos), at(right.nanos), window)
    ? [left.format, right.format]
    : undefined;
}

/**
 * The placeholder of a value at a list's place where the pair `seen` was
 * masked (`maskListElements`): a timestamp of the format that side wrote
 * there, stamped during the run, as that pair was; undefined otherwise.
 */
function stampedAlike(
  seen: readonly [unknown, unknown],
  side: 0 | 1,
  value: unknown,
  window: RunWindow,
): string | undefined {
  const stamp = stampOf(value);
  if (stamp === undefined || stamp.format !== stampOf(seen[side])?.format) return undefined;
  if (!ahead(stamp.at, window)) return undefined;
  const formats = stampedApart(seen[0], seen[1], window);
  return formats === undefined ? STAMPED_TOKEN : stampedIn(formats[side]);
}

/**
 * Compared headers both sides send with timestamps they stamped
 * (`x-ratelimit-reset`), as `{{stamped}}`. A header the case does not
 * compare (the `Date` of every answer) is left alone and not listed.
 */
function headers(a: Response, b: Response, window: RunWindow, rules: Rules, places: string[]) {
  let left: Record<string, string> | undefined;
  let right: Record<string, string> | undefined;
  // `for…in`, not `Object.entries`: no array per header on every answer.
  for (const name in a.headers) {
    const value = a.headers[name];
    const other = b.headers[name];
    if (value === undefined || other === undefined || !bothStamped(value, other, window)) continue;
    if (!isComparedHeader(name, rules)) continue;
    left ??= { ...a.headers };
    right ??= { ...b.headers };
    left[name] = STAMPED_TOKEN;
    right[name] = STAMPED_TOKEN;
    places.push(`header ${name}`);
  }
  return left === undefined || right === undefined ? undefined : { left, right };
}

function bodies(a: ResponseBody, b: ResponseBody, window: RunWindow, places: string[]) {
  if (!isTreeBody(a) || !isTreeBody(b) || a.kind !== b.kind) return undefined;
  // The same bytes hold the same values at every place: nothing to mask, and no tree to parse.
  if (a === b || (a.text !== undefined && a.text === b.text)) return undefined;
  const found = maskPairs(a.value, b.value, {
    hit: (x, y) => bothStamped(x, y, window) || stampedApart(x, y, window) !== undefined,
    token: STAMPED_TOKEN,
    tokens: (x, y) => {
      const formats = stampedApart(x, y, window);
      if (formats === undefined) return [STAMPED_TOKEN, STAMPED_TOKEN];
      return [stampedIn(formats[0]), stampedIn(formats[1])];
    },
  });
  if (found.places.length === 0) return undefined;
  // A list's other stamps there, on either side: the comparison may pair its elements otherwise.
  const lists = maskListElements([a.value, b.value], found.values, found.places, (seen, side, x) =>
    stampedAlike(seen, side, x, window),
  );
  places.push(...[...found.places, ...lists.places].map((place) => (place === '' ? '/' : place)));
  const [left, right] = lists.values;
  // The wire texts still hold the raw values: dropped, so no wire note is made up from them.
  return { baseline: treeWithValue(a, left), candidate: treeWithValue(b, right) };
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
  const headerPlaces: string[] = [];
  const stampedHeaders = headers(
    baseline.response,
    candidate.response,
    window,
    exchange.case.rules,
    headerPlaces,
  );
  if (masked === undefined && stampedHeaders === undefined) return exchange;
  // The replica (`--noise`) stamped its own clock at the same places: masked alike.
  const alike = (raw: unknown, value: unknown) => raw === value || bothStamped(raw, value, window);
  const side = (outcome: SideOutcome, body: ResponseBody | undefined, heads?: Headers) =>
    withHeaders(body === undefined ? outcome : withBody(outcome, body), heads);
  return {
    ...exchange,
    baseline: side(baseline, masked?.baseline, stampedHeaders?.left),
    candidate: side(candidate, masked?.candidate, stampedHeaders?.right),
    ...(replica === undefined
      ? {}
      : {
          replica: replicaStamps(
            maskReplicaAt(replica, baseline.response, {
              places,
              alike,
              token: (place) => tokenAt(masked?.baseline, place),
            }),
            baseline.response,
            headerPlaces,
            alike,
          ),
        }),
    stamped: [...places, ...headerPlaces],
  };
}

/** The placeholder the baseline's value got at a body place: its format's where the two sides' differ. */
function tokenAt(body: ResponseBody | undefined, place: string): string {
  if (body === undefined || !isTreeBody(body)) return STAMPED_TOKEN;
  const value = valueAt(body.value, place === '/' ? [] : parsePointer(place));
  return typeof value === 'string' && stampedFormatOf(value) !== undefined ? value : STAMPED_TOKEN;
}

type Headers = Readonly<Record<string, string>>;

function withHeaders(side: SideOutcome, headers: Headers | undefined): SideOutcome {
  return side.outcome === 'response' && headers !== undefined
    ? { outcome: 'response', response: { ...side.response, headers } }
    : side;
}

/** The replica's own stamps in the headers masked on the baseline (`--noise` learns nothing from them). */
function replicaStamps(
  replica: SideOutcome,
  baseline: Response,
  places: readonly string[],
  alike: (raw: unknown, value: unknown) => boolean,
): SideOutcome {
  if (replica.outcome !== 'response' || places.length === 0) return replica;
  const headers = { ...replica.response.headers };
  for (const place of places) {
    const name = place.slice('header '.length);
    const value = headers[name];
    if (value !== undefined && alike(baseline.headers[name], value)) headers[name] = STAMPED_TOKEN;
  }
  return withHeaders(replica, headers);
}
