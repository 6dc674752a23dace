/**
 * How an imported body is written in a case: a JSON value (`json:`) when the
 * request says it is JSON and it parses to a value plain JSON holds exactly,
 * else the text as sent (`text:`). Pure.
 */
import type { ImportedBody } from './types.js';

/** A JSON media type: `application/json`, `application/problem+json`, `text/json`. */
export function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media === 'text/json' || media.endsWith('+json');
}

/** 16 digits and more may be beyond what a JS number holds: keep such bodies as text. */
const LONG_NUMBER = /\d{16,}/;

/** The case body (`json` or `text`) for an imported body. */
export function caseBody(
  body: ImportedBody,
  contentType: string | undefined,
): { json: unknown } | { text: string } | undefined {
  switch (body.kind) {
    case 'none':
    case 'binary':
      return undefined;
    case 'json':
      return { json: body.value };
    case 'text': {
      if (!isJsonType(contentType) || LONG_NUMBER.test(body.text)) return { text: body.text };
      try {
        // Without long digit runs, every number survives JSON.parse exactly.
        const value: unknown = JSON.parse(body.text);
        return { json: value };
      } catch {
        return { text: body.text };
      }
    }
    default:
      return body satisfies never;
  }
}
