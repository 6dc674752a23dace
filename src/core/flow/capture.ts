/**
 * Captures: a value taken from one side's answer to a flow step, by JSON
 * pointer, XPath-lite, header or regular expression. Each side's answer
 * gives that side's value. Pure.
 */

import type { Captured, CaptureSource, CaptureSpec } from '../../contract/model/case.js';
import type { Response, ResponseBody } from '../../contract/model/exchange.js';
import { valueAtPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { evaluateXPath } from '../xml/xpath.js';

/** A captured value, or why the answer holds none. */
export type CaptureOutcome =
  | { readonly ok: true; readonly captured: Captured }
  | { readonly ok: false; readonly reason: string };

/** The text a captured value is substituted as (strings as they are, numbers as written). */
export function textOfValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isExactNumber(value)) return value.text;
  return JSON.stringify(value) ?? String(value);
}

/** How a capture is named in messages: `json /id`, `header etag`, `regex /n=(\d+)/`. */
export function describeSource(spec: CaptureSpec): string {
  const regex = spec.regex === undefined ? '' : ` regex /${spec.regex.source}/`;
  switch (spec.source.kind) {
    case 'json':
      return `json ${spec.source.pointer}${regex}`;
    case 'xpath':
      return `xpath ${spec.source.path}${regex}`;
    case 'header':
      return `header ${spec.source.name}${regex}`;
    case 'body':
      return `regex /${spec.regex?.source ?? ''}/ over the body`;
    default: {
      const never: never = spec.source;
      return never;
    }
  }
}

/** The value `spec` captures from `response`. */
export function capture(spec: CaptureSpec, response: Response): CaptureOutcome {
  const picked = pick(spec.source, response);
  if (!picked.ok || spec.regex === undefined) return picked;
  const match = spec.regex.exec(picked.captured.text);
  if (match === null) return { ok: false, reason: `/${spec.regex.source}/ does not match` };
  const group = spec.group ?? (match.length > 1 ? 1 : 0);
  const text = match[group];
  if (text === undefined) {
    return { ok: false, reason: `/${spec.regex.source}/ matched without group ${group}` };
  }
  return { ok: true, captured: { value: text, text } };
}

function found(value: unknown, from?: string): CaptureOutcome {
  const captured = { value, text: textOfValue(value) };
  return { ok: true, captured: from === undefined ? captured : { ...captured, from } };
}

function pick(source: CaptureSource, response: Response): CaptureOutcome {
  const { body } = response;
  switch (source.kind) {
    case 'json': {
      if (body.kind !== 'json' && body.kind !== 'xml' && body.kind !== 'bencode') {
        return { ok: false, reason: `the body is ${describeBody(body)}, not JSON` };
      }
      const at = valueAtPointer(body.value, source.pointer);
      return at.found
        ? found(at.value, source.pointer)
        : { ok: false, reason: `nothing at ${source.pointer}` };
    }
    case 'xpath': {
      if (body.kind !== 'xml')
        return { ok: false, reason: `the body is ${describeBody(body)}, not XML` };
      const text = evaluateXPath(body.value, source.path);
      return text === undefined ? { ok: false, reason: `nothing at ${source.path}` } : found(text);
    }
    case 'header': {
      const value = response.headers[source.name];
      return value === undefined ? { ok: false, reason: `no ${source.name} header` } : found(value);
    }
    case 'body': {
      const text = bodyText(body);
      return text === undefined
        ? { ok: false, reason: `the body is ${describeBody(body)}, not text` }
        : found(text);
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}

function bodyText(body: ResponseBody): string | undefined {
  switch (body.kind) {
    case 'empty':
      return '';
    case 'json':
    case 'xml':
    case 'bencode':
      return body.text;
    case 'text':
    case 'invalid-json':
    case 'invalid-xml':
      return body.text;
    case 'binary':
    case 'truncated':
    case 'too-complex':
      return undefined;
    default: {
      const never: never = body;
      return never;
    }
  }
}

function describeBody(body: ResponseBody): string {
  switch (body.kind) {
    case 'empty':
      return 'empty';
    case 'invalid-json':
      return 'invalid JSON';
    case 'invalid-xml':
      return 'invalid XML';
    case 'truncated':
      return 'over the body cap';
    default:
      return body.kind;
  }
}
