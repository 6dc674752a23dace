/**
 * Which rows a bulk decision names (`parity decide --family`, `--path`): a
 * row's family, read off its fingerprint's prefix (a pattern's name, or
 * `status`, `header`, `body-kind`, `structure`), and the places in the body
 * its Summary names, matched against a path pattern. Pure.
 */
import { isRootCauseFingerprint } from '../../core/compare/root-cause.js';
import { pathGlobMatcher } from '../../util/glob.js';
import { globMatcher } from '../../util/wildcard.js';
import type { TrackerRow } from './types.js';

/** `nil-slice` of `nil-slice-3fa9c2d17be0`; undefined for a row of an older scheme (16 hex). */
export function familyOf(fingerprint: string): string | undefined {
  return isRootCauseFingerprint(fingerprint) ? fingerprint.slice(0, -13) : undefined;
}

/** One place a row names: a pointer (`/meta/version`, `/items/*`), or a field at any depth (`tags`). */
export type Place =
  | { readonly kind: 'pointer'; readonly segments: readonly string[] }
  | { readonly kind: 'field'; readonly name: string };

const CODE_SPAN = /`([^`]+)`/g;

/** Two values set side by side (`` `a` vs `b` ``): examples of what differs, never places. */
const VALUE_PAIR = /`[^`]*` vs `[^`]*`/g;

function spans(text: string): string[] {
  return [...text.replace(VALUE_PAIR, '').matchAll(CODE_SPAN)].map((m) => m[1] ?? '');
}

const segmentsOf = (pointer: string): string[] =>
  pointer === '/' ? [] : pointer.slice(1).split('/');

/**
 * The places in the body a row's Summary names: for a structural row, every
 * pointer in it (`candidate lacks \`/meta/version\``); for a pattern's, the
 * fields after its last ` at ` (`[] vs null at \`records\`, \`tags\``: a
 * field at any depth), or the pointers there. Status, header and body-kind
 * rows name no place in a body.
 */
export function rowPlaces(row: Pick<TrackerRow, 'fingerprint' | 'summary'>): Place[] {
  const family = familyOf(row.fingerprint);
  if (family === undefined || ['status', 'header', 'body-kind'].includes(family)) return [];
  const { summary } = row;
  const pointers = (text: string): Place[] =>
    spans(text)
      .filter((span) => span.startsWith('/'))
      .map((span) => ({ kind: 'pointer', segments: segmentsOf(span) }));
  if (family === 'structure') return pointers(summary);
  const at = summary.lastIndexOf(' at `');
  if (at < 0) return [];
  return spans(summary.slice(at)).map(
    (span): Place =>
      span.startsWith('/')
        ? { kind: 'pointer', segments: segmentsOf(span) }
        : { kind: 'field', name: span },
  );
}

const placeKey = (place: Place): string =>
  place.kind === 'pointer' ? `/${place.segments.join('/')}` : place.name;

/**
 * Whether `grown`, a later Summary of one row, names every place `summary`
 * names and more (the cause now reaches more members): then it is the one a
 * path pattern must judge. A Summary that names fewer (a run of a subset of
 * the cases) or only other example values is not grown.
 */
export function namesMorePlaces(fingerprint: string, summary: string, grown: string): boolean {
  const keys = (text: string) => new Set(rowPlaces({ fingerprint, summary: text }).map(placeKey));
  const had = keys(summary);
  const now = keys(grown);
  return now.size > had.size && [...had].every((key) => now.has(key));
}

/** `*` within a segment: any run of characters (`util/wildcard.ts`: no regular expression, linear). */
function segmentMatches(glob: string, segment: string): boolean {
  return globMatcher(glob)(segment);
}

/** Glob segments against pointer segments: `*` is one segment, `**` any number. */
function segmentsMatch(glob: readonly string[], path: readonly string[]): boolean {
  const [first, ...rest] = glob;
  if (first === undefined) return path.length === 0;
  if (first === '**') {
    for (let skip = 0; skip <= path.length; skip++) {
      if (segmentsMatch(rest, path.slice(skip))) return true;
    }
    return false;
  }
  const [head, ...tail] = path;
  return head !== undefined && segmentMatches(first, head) && segmentsMatch(rest, tail);
}

/**
 * A path pattern's segments: `/meta/*` → meta·*; a pattern without a leading
 * `/` matches at any depth (`version` is `/**\/version`).
 */
export function globSegments(glob: string): string[] {
  const trimmed = glob.trim();
  if (trimmed.startsWith('/')) return segmentsOf(trimmed);
  return ['**', ...trimmed.split('/')];
}

/**
 * Whether `place` lies within the path pattern. A field at any depth lies
 * within it only when the pattern also reaches any depth (`**\/tags`, `tags`):
 * `/tags` names the top-level member alone, and a row of the field `tags`
 * may stand for `/items/*\/tags` too.
 */
export function placeMatches(glob: readonly string[], place: Place): boolean {
  if (place.kind === 'pointer') return segmentsMatch(glob, place.segments);
  const last = glob.at(-1);
  const before = glob.slice(0, -1);
  return (
    last !== undefined &&
    before.length > 0 &&
    before.every((segment) => segment === '**') &&
    segmentMatches(last, place.name)
  );
}

/** A row lies within the pattern when it names places and every one does (a row never decides more than was asked). */
export function rowWithin(row: Pick<TrackerRow, 'fingerprint' | 'summary'>, glob: string): boolean {
  const places = rowPlaces(row);
  const segments = globSegments(glob);
  return places.length > 0 && places.every((place) => placeMatches(segments, place));
}

/**
 * A row lies within a case glob (`--filter`'s globs: `discovery/dumb-*`,
 * `users/**`; without `/`, the id's last segment too) when it lists cases
 * and every one matches. A row whose Cases cell is cut (`… and 3 more`)
 * never does: the cases it does not show may lie outside.
 */
export function rowCasesWithin(
  row: Pick<TrackerRow, 'caseIds' | 'hiddenCases'>,
  glob: string,
): boolean {
  const matches = pathGlobMatcher(glob.trim(), { base: true });
  return row.hiddenCases === 0 && row.caseIds.length > 0 && row.caseIds.every(matches);
}
