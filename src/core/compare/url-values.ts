/**
 * A URL is two values (issue 43: one decision, one row): where it points
 * (its origin, `scheme://host:port`, or a side's own address compared as
 * `{{origin}}`) and what it names (the rest: path, query, fragment). A side
 * that writes a fixed base URL where the other writes its own address is one
 * decision, on every URL it writes; a path that differs as well, in some
 * answers, is a second one. So a value change between two absolute URLs of
 * other origins is keyed by the two origins, digits elided
 * (`http://0.0.0.0:0/…` vs `{{origin}}/…`, one row wherever it shows), and,
 * where the rest differs too, by its place as any other value (a row of its
 * own). Two URLs of one origin are one value, as before. Pure.
 */
import { ORIGIN_TOKEN } from '../normalise/origin.js';

/** `scheme://authority` or a side's own address token, then the rest (or nothing). */
const ORIGIN = new RegExp(
  `^([a-z][a-z0-9+.-]*://[^/?#\\s]+|${ORIGIN_TOKEN.replace(/[{}]/g, '\\$&')})((?:[/?#]\\S*)?)$`,
  'i',
);

/** A longer string is no URL worth splitting (a body, a token). */
const MAX_URL = 2048;

function parts(value: unknown): { origin: string; rest: string } | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL) return undefined;
  const m = ORIGIN.exec(value);
  return m === null ? undefined : { origin: (m[1] ?? '').toLowerCase(), rest: m[2] ?? '' };
}

/** An origin with its digits elided: a port or an address drawn per run is no part of the key. */
function originTemplate(origin: string): string {
  return `${origin.replace(/\d+/g, '0')}/…`;
}

/** How a value change between two URLs of other origins is keyed (see the module comment). */
export interface UrlChange {
  /** The two origins' templates: the change of where the URLs point. */
  readonly origins: readonly [baseline: string, candidate: string];
  /** True when what they name differs too: a change of its own, keyed by its place. */
  readonly rest: boolean;
}

/** The two parts of a change between two absolute URLs of other origins; undefined otherwise. */
export function urlChange(baseline: unknown, candidate: unknown): UrlChange | undefined {
  const b = parts(baseline);
  const c = parts(candidate);
  if (b === undefined || c === undefined) return undefined;
  const origins = [originTemplate(b.origin), originTemplate(c.origin)] as const;
  if (origins[0] === origins[1]) return undefined;
  return { origins, rest: b.rest !== c.rest };
}
