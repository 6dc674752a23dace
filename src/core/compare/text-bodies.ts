/**
 * What changed between two whole bodies that are not structured (text, JSON
 * or XML that does not parse, bytes), without where (issue 43): a text body
 * that differs is one change per case and endpoint (`findings.ts`), and its
 * `difference` says what changed, so one difference recurring on several
 * endpoints is one cause (`recurring-causes.ts`):
 *
 * - **The same lines in another order** (each server writes the properties
 *   of a stored iCalendar event in its own order): `reorder|<media type>`,
 *   one cause per media type, whatever the lines hold.
 * - **Any other text difference**: the lines the two texts do not share (the
 *   common leading and trailing lines cut), with per-request values elided
 *   (the request's path echoed in an error page, the request's method
 *   echoed as a word, runs of digits), hashed with the media type:
 *   `text|<media type>|<hash>`. Each server's own 404 page, the same page on
 *   every endpoint and for every method (Express's `Cannot DELETE /x`,
 *   Fastify's `Route DELETE:/x not found`), is one key; two other pages are
 *   two. Where that is one line on each side sharing words at an end, the
 *   words written otherwise alone (rule 48c: a product's name in every
 *   status text), unless they are a value after its label (`Cache: OK`).
 *   Two texts that differ in letter case alone (`OK` vs `ok`) are keyed
 *   `case|<media type>|<hash>`, so their row says so (never an enum's
 *   casing: a whole body is no enum member, `patterns/enum-case.ts`).
 * - **Bytes** (binary, cut or too complex bodies): the two digests: the same
 *   pair of bodies.
 *
 * Pure.
 */
import { createHash } from 'node:crypto';
import type { Change } from '../../contract/observation.js';
import type { Finding } from '../../contract/root-cause.js';
import { TYPE_DIFFERENCE, typeDifferenceWords } from './body-types.js';
import { isLayoutDifference, layoutWords } from './html-layouts.js';

/** `reorder|<media type>`: the difference of the same lines in another order. */
const REORDER = 'reorder';

/** `case|<media type>|<hash>`: two texts that differ in letter case alone. */
const LETTER_CASE = 'case';

/** `text|<media type>|<hash>`: any other difference of two texts. */
const TEXT = 'text';

/** True when two texts differ, and only in letter case (`OK` vs `ok`). */
function caseOnly(baseline: string, candidate: string): boolean {
  return baseline !== candidate && baseline.toLowerCase() === candidate.toLowerCase();
}

/** The lines of a text, line endings read alike (`\r\n` as `\n`). */
export function linesOf(text: string): string[] {
  return text.replace(/\r\n/g, '\n').split('\n');
}

/** True when two texts hold the same lines (each as many times) in another order. */
export function sameLinesReordered(baseline: string, candidate: string): boolean {
  const b = linesOf(baseline);
  const c = linesOf(candidate);
  if (b.length !== c.length || b.length < 2) return false;
  const sorted = (lines: string[]) => [...lines].sort().join('\n');
  return b.join('\n') !== c.join('\n') && sorted(b) === sorted(c);
}

/** What of the request a text body may echo: its path as sent and its method. */
export interface EchoedRequest {
  readonly path?: string | undefined;
  readonly method?: string | undefined;
  /**
   * The values it sent (`sent-values.ts`, three characters or more): each
   * answer's own where one endpoint's answers are read alike (`alike-texts.ts`).
   */
  readonly sent?: readonly string[] | undefined;
}

/**
 * The request's method as a whole word (`Cannot DELETE /x`, `Route
 * DELETE:/x not found`): written in capitals as sent, never a part of a
 * longer word (`GETTING`, `X-GET`) nor one in other letter case (`get`,
 * `Get` in prose).
 */
function methodWord(method: string): RegExp | undefined {
  if (!/^[A-Z][A-Z-]*$/.test(method)) return undefined;
  return new RegExp(`(?<![A-Za-z0-9_-])${method}(?![A-Za-z0-9_-])`, 'g');
}

