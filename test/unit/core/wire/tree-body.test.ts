import { describe, expect, it } from 'vitest';
import type { CaptureSource, CaptureSpec } from '../../../../src/contract/model/case.js';
import type { Response, ResponseBody } from '../../../../src/contract/model/exchange.js';
import { describeBody } from '../../../../src/core/compare/bodies.js';
import { capture } from '../../../../src/core/flow/capture.js';
import { redactExchange } from '../../../../src/core/redact/exchange.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { isTreeBody, treeWithValue } from '../../../../src/core/wire/tree-body.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../helpers/case.js';

const response = (body: ResponseBody): Response => ({
  status: 200,
  headers: {},
  body,
  wireBytes: 0,
  durationMs: 1,
});
const spec = (source: CaptureSource): CaptureSpec => ({
  name: 'v',
  source,
  regex: undefined,
  group: undefined,
});
const bencoded = decodeBody(Buffer.from('d8:intervali1800e10:tracker id6:secrete'), undefined);

describe('a bencoded body is a tree, as JSON and XML are', () => {
  it('is read as one by every stage that walks trees', () => {
    expect(isTreeBody(bencoded)).toBe(true);
    expect(isTreeBody({ kind: 'text', text: 'd' })).toBe(false);
    expect(describeBody(bencoded)).toEqual({ kind: 'bencode', type: 'object' });
  });

  it('keeps its kind when its tree is replaced, and drops its wire text', () => {
    if (!isTreeBody(bencoded)) throw new Error('not a tree');
    expect(treeWithValue(bencoded, { interval: 1 })).toEqual({
      kind: 'bencode',
      value: { interval: 1 },
    });
  });

  it('gives a capture by pointer', () => {
    expect(capture(spec({ kind: 'json', pointer: '/interval' }), response(bencoded))).toEqual({
      ok: true,
      captured: { value: 1800, text: '1800', from: '/interval' },
    });
  });

  it('is redacted value by value', () => {
    const redact = createRedactor({
      headerNames: [],
      secrets: new Map([['secret', '${env:TRACKER_ID}']]),
    });
    const side = { outcome: 'response' as const, response: response(bencoded) };
    const exchange = { case: makeCase('x', { path: '/' }), baseline: side, candidate: side };
    const out = redactExchange(exchange, redact);
    const body = out.baseline.outcome === 'response' ? out.baseline.response.body : undefined;
    expect(body?.kind).toBe('bencode');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(JSON.stringify(body)).toContain('${env:TRACKER_ID}');
  });
});
