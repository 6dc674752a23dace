/**
 * Turns the bytes of a response into a `ResponseBody`. Pure.
 *
 * Decoding is strict on purpose: a BOM, invalid UTF-8 or invalid JSON under a
 * JSON content type must surface as a difference, because some client on the
 * other side of a cutover will choke on it.
 */
import { createHash } from 'node:crypto';
import type { ResponseBody } from '../../contract/model/exchange.js';
import { parseBencode } from '../../core/wire/bencode.js';
import {
  DEFAULT_NODE_BUDGET,
  type NodeBudget,
  type OverBudget,
  xmlOverBudget,
} from '../../core/wire/budget.js';
import { headHex } from '../../core/wire/bytes.js';
import {
  isJsonContentType,
  isXmlContentType,
  mayBeBencode,
  mediaTypeOf,
} from '../../core/wire/content-type.js';
import { scanJson } from '../../core/wire/json-scan.js';
import { parseJsonExact } from '../../core/wire/parse-json.js';
import { looksLikeXml, parseXml } from '../../core/xml/tree.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = mediaTypeOf(contentType);
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/javascript' ||
    mediaType === 'application/x-www-form-urlencoded'
  );
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A body past the node budget: its hash and size, and the limit it went past. */
function tooComplex(bytes: Uint8Array, over: OverBudget): ResponseBody {
  return {
    kind: 'too-complex',
    sha256: sha256(bytes),
    size: bytes.byteLength,
    head: headHex(bytes),
    ...over,
  };
}

function decodeXml(bytes: Uint8Array, text: string | undefined, budget: NodeBudget): ResponseBody {
  if (text === undefined) {
    // Shown lossily, so two different invalid bodies still compare as different.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const error = `body is not valid UTF-8 (sha256 ${sha256(bytes).slice(0, 16)})`;
    return { kind: 'invalid-xml', text: lossy, error };
  }
  const over = xmlOverBudget(text, budget);
  if (over !== undefined) return tooComplex(bytes, over);
  const parsed = parseXml(text);
  return parsed.ok
    ? { kind: 'xml', value: parsed.value, text }
    : { kind: 'invalid-xml', text, error: parsed.error };
}

/**
 * Decodes a complete (already content-decoded) body.
 * JSON when the content type says so (invalid JSON there is `invalid-json`),
 * parsed losslessly (`parseJsonExact`) and kept with its text for encoding
 * notes; XML likewise (`application/xml`, `text/xml`, `+xml`; else
 * `invalid-xml`). Under any other content type (`text/plain`, `text/html`,
 * `application/octet-stream`) or none, a body is judged by what it is: valid
 * UTF-8 whose text is a JSON object or array, or an XML document (under
 * `text/html` only one that declares itself XML, its root no `html`), is read as such (a JSON scalar like `"ok"` or `123` stays
 * text); else text when it is
 * declared or sniffed as text; otherwise binary, by hash. Under no content
 * type, `text/plain`, `application/octet-stream` or `application/x-bittorrent`,
 * bytes that read whole as a bencoded dictionary or list are `bencode`
 * (`core/wire/bencode.ts`), whether or not they are UTF-8 (a tracker's
 * compact peers are not).
 */
