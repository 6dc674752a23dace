import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  Exchange,
  ResponseBody,
  SideOutcome,
} from '../../../../src/contract/model/exchange.js';
import { redactExchange } from '../../../../src/core/redact/exchange.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../helpers/case.js';

const redact = createRedactor({
  headerNames: [],
  secrets: new Map([['s3cr3t-token-value', '${env:TOKEN}']]),
});

const answer = (text: string): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 200,
    headers: {},
    body: decodeBody(new TextEncoder().encode(text), 'application/json'),
    wireBytes: text.length,
    durationMs: 1,
  },
});

const exchangeOf = (text: string): Exchange => ({
  case: makeCase('c', { path: '/c' }),
  baseline: answer(text),
  candidate: answer(text),
});

const bodyOf = (side: SideOutcome): ResponseBody | undefined =>
  side.outcome === 'response' ? side.response.body : undefined;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('secrets in JSON answers', () => {
  it('are replaced in strings and keys, however the server escaped them', () => {
    for (const text of [
      '{"token":"s3cr3t-token-value"}',
      '{"s3cr3t-token-value":1}',
      // Escaped, the secret is not in the text as written: the value is walked.
      '{"token":"\\u0073\\u0033cr3t-token-value"}',
    ]) {
      const out = redactExchange(exchangeOf(text), redact);
      const body = bodyOf(out.baseline);
      expect(JSON.stringify(body?.kind === 'json' ? body.value : undefined)).toContain(
        '${env:TOKEN}',
      );
      expect(JSON.stringify(body)).not.toContain('s3cr3t');
    }
  });

  it('are looked for in the text of an answer that holds none, which is left as it is', () => {
    const exchange = exchangeOf('{"id":7,"note":"nothing secret","list":[1,2]}');
    const parse = vi.spyOn(JSON, 'parse');
    expect(redactExchange(exchange, redact)).toBe(exchange);
    expect(parse).not.toHaveBeenCalled();
  });

  it('and a secret the text holds outside any one string still has the value walked', () => {
    // The text holds the secret's digits in a number: nothing in a string to replace.
    const numeric = createRedactor({
      headerNames: [],
      secrets: new Map([['12345678', '${env:PIN}']]),
    });
    const exchange = exchangeOf('{"pin":12345678}');
    const out = redactExchange(exchange, numeric);
    const body = bodyOf(out.baseline);
    expect(body?.kind === 'json' ? body.value : undefined).toEqual({ pin: 12345678 });
  });
});