/** `text` with the request's path (as sent and decoded), its method and runs of digits elided. */
export function elided(text: string, request: EchoedRequest): string {
  const { path: requestPath, method } = request;
  let out = text;
  // A path of a few characters (`/a`) would elide markup (`</a>`), not an echo.
  if (requestPath !== undefined && requestPath.length > 3) {
    let decoded = requestPath;
    try {
      decoded = decodeURIComponent(requestPath);
    } catch {
      // A path that is not valid percent-encoding is elided as sent only.
    }
    for (const path of new Set([requestPath, decoded])) out = out.split(path).join('{path}');
  }
  // A framework's page names the method it has no route for: one page whatever the method.
  const word = method === undefined ? undefined : methodWord(method);
  if (word !== undefined) out = out.replace(word, '{method}');
  return out.replace(/\d+/g, '0');
}

/** The lines the two texts do not share: the common leading and trailing lines cut. */
export function hunk(baseline: string[], candidate: string[]): [string[], string[]] {
  let start = 0;
  while (
    start < baseline.length &&
    start < candidate.length &&
    baseline[start] === candidate[start]
  )
    start++;
  let end = 0;
  while (
    end < baseline.length - start &&
    end < candidate.length - start &&
    baseline[baseline.length - 1 - end] === candidate[candidate.length - 1 - end]
  )
    end++;
  return [
    baseline.slice(start, baseline.length - end),
    candidate.slice(start, candidate.length - end),
  ];
}

/**
 * One line against one line that share words at an end: the words written
 * otherwise alone, the shared ones cut (`Prometheus Server is Healthy.` vs
 * `VictoriaMetrics is Healthy.` is `Prometheus Server` vs `VictoriaMetrics`,
 * as `… is Ready.` is), so the same name written as another on several
 * endpoints is one difference (rule 48c). Lines that share no word at
 * either end, edits with no capitalised word on either side (`enabled:
 * true` vs `false`), and hunks of several lines, are as they were.
 */
export function editOf([baseline, candidate]: [string[], string[]]): [string[], string[]] {
  const [b, c] = [baseline[0], candidate[0]];
  if (baseline.length !== 1 || candidate.length !== 1 || b === undefined || c === undefined) {
    return [baseline, candidate];
  }
  const [bw, cw] = [tokensOf(b), tokensOf(c)];
  let start = 0;
  while (start < bw.length - 1 && start < cw.length - 1 && bw[start] === cw[start]) start++;
  let end = 0;
  while (
    end < bw.length - 1 - start &&
    end < cw.length - 1 - start &&
    bw[bw.length - 1 - end] === cw[cw.length - 1 - end]
  )
    end++;
  // Only a shared word says the rest is alike: markup or spaces alone do not.
  const shared = [...bw.slice(0, start), ...bw.slice(bw.length - end)];
  if (!shared.some((token) => WORD.test(token))) return [baseline, candidate];
  const [bEdit, cEdit] = [bw.slice(start, bw.length - end), cw.slice(start, cw.length - end)];
  // A name is what a text writes alike wherever it shows; a lower-case value
  // (`true` for `false`) reads otherwise on each page it sets.
  if (!bEdit.some(isName) && !cEdit.some(isName)) return [baseline, candidate];
  // A value written after its label (`Cache: OK`, `mode = Sync`) is that
  // label's setting, whatever its case: two labels set alike are two settings.
  if (LABEL_MARK.test(bw.slice(0, start).findLast((token) => !/^\s+$/u.test(token)) ?? '')) {
    return [baseline, candidate];
  }
  return [[`… ${bEdit.join('')} …`], [`… ${cEdit.join('')} …`]];
}

/** Marks that end a label before its value (`Cache:`, `mode =`). */
const LABEL_MARK = /[:=]$/u;

/** A word: letters or digits (a token of `tokensOf`). */
const WORD = /^[\p{L}\p{N}_]+$/u;

/** A word written with a capital, as names are (`Prometheus`, `VictoriaMetrics`). */
const isName = (token: string): boolean => /^\p{Lu}/u.test(token);

/** A line as its words, its runs of spaces and its runs of other marks, in order. */
function tokensOf(line: string): string[] {
  return line.match(/[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]+/gu) ?? [];
}

