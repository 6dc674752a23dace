/**
 * A flow step's request for one side: its `{{name}}` variables replaced by
 * that side's captured values, in the path, the query, the header values and
 * the body. Pure.
 */

import type { CaseRequest, Pairs, RequestBody, Variables } from '../../contract/model/case.js';
import { isExactNumber } from '../wire/exact-number.js';
import { substituteJson, substituteText } from './template.js';

/** `request` as sent to the side whose variables are `vars`. */
export function bindRequest(request: CaseRequest, vars: Variables): CaseRequest {
  const [path, brought] = bindPath(request.path, vars);
  const headers = bindPairs(request.headers, vars);
  const body = bindBody(request.body, vars);
  // A JSON body sent as exact text keeps the content type a JSON body gets.
  const typed =
    request.body.kind === 'json' &&
    body.kind === 'text' &&
    !headers.some(([name]) => name === 'content-type')
      ? [...headers, ['content-type', 'application/json'] as const]
      : headers;
  const query = [...(brought?.pairs ?? []), ...bindPairs(request.query, vars)];
  const pathQuery = writtenQuery(brought, request.pathQuery, vars);
  return {
    method: request.method,
    path,
    query,
    ...(pathQuery === undefined ? {} : { pathQuery }),
    headers: typed,
    body,
  };
}

/** A query string as written and its pairs. */
interface Written {
  readonly text: string;
  readonly pairs: Pairs;
}

/**
 * The query sent as written: what a value brought into the path, then the
 * one written in the path with its variables substituted (each value
 * percent-encoded, so a `&` or `#` in it stays part of its value).
 */
function writtenQuery(
  brought: Written | undefined,
  written: CaseRequest['pathQuery'],
  vars: Variables,
): CaseRequest['pathQuery'] {
  const texts: string[] = [];
  let pairs = 0;
  if (brought !== undefined) {
    texts.push(brought.text);
    pairs += brought.pairs.length;
  }
  if (written !== undefined) {
    texts.push(substituteText(written.text, encodedValues(vars)));
    pairs += written.pairs;
  }
  return texts.length === 0 ? undefined : { text: texts.join('&'), pairs };
}

function encodedValues(vars: Variables): Variables {
  return new Map(
    [...vars].map(([name, captured]) => [
      name,
      { ...captured, text: encodeQueryValue(captured.text) },
    ]),
  );
}

/** `encodeURIComponent`, with a lone surrogate (which it refuses) written as U+FFFD. */
function encodeQueryValue(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The substituted path, with characters a request target cannot carry
 * percent-encoded (a captured `a b` becomes `a%20b`); a `?` that a value
 * brought (a captured `Location: /notes/7?v=2`) starts the query.
 */
function bindPath(template: string, vars: Variables): [string, Written | undefined] {
  const substituted = substituteText(template, vars);
  const path = escapeTarget(template.startsWith('{{') ? originForm(substituted) : substituted);
  const mark = path.indexOf('?');
  if (mark === -1) return [path, undefined];
  const text = path.slice(mark + 1);
  return [path.slice(0, mark), { text, pairs: [...new URLSearchParams(text)] }];
}

/**
 * A path that starts with a captured value (`{{location}}`) as a request
 * target: an absolute URL (a `Location: http://host/notes/7`) gives its path
 * and query; a relative reference (`notes/7`) is taken from the root.
 */
function originForm(text: string): string {
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  try {
    const url = new URL(text, 'http://parity.invalid/');
    return `${url.pathname}${url.search}`;
  } catch {
    return `/${text}`;
  }
}

function escapeTarget(text: string): string {
  return text.replace(/[^\x21-\x22\x24-\x7e]/gu, (char) => {
    const bytes = Buffer.from(char, 'utf8');
    return [...bytes]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  });
}

function bindPairs(pairs: Pairs, vars: Variables): Pairs {
  if (!pairs.some(([name, value]) => name.includes('{{') || value.includes('{{'))) return pairs;
  return pairs.map(([name, value]) => [substituteText(name, vars), substituteText(value, vars)]);
}

function bindBody(body: RequestBody, vars: Variables): RequestBody {
  switch (body.kind) {
    case 'none':
    // Exact bytes (`base64:`) hold no variables.
    case 'bytes':
      return body;
    case 'text':
      return { kind: 'text', text: substituteText(body.text, vars) };
    case 'json': {
      const value = substituteJson(body.value, vars);
      // A captured 64-bit id a double cannot hold goes out as its exact digits.
      if (!holdsExactNumber(value)) return { kind: 'json', value };
      return { kind: 'text', text: exactJson(value) };
    }
    default: {
      const never: never = body;
      return never;
    }
  }
}

function holdsExactNumber(value: unknown): boolean {
  if (isExactNumber(value)) return true;
  if (Array.isArray(value)) return value.some(holdsExactNumber);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some(holdsExactNumber);
  return false;
}

/** JSON text with exact numbers written as their digits (not as report.json's `$exact`). */
export function exactJson(value: unknown): string {
  const digits: string[] = [];
  const mark = (item: unknown): unknown => {
    if (isExactNumber(item)) return `\u0000exact${digits.push(item.text) - 1}\u0000`;
    if (Array.isArray(item)) return item.map(mark);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, mark(inner)]));
    }
    return item;
  };
  return JSON.stringify(mark(value)).replace(
    /"\\u0000exact(\d+)\\u0000"/g,
    (_whole, index: string) => digits[Number(index)] ?? '',
  );
}
