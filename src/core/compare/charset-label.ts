/**
 * When a `charset` label decides how a body is read, and when it is only a
 * label (docs/wire.md, "Encoding notes"). Pure.
 *
 * Under a `text/*` media type the label is how a client decodes the bytes:
 * `text/html` without one is read by the page's own `<meta charset>` or else
 * the browser's default (windows-1252 in most locales), `text/plain` by the
 * client's default (US-ASCII by RFC 6657). So one side labelling the same body
 * `charset=utf-8` and the other not is a change a person decides, even on an
 * ASCII body today: the label is the endpoint's contract for every body it
 * serves. It is only a label (an encoding note) where the reading cannot
 * change: JSON (RFC 8259, UTF-8 always), XML (its own declaration, UTF-8 by
 * default), the text types whose specifications fix UTF-8, a body that
 * declares its own encoding (a byte-order mark, an HTML `<meta>` charset), an
 * empty body, and bodies that differ anyway (their own divergence is the row;
 * the note rides on it).
 */

import type { Response, ResponseBody } from '../../contract/model/exchange.js';
import type { HeaderChange } from '../../contract/observation.js';
import { normaliseContentType } from '../normalise/headers.js';
import {
  contentTypeCharset,
  isJsonContentType,
  isXmlContentType,
  mediaTypeOf,
  withoutCharset,
} from '../wire/content-type.js';

/** Text types whose specifications fix the encoding, whatever the label says. */
const UTF8_BY_SPECIFICATION: ReadonlySet<string> = new Set([
  'text/calendar', // RFC 5545 §3.1.4: UTF-8 by default
  'text/vcard', // RFC 6350 §3.1: UTF-8 only
  'text/event-stream', // HTML's server-sent events: always decoded as UTF-8
]);

/** How far an HTML reader looks for a `<meta>` charset (the HTML standard's prescan: 1,024 bytes). */
const PRESCAN = 1024;

/**
 * The `content-type` change two labels make on one body, when the label
 * decides how the body is read: the normalised values with their charsets
 * (`text/html;charset=utf-8` vs `text/html`). `undefined` when the types
 * differ otherwise (the header comparison has that change already), when the
 * charsets agree, or when the label cannot change the reading (above).
 * `bodiesDiffer`: the comparison found a body difference.
 */
export function charsetLabelChange(
  baseline: Response,
  candidate: Response,
  bodiesDiffer: boolean,
): HeaderChange | undefined {
  const b = baseline.headers['content-type'];
  const c = candidate.headers['content-type'];
  if (b === undefined || c === undefined || bodiesDiffer) return undefined;
  const mediaType = mediaTypeOf(b);
  if (mediaType !== mediaTypeOf(c) || !labelDecidesReading(mediaType, b)) return undefined;
  if (charsetName(b) === charsetName(c)) return undefined;
  if (!readByLabel(baseline.body) || !readByLabel(candidate.body)) return undefined;
  return {
    name: 'content-type',
    baseline: normaliseContentType(b),
    candidate: normaliseContentType(c),
  };
}

/** `charset=utf-8`, or `no charset`: how a charset-only `content-type` change is keyed. */
export const NO_CHARSET = 'no charset';

/**
 * The two sides' charset classes (`charset=utf-8` vs `no charset`) when two
 * normalised content types differ only in their charset; else `undefined`.
 */
export function charsetClass(
  baseline: string,
  candidate: string,
): readonly [string, string] | undefined {
  if (mediaTypeOf(baseline) !== mediaTypeOf(candidate)) return undefined;
  if (withoutCharset(baseline) !== withoutCharset(candidate)) return undefined;
  const [b, c] = [charsetName(baseline), charsetName(candidate)];
  if (b === c) return undefined;
  const shown = (charset: string | undefined) =>
    charset === undefined ? NO_CHARSET : `charset=${charset}`;
  return [shown(b), shown(c)];
}

function labelDecidesReading(mediaType: string, contentType: string): boolean {
  return (
    mediaType.startsWith('text/') &&
    !UTF8_BY_SPECIFICATION.has(mediaType) &&
    !isJsonContentType(contentType) &&
    !isXmlContentType(contentType)
  );
}

/** The charset, with `utf8` read as `utf-8` (one encoding, two spellings). */
function charsetName(contentType: string): string | undefined {
  const charset = contentTypeCharset(contentType);
  return charset === 'utf8' ? 'utf-8' : charset;
}

/**
 * A body whose reading is left to the label: text that is not empty and
 * declares no encoding of its own (no byte-order mark, no `<meta>` charset),
 * JSON read by its content is read as JSON (UTF-8) by the clients that parse
 * it; XML declares its own encoding (or is UTF-8 by default); bytes that are
 * not UTF-8 are compared as bytes already.
 */
function readByLabel(body: ResponseBody): boolean {
  if (body.kind !== 'text' && body.kind !== 'invalid-json' && body.kind !== 'invalid-xml') {
    return false;
  }
  const { text } = body;
  if (text === '' || text.charCodeAt(0) === 0xfeff) return false;
  return !/<meta\b[^>]*\bcharset\s*=/i.test(text.slice(0, PRESCAN));
}