export function hashOf(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
}

/** A bytes summary as a change holds it (`bodies.ts`): its sha256. */
function sha256Of(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('sha256' in value)) return undefined;
  const { sha256 } = value as { sha256: unknown };
  return typeof sha256 === 'string' ? sha256 : undefined;
}

/** A bare number: a whole text that is digits alone (trimmed). */
const BARE_NUMBER = /^\s*(\d{1,40})\s*$/;

/**
 * What two texts that differ in their digits alone (equal once elided) are
 * keyed by (reviewed in session sixteen, issue 43): with their digits
 * elided, every such pair was one difference (no line on either side), so
 * a release stamp, a count and a clock's unit on several endpoints, or a
 * page's version and another page's limit, were one row. Two bare numbers
 * (`20240101` against `20240315`) are keyed by their pair, as rule 1 keys a
 * value (a bare number says nothing but its value: only the same pair
 * recurs); other texts by the lines whose numbers differ, each with its
 * digits elided (`pool_size=0`: a page stamped per request is still one
 * page, a limit's line another). Undefined where the texts differ once
 * elided.
 */
function digitsKey(
  baseline: string,
  candidate: string,
  request: EchoedRequest,
): readonly unknown[] | undefined {
  if (elided(baseline, request) !== elided(candidate, request)) return undefined;
  const [b, c] = [BARE_NUMBER.exec(baseline)?.[1], BARE_NUMBER.exec(candidate)?.[1]];
  if (b !== undefined && c !== undefined) return [`number ${b}`, `number ${c}`];
  const [lb, lc] = hunk(linesOf(baseline), linesOf(candidate));
  const template = (lines: string[]) => lines.map((line) => elided(line, request));
  return ['digits', template(lb), template(lc)];
}

/**
 * The difference two texts that differ in their digits alone had before
 * they were keyed by them (`digitsKey`: one difference whatever the
 * digits): the key a tracker written before holds for their row
 * (`earlier-keys.ts`); undefined for any other texts.
 */
export function differenceBeforeDigits(change: Change, difference: string): string | undefined {
  const { baseline, candidate } = change;
  if (typeof baseline !== 'string' || typeof candidate !== 'string') return undefined;
  const [kind = '', type = ''] = difference.split('|');
  if (kind !== TEXT || digitsKey(baseline, candidate, {}) === undefined) return undefined;
  const before = `${TEXT}|${type}|${hashOf([type, [], []])}`;
  return before === difference ? undefined : before;
}

/**
 * What changed between two whole bodies that are not structured (see the
 * module comment), for a change of the whole body (`path ''`, op `value`);
 * undefined for any other change.
 */
export function textDifference(
  change: Change,
  textType: string | undefined,
  request: EchoedRequest,
): string | undefined {
  if (change.path !== '' || change.op !== 'value') return undefined;
  const { baseline, candidate } = change;
  if (typeof baseline === 'string' && typeof candidate === 'string') {
    const type = textType ?? '';
    if (sameLinesReordered(baseline, candidate)) return `${REORDER}|${type}`;
    const digits = digitsKey(baseline, candidate, request);
    if (digits !== undefined) return `${TEXT}|${type}|${hashOf([type, ...digits])}`;
    const [b, c] = editOf(
      hunk(linesOf(elided(baseline, request)), linesOf(elided(candidate, request))),
    );
    const kind = caseOnly(baseline, candidate) ? LETTER_CASE : TEXT;
    return `${kind}|${type}|${hashOf([type, b, c])}`;
  }
  const [b, c] = [sha256Of(baseline), sha256Of(candidate)];
  return b === undefined || c === undefined ? undefined : `bytes||${hashOf([b, c])}`;
}

/**
 * The difference a whole text body had before the request's method was
 * elided from it (the path and digits only): the key a tracker written
 * before holds for a page that names its method (`earlier-keys.ts`);
 * undefined where it is the same as `difference`, or cannot be told (a media
 * type read back from `difference`).
 */