export function decodeBody(
  bytes: Uint8Array,
  contentType: string | undefined,
  budget: NodeBudget = DEFAULT_NODE_BUDGET,
): ResponseBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  const text = utf8(bytes);
  if (isJsonContentType(contentType)) {
    if (text === undefined) {
      // Shown lossily, so two different invalid bodies still compare as different.
      // The hash in the error tells apart bodies that differ only in their invalid bytes.
      const lossy = new TextDecoder('utf-8').decode(bytes);
      const error = `body is not valid UTF-8 (sha256 ${sha256(bytes).slice(0, 16)})`;
      return { kind: 'invalid-json', text: lossy, error };
    }
    const scan = scanJson(text, budget);
    if (scan.over !== undefined) return tooComplex(bytes, scan.over);
    const parsed = parseJsonExact(text, scan);
    return parsed.ok
      ? { kind: 'json', value: parsed.value, text }
      : { kind: 'invalid-json', text, error: parsed.error };
  }
  if (isXmlContentType(contentType)) return decodeXml(bytes, text, budget);
  if (mayBeBencode(contentType)) {
    const bencoded = decodeBencode(bytes, text, budget, contentType === undefined);
    if (bencoded !== undefined) return bencoded;
  }
  if (text === undefined) return binary(bytes);
  if (contentType === undefined) return sniff(bytes, text, budget);
  // Declared as something else: read as JSON or XML when it is one (never past the budget).
  // An HTML page is never read as XML: well-formed markup there is still a page; but a
  // document that declares itself XML (`<?xml …?>`) whose root is no `html` is XML.
  const xml = !isHtml(contentType) || declaresXml(text);
  const read = parseByContent(bytes, text, budget, xml);
  if (read !== undefined && read.kind !== 'too-complex') return read;
  if (isTextContentType(contentType)) return { kind: 'text', text };
  return binary(bytes);
}

/**
 * A bencoded dictionary or list as a tree; undefined when it is none. Past the
 * budget it is too complex without a content type, and read as its label says
 * under one (as JSON read by content is).
 */
function decodeBencode(
  bytes: Uint8Array,
  text: string | undefined,
  budget: NodeBudget,
  unlabelled: boolean,
): ResponseBody | undefined {
  const parsed = parseBencode(bytes, budget);
  if ('over' in parsed) return unlabelled ? tooComplex(bytes, parsed.over) : undefined;
  if (!parsed.ok) return undefined;
  return text === undefined
    ? { kind: 'bencode', value: parsed.value }
    : { kind: 'bencode', value: parsed.value, text };
}

/** A body compared by its bytes: hash, size and the first bytes for people. */
export function binary(bytes: Uint8Array): ResponseBody {
  const head = headHex(bytes);
  // The bytes stay with the (transient) exchange: a body that differs is hashed again for its digests.
  return { kind: 'binary', sha256: sha256(bytes), size: bytes.byteLength, head, bytes };
}

/** A body without a content type: JSON or XML when it parses as such, else text. */
function sniff(bytes: Uint8Array, text: string, budget: NodeBudget): ResponseBody {
  return parseByContent(bytes, text, budget, true) ?? { kind: 'text', text };
}

function isHtml(contentType: string): boolean {
  return mediaTypeOf(contentType) === 'text/html';
}

/**
 * An XML declaration, then (after comments) a root element that is no page's
 * `html`: an XML document whatever its label says (a query API's
 * `<SendEmailResponse>` answered as `text/html`). An XHTML page declared as
 * XML keeps its `html` root and stays a page.
 */
const XML_DECLARED =
  /^\s*<\?xml\s[^>]*\?>\s*(?:<!--[\s\S]*?-->\s*)*<(?!(?:[\w.-]+:)?html[\s/>])[A-Za-z_]/i;

function declaresXml(text: string): boolean {
  return XML_DECLARED.test(text);
}

/**
 * A JSON object or array, or (when `xml`) an XML document, by its text
 * alone; undefined when it is neither.
 */
function parseByContent(
  bytes: Uint8Array,
  text: string,
  budget: NodeBudget,
  xml: boolean,
): ResponseBody | undefined {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    const scan = scanJson(text, budget);
    if (scan.over !== undefined) return tooComplex(bytes, scan.over);
    const parsed = parseJsonExact(text, scan);
    if (parsed.ok) return { kind: 'json', value: parsed.value, text };
  }
  if (xml && looksLikeXml(text)) {
    const over = xmlOverBudget(text, budget);
    if (over !== undefined) return tooComplex(bytes, over);
    const parsed = parseXml(text);
    if (parsed.ok) return { kind: 'xml', value: parsed.value, text };
  }
  return undefined;
}
