/**
 * Secrets taken out of the exchange itself, before anything is derived from
 * it: the case's request (path, query, header values) and both answers
 * (header names and values, body strings and keys) get every form of every known secret
 * replaced by its placeholder (`redact.ts`, `forms.ts`). Classification,
 * endpoint templating, fingerprints and explanations then never see a secret
 * value: a header class is made from `${env:TOK}-a`, not from a lowercased,
 * digit-folded secret; `/acct/${env:TOK2}/x` is templated as written, not
 * split at the secret's own slashes; a row's fingerprint stays the same when
 * the secret changes. Both sides are redacted alike, so an answer that echoes
 * the secret in any form compares as it did. Pure.
 */
import type { Case } from '../../contract/model/case.js';
import type {
  Exchange,
  Response,
  ResponseBody,
  SideOutcome,
} from '../../contract/model/exchange.js';
import { isExactNumber } from '../wire/exact-number.js';
import { treeWithValue } from '../wire/tree-body.js';
import type { Redactor } from './redact.js';

/** `value` with its strings (keys included) redacted; the same object when none changed. */
function redactValue(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact.text(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = redactValue(item, redact);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object' && !isExactNumber(value)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const name = redact.text(key);
      const next = redactValue(item, redact);
      if (name !== key || next !== item) changed = true;
      out[name] = next;
    }
    return changed ? out : value;
  }
  return value;
}

/**
 * Whether a JSON body's own text shows that no string or key in it holds a
 * secret: with no escape in the text, each of them is a run of the text
 * (secrets are found as substrings), so the value need not be parsed to be
 * walked. As `core/normalise/origin.ts` reads a body for its own address.
 */
function clearText(text: string | undefined, redact: Redactor): boolean {
  return text !== undefined && !text.includes('\\') && redact.text(text) === text;
}

function body(input: ResponseBody, redact: Redactor): ResponseBody {
  switch (input.kind) {
    case 'json':
    case 'xml':
    case 'bencode': {
      if (input.kind === 'json' && clearText(input.text, redact)) return input;
      const value = redactValue(input.value, redact);
      // The wire text would still hold the secret: dropped once a value changed.
      return value === input.value ? input : treeWithValue(input, value);
    }
    case 'text':
    case 'invalid-json':
    case 'invalid-xml': {
      const text = redact.text(input.text);
      return text === input.text ? input : { ...input, text };
    }
    default:
      return input;
  }
}

/** Header names and values redacted (a server may echo a secret as a name: `x-<secret>`). */
function responseHeaders(
  input: Readonly<Record<string, string>>,
  redact: Redactor,
): Record<string, string> | undefined {
  let changed = false;
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(input)) {
    const shownName = redact.text(name);
    const shownValue = redact.text(value);
    if (shownName !== name || shownValue !== value) changed = true;
    out.push([shownName, shownValue]);
  }
  if (!changed) return undefined;
  // Two names that redact alike keep both values, joined as a repeated header is.
  const headers: Record<string, string> = {};
  for (const [name, value] of out) {
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : `${earlier}, ${value}`;
  }
  return headers;
}

function response(input: Response, redact: Redactor): Response {
  const headers = responseHeaders(input.headers, redact);
  const redacted = body(input.body, redact);
  if (headers === undefined && redacted === input.body) return input;
  return { ...input, headers: headers ?? input.headers, body: redacted };
}

function side(input: SideOutcome, redact: Redactor): SideOutcome {
  if (input.outcome !== 'response') return input;
  const out = response(input.response, redact);
  return out === input.response ? input : { outcome: 'response', response: out };
}

function request(testCase: Case, redact: Redactor): Case {
  const { request: req } = testCase;
  const path = redact.text(req.path);
  const query = req.query.map(([n, v]) => [redact.text(n), redact.text(v)] as const);
  const headers = req.headers.map(([n, v]) => [redact.text(n), redact.text(v)] as const);
  // The query string sent as written (repro lines show it) holds the same values.
  const written = req.pathQuery;
  const pathQuery =
    written === undefined ? undefined : { ...written, text: redact.text(written.text) };
  const same =
    path === req.path &&
    pathQuery?.text === written?.text &&
    query.every(([n, v], i) => n === req.query[i]?.[0] && v === req.query[i]?.[1]) &&
    headers.every(([n, v], i) => n === req.headers[i]?.[0] && v === req.headers[i]?.[1]);
  return same
    ? testCase
    : {
        ...testCase,
        request: {
          ...req,
          path,
          query,
          headers,
          ...(pathQuery === undefined ? {} : { pathQuery }),
        },
      };
}

/** A probe no secret can be in: a redactor with no secrets gives it back as it is. */
const PROBE = Object.freeze({ probe: 'p' });

/** The exchange with every known secret replaced by its placeholder (see the module comment). */
export function redactExchange(exchange: Exchange, redact: Redactor): Exchange {
  // No secret configured (the common case): nothing to walk.
  if (redact.value(PROBE) === PROBE) return exchange;
  const testCase = request(exchange.case, redact);
  const baseline = side(exchange.baseline, redact);
  const candidate = side(exchange.candidate, redact);
  const replica = exchange.replica === undefined ? undefined : side(exchange.replica, redact);
  if (
    testCase === exchange.case &&
    baseline === exchange.baseline &&
    candidate === exchange.candidate &&
    replica === exchange.replica
  ) {
    return exchange;
  }
  return {
    ...exchange,
    case: testCase,
    baseline,
    candidate,
    ...(replica === undefined ? {} : { replica }),
  };
}