export function differenceBeforeMethod(
  change: Change,
  difference: string,
  path: string | undefined,
): string | undefined {
  const [kind = '', type = ''] = difference.split('|');
  if (kind !== TEXT && kind !== LETTER_CASE) return undefined;
  const before = textDifference(change, type === '' ? undefined : type, { path });
  return before === difference ? undefined : before;
}

/**
 * `findings` judged again from a report's result (its texts cut to a
 * preview, no media type, no request path) with the difference (and the
 * `alike` one) each whole body had when the run judged the whole texts
 * (`earlier`, by fingerprint: an endpoint's text body keeps its
 * fingerprint whatever its difference).
 */
export function differencesOf<F extends Finding>(
  findings: readonly F[],
  earlier: readonly Finding[],
): F[] {
  const had = new Map<string, Pick<Finding, 'cause' | 'summary'>>();
  for (const one of earlier) {
    if (one.cause.type === 'structure' && one.cause.difference !== undefined) {
      had.set(one.fingerprint, one);
    }
  }
  return findings.map((finding) => {
    const known = had.get(finding.fingerprint);
    const { cause } = finding;
    if (known?.cause.type !== 'structure' || cause.type !== 'structure') return finding;
    // The words said what the whole texts differ by (`endpointDifferenceWords`): kept with it.
    const { difference, alike } = known.cause;
    const { alike: _cut, ...rest } = cause;
    return difference === undefined
      ? finding
      : {
          ...finding,
          cause: { ...rest, difference, ...(alike === undefined ? {} : { alike }) },
          summary: known.summary,
        };
  });
}

/**
 * The summary of a difference keyed alone (several endpoints):
 * `bodies hold the same lines in another order (text/calendar)`, `body
 * differs alike on several endpoints (text/html, 3f2a9c1b)`: the texts
 * themselves are never in a summary (a row may not show a body).
 */
export function differenceWords(difference: string): string {
  const [kind = '', type = '', hash = ''] = difference.split('|');
  if (kind === TYPE_DIFFERENCE) return typeDifferenceWords(difference);
  if (isLayoutDifference(difference)) return layoutWords(difference);
  if (kind === REORDER) {
    return `bodies hold the same lines in another order${type === '' ? '' : ` (${type})`}`;
  }
  // Two differences of one media type are two rows: the hash tells their summaries apart.
  const of = type === '' ? ` (${hash.slice(0, 8)})` : ` (${type}, ${hash.slice(0, 8)})`;
  if (kind === 'bytes') return `the same two bodies on several endpoints${of}`;
  if (kind === LETTER_CASE) {
    return `body text differs in letter case only, alike on several endpoints${of}`;
  }
  return `body differs alike on several endpoints${of}`;
}

/**
 * The words of a whole text body that differs on one endpoint (its row's
 * summary after the endpoint): `body differs`, `body text differs in letter
 * case only`, with the two media types where they differ (`text/plain vs
 * text/html`: the label that came with each text, tracker rule 52); the
 * texts themselves never. Undefined for a difference of another kind (a
 * JSON type's, bytes, lines reordered): its change says it.
 */
export function endpointDifferenceWords(difference: string): string | undefined {
  const [kind = '', type = ''] = difference.split('|');
  if (kind !== TEXT && kind !== LETTER_CASE) return undefined;
  const words = kind === LETTER_CASE ? 'body text differs in letter case only' : 'body differs';
  return type.includes(' vs ') ? `${words} (${type})` : words;
}

/**
 * True for the difference of two texts that differ in letter case alone
 * (`case|…`): a row may say so only where every answer it holds does
 * (`judge/results/root-causes.ts`).
 */
export function isLetterCaseDifference(difference: string | undefined): boolean {
  return difference?.split('|')[0] === LETTER_CASE;
}

/**
 * The difference a whole text body that differs in letter case alone had
 * before such texts were told apart (`text|…`, the same media type and
 * hash): the key a tracker written before holds for its row
 * (`earlier-keys.ts`); undefined for any other difference.
 */
export function differenceBeforeCase(difference: string): string | undefined {
  const [kind = '', ...rest] = difference.split('|');
  return kind === LETTER_CASE ? [TEXT, ...rest].join('|') : undefined;
}
