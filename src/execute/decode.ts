/**
 * Turns the bytes of a response into a `ResponseBody`. Pure.
 *
 * Decoding is strict on purpose: a BOM, invalid UTF-8 or invalid JSON under a
 * JSON content type must surface as a difference, because some client on the
 * other side of a cutover will choke on it.
 */
import { createHash } from 'node:crypto';
import type { ResponseBody } from '../model.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True for `application/json`, `application/problem+json`, `text/json` and the like. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json'
  );
}

function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType.startsWith('text/') ||
    mediaType.endsWith('+xml') ||
    mediaType === 'application/xml' ||
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

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Decodes a complete (already content-decoded) body.
 * JSON when the content type says so (invalid JSON there is `invalid-json`);
 * without a content type, JSON is sniffed; text when it is valid UTF-8 and
 * declared or sniffed as text; otherwise binary, compared by hash.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): ResponseBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  const text = utf8(bytes);
  if (isJsonContentType(contentType)) {
    if (text === undefined) {
      return { kind: 'invalid-json', text: '', error: 'body is not valid UTF-8' };
    }
    const parsed = parseJson(text);
    return parsed.ok
      ? { kind: 'json', value: parsed.value }
      : { kind: 'invalid-json', text, error: parsed.error };
  }
  if (text === undefined) return { kind: 'binary', sha256: sha256(bytes), size: bytes.byteLength };
  if (contentType === undefined) {
    const first = text.trimStart()[0];
    if (first === '{' || first === '[') {
      const parsed = parseJson(text);
      if (parsed.ok) return { kind: 'json', value: parsed.value };
    }
    return { kind: 'text', text };
  }
  if (isTextContentType(contentType)) return { kind: 'text', text };
  return { kind: 'binary', sha256: sha256(bytes), size: bytes.byteLength };
}
