/**
 * How an imported body is written in a case: a JSON value (`json:`) when the
 * request says it is JSON and sending that value (a case's `json:` is sent as
 * `JSON.stringify` writes it) gives back the text as sent, but for whitespace
 * between tokens; else the text as sent (`text:`), since `1.0`, `1e3`, `-0`,
 * `"\u00e9"`, a repeated key or a long number would reach the server changed;
 * bytes that are not UTF-8 text as `base64:`. Pure.
 */
import { CASE_BODY_DEPTH, jsonTooDeep } from '../../util/depth.js';
import type { ImportedBody } from './types.js';

/** A JSON media type: `application/json`, `application/problem+json`, `text/json`. */
export function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media === 'text/json' || media.endsWith('+json');
}

/** `text` without the whitespace JSON allows between tokens (strings kept whole). */
function withoutInsignificantSpace(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      out += c;
    }
  }
  return out;
}

/** The parsed value of `text` when sending it as `json:` keeps what a server reads, else undefined. */
function jsonKeepingBytes(text: string): { value: unknown } | undefined {
  // Deeper than a case file may nest, the body stays text (which any depth fits).
  if (jsonTooDeep(text, CASE_BODY_DEPTH) !== undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return JSON.stringify(value) === withoutInsignificantSpace(text) ? { value } : undefined;
}

/** The case body (`json` or `text`) for an imported body. */
export function caseBody(
  body: ImportedBody,
  contentType: string | undefined,
): { json: unknown } | { text: string } | { base64: string } | undefined {
  switch (body.kind) {
    case 'none':
    case 'binary':
      return undefined;
    case 'json':
      return { json: body.value };
    case 'bytes':
      return { base64: Buffer.from(body.bytes).toString('base64') };
    case 'text': {
      const parsed = isJsonType(contentType) ? jsonKeepingBytes(body.text) : undefined;
      return parsed === undefined ? { text: body.text } : { json: parsed.value };
    }
    default:
      return body satisfies never;
  }
}
