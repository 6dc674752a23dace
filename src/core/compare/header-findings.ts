/**
 * The header findings of one divergent comparison: a header missing on one
 * side, or sent with values of other classes. Two or more headers of one
 * family missing on the same side are one cause (`x-ratelimit-*`). Pure.
 */

import type { HeaderChange } from '../../contract/observation.js';
import type { Finding } from '../../contract/root-cause.js';
import { mediaTypeOf } from '../wire/content-type.js';
import { charsetClass } from './charset-label.js';
import { findingOf } from './finding-of.js';
import { echoClass } from './header-echoes.js';

/** Quoted strings, digit runs and long tokens elided: the shape of a header value, not its data. */
export function headerValueClass(value: string): string {
  const cls = value
    .toLowerCase()
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, '0')
    .split(/([\s,;=])/)
    .map((token) => (token.length > 24 ? '…' : token))
    .join('');
  return cls.length > 60 ? `${cls.slice(0, 59)}…` : cls;
}

/**
 * A `content-type`'s class: its media type whole, as written (lower case),
 * then its parameters as any header value's. A media type is a small
 * vocabulary of choices, never data: `application/vnd.github.v3+json` and
 * `…v4+json`, or `application/x-amz-json-1.1` and `application/json`, are
 * other answers, where cutting its long token and its digits made
 * `… vs …` (two decisions one row) and `…; charset=utf-0`.
 */
export function contentTypeClass(value: string): string {
  const at = value.indexOf(';');
  const media = mediaTypeOf(value);
  return at < 0 ? media : `${media}${headerValueClass(value.slice(at))}`;
}

/** `x-ratelimit-limit` → `x-ratelimit-`: the family a header's name belongs to; undefined for a one-word name. */
function familyOf(name: string): string | undefined {
  const dash = name.lastIndexOf('-');
  return dash > 0 ? name.slice(0, dash + 1) : undefined;
}

/**
 * `x-ratelimit-limit`, `-remaining` and `-reset` all missing on one side:
 * one header family, one cause (`x-ratelimit-*`). Two or more headers of one
 * family missing on the same side of one answer are the family; a header
 * alone keeps its name. Returns each header's name for its cause.
 */
function headerFamilies(changes: readonly HeaderChange[]): Map<HeaderChange, string> {
  const members = new Map<string, HeaderChange[]>();
  for (const change of changes) {
    if (change.baseline !== undefined && change.candidate !== undefined) continue;
    const family = familyOf(change.name);
    if (family === undefined) continue;
    const key = `${change.baseline === undefined ? 'b' : 'c'}${family}`;
    members.set(key, [...(members.get(key) ?? []), change]);
  }
  const names = new Map<HeaderChange, string>();
  for (const [key, group] of members) {
    if (group.length < 2) continue;
    for (const change of group) names.set(change, `${key.slice(1)}*`);
  }
  return names;
}

/**
 * A `content-type` one side leaves out is keyed by the media type the other
 * side sends: a side that labels its refusals `text/plain` and its downloads
 * `application/octet-stream`, where the other labels neither, made two
 * choices in two places of its code (the error writer, the file server),
 * and each is its own question. Undefined for a value with no media type.
 */
function labelledAs(value: string): string | undefined {
  const media = mediaTypeOf(value);
  return media.includes('/') ? media : undefined;
}

/**
 * How a `content-type` value is classed: its media type `whole`
 * (`contentTypeClass`), or `cut` as any header value, as parity keyed it
 * before (`earlier-keys.ts`: the rows those keys had).
 */
export type MediaTypes = 'whole' | 'cut';

function headerFinding(
  change: HeaderChange,
  secret: (name: string) => boolean,
  family: string | undefined,
  media: MediaTypes,
): Finding {
  const { name, baseline, candidate } = change;
  const classOf = (value: string) =>
    secret(name)
      ? '[redacted]'
      : name === 'content-type' && media === 'whole'
        ? contentTypeClass(value)
        : headerValueClass(value);
  if (baseline === undefined || candidate === undefined) {
    const difference = baseline === undefined ? 'missing-in-baseline' : 'missing-in-candidate';
    const labelled = name === 'content-type' ? labelledAs(baseline ?? candidate ?? '') : undefined;
    if (labelled === undefined)
      return findingOf({ type: 'header', name: family ?? name, difference }, []);
    const classes = baseline === undefined ? (['', labelled] as const) : ([labelled, ''] as const);
    return findingOf({ type: 'header', name, difference, classes }, []);
  }
  // One charset label dropped (or changed) is one change whatever the media
  // type it is on (`text/html`, `text/plain`): keyed by the charsets alone.
  const charsets = name === 'content-type' ? charsetClass(baseline, candidate) : undefined;
  // A side that answers what the request asked for: keyed as the request's (`header-echoes.ts`).
  const [echoing, asked = ''] = change.echoes ?? [];
  const sideClass = (side: 'baseline' | 'candidate', value: string) =>
    echoing === side ? echoClass(asked) : classOf(value);
  const classes =
    charsets ?? ([sideClass('baseline', baseline), sideClass('candidate', candidate)] as const);
  return findingOf({ type: 'header', name, difference: 'value', classes }, []);
}

/** One finding per header cause, in the order the headers came (a family once). */
export function headerFindings(
  headers: readonly HeaderChange[],
  secret: (name: string) => boolean,
  media: MediaTypes = 'whole',
): Finding[] {
  // Most divergences show no header difference: no maps to build.
  if (headers.length === 0) return [];
  const families = headerFamilies(headers);
  const byFingerprint = new Map<string, Finding>();
  for (const change of headers) {
    const one = headerFinding(change, secret, families.get(change), media);
    byFingerprint.set(one.fingerprint, one);
  }
  return [...byFingerprint.values()];
}
