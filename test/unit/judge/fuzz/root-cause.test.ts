/**
 * `rootCausesOf`: the one key the fuzzer dedups and shrinks on. A status
 * transition per (seed) endpoint, a one-sided failure per endpoint, each
 * recognised pattern, the residual change per status; never a case id or a
 * value in a key.
 */
import { describe, expect, it } from 'vitest';
import type { SideOutcome } from '../../../../src/contract/model/exchange.js';
import { judge } from '../../../../src/core/compare/judge.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { rootCausesOf } from '../../../../src/judge/fuzz/root-cause.js';
import { toObservation } from '../../../../src/judge/results/build.js';
import { makeCase } from '../../../helpers/case.js';

const target = (name: string) => ({ name, url: new URL('http://127.0.0.1:9'), headers: [] });
const context = {
  baseline: target('rust'),
  candidate: target('go'),
  redact: createRedactor({ headerNames: [], secrets: new Map() }),
};

function json(status: number, value: unknown): SideOutcome {
  const headers = { 'content-type': 'application/json' };
  return {
    outcome: 'response',
    response: { status, headers, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
  };
}

function text(status: number, body: string): SideOutcome {
  const headers = { 'content-type': 'text/plain' };
  return {
    outcome: 'response',
    response: { status, headers, body: { kind: 'text', text: body }, wireBytes: 1, durationMs: 1 },
  };
}

const failed: SideOutcome = {
  outcome: 'transport-error',
  error: { code: 'ECONNRESET', message: 'reset' },
  durationMs: 1,
};

function causes(
  id: string,
  path: string,
  b: SideOutcome,
  c: SideOutcome,
  endpoint = `POST ${path}`,
) {
  const exchange = { case: makeCase(id, { method: 'POST', path }), baseline: b, candidate: c };
  return rootCausesOf(toObservation(exchange, judge(exchange), context), endpoint);
}

describe('rootCausesOf', () => {
  it('finds none in an equal result', () => {
    expect(causes('a', '/v1/x', json(200, { ok: 1 }), json(200, { ok: 1 }))).toEqual([]);
  });

  it('groups a status transition as input acceptance or status mapping, keyed on the endpoint alone', () => {
    const [accepts] = causes(
      'a',
      '/v1/x',
      text(400, 'trailing characters'),
      json(200, { valid: true }),
    );
    expect(accepts).toMatchObject({
      group: 'input-acceptance',
      baseline: 400,
      candidate: 200,
      endpoint: 'POST /v1/x',
    });
    const [same] = causes(
      'other-case',
      '/v1/x',
      text(400, 'invalid unicode'),
      json(200, { other: [1] }),
    );
    expect(same?.key).toBe(accepts?.key);
    const [mapping] = causes('a', '/v1/x', json(422, {}), json(400, {}));
    expect(mapping?.group).toBe('status-mapping');
    expect(mapping?.key).not.toBe(accepts?.key);
  });

  it('keys a mutated path on the seed endpoint it came from', () => {
    const [plus] = causes('a', '/v1/items/+1', json(200, {}), json(400, {}), 'POST /v1/items/:id');
    const [zero] = causes('b', '/v1/items/01', json(200, {}), json(400, {}), 'POST /v1/items/:id');
    expect(plus?.key).toBe(zero?.key);
  });

  it('calls a 5xx or a one-sided transport failure a server error', () => {
    expect(causes('a', '/v1/x', json(200, {}), json(500, {}))[0]?.group).toBe('server-error');
    const [dropped] = causes('a', '/v1/x', json(200, {}), failed);
    expect(dropped).toMatchObject({
      group: 'server-error',
      baseline: 200,
      candidate: 'ECONNRESET',
    });
  });

  it('gives each recognised pattern its own root cause: its tracker fingerprint, the same on any case', () => {
    const one = causes(
      'a',
      '/v1/x',
      json(200, { tags: [], n: 1 }),
      json(200, { tags: null, n: 1 }),
    );
    const two = causes(
      'b',
      '/v1/y',
      json(200, { tags: [], n: 2 }),
      json(200, { tags: null, n: 2 }),
    );
    expect(one.map((c) => [c.group, c.type])).toEqual([['response-body', 'nil-slice']]);
    expect(one[0]?.key).toMatch(/^nil-slice-[0-9a-f]{12}$/);
    expect(two[0]?.key).toBe(one[0]?.key);
  });

  it('keys a residual change of an error per seed endpoint and change skeleton, never by value', () => {
    const [a] = causes('a', '/v1/x', json(400, { error: 'x1' }), json(400, { error: 'y2' }));
    const [b] = causes('b', '/v1/x', json(400, { error: 'z3' }), json(400, { error: 'w4' }));
    const [other] = causes(
      'c',
      '/v1/other',
      json(400, { error: 'z3' }),
      json(400, { error: 'w4' }),
    );
    expect(a?.group).toBe('error-envelope');
    expect(a?.key).toMatch(/^structure-[0-9a-f]{12}$/);
    expect(a?.key).toBe(b?.key);
    expect(other?.key).not.toBe(a?.key);
  });
});
