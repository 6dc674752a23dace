/**
 * A secret is fuzzed only through its placeholder. The seeds hold
 * `${env:TOKEN}` where their cases held the value, so every mutation and
 * every shrink works on the placeholder's text: a shrink may cut
 * `${env:TOKEN}` short, never the secret (a prefix of which would otherwise
 * reach a written case file and the repro lines). The sender puts the values
 * back just before a case is sent. Pure.
 */
import type { Case, RequestBody } from '../../contract/model/case.js';
import type { Redactor } from '../../core/redact/redact.js';

type Text = (text: string) => string;

function body(input: RequestBody, text: Text, value: (v: unknown) => unknown): RequestBody {
  switch (input.kind) {
    case 'json':
      return { kind: 'json', value: value(input.value) };
    case 'text':
      return { kind: 'text', text: text(input.text) };
    default:
      return input;
  }
}

function mapped(testCase: Case, text: Text, value: (v: unknown) => unknown): Case {
  const { request } = testCase;
  return {
    ...testCase,
    request: {
      ...request,
      path: text(request.path),
      query: request.query.map(([n, v]) => [n, text(v)] as const),
      headers: request.headers.map(([n, v]) => [n, text(v)] as const),
      body: body(request.body, text, value),
    },
  };
}

/** The case with every secret value as its placeholder (a seed). */
export function withPlaceholders(testCase: Case, redact: Redactor): Case {
  return mapped(testCase, redact.text, redact.value);
}

/** `restore` over every string of a JSON value (object keys included). */
function restoreValue(value: unknown, restore: Text): unknown {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map((item) => restoreValue(item, restore));
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [restore(k), restoreValue(v, restore)]),
    );
  }
  return value;
}

/** The case with the placeholders that are still whole put back as their values (to send). */
export function withSecretValues(testCase: Case, restore: Text): Case {
  return mapped(testCase, restore, (value) => restoreValue(value, restore));
}
