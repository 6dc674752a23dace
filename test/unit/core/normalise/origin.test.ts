import { describe, expect, it } from 'vitest';
import type { Exchange, Response, SideOutcome } from '../../../../src/contract/model/exchange.js';
import {
  normaliseOrigins,
  ORIGIN_TOKEN,
  originForms,
  sharedPart,
} from '../../../../src/core/normalise/origin.js';
import { makeCase } from '../../../helpers/case.js';

const response = (value: unknown, headers: Record<string, string> = {}): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 200,
    headers,
    body: { kind: 'json', value },
    wireBytes: 1,
    durationMs: 1,
  } satisfies Response,
});

const exchange = (baseline: SideOutcome, candidate: SideOutcome): Exchange => ({
  case: makeCase('c', { path: '/c' }),
  baseline,
  candidate,
});

const origins = {
  baseline: originForms('http://127.0.0.1:3100/api'),
  candidate: originForms('http://127.0.0.1:4110'),
};

const body = (side: SideOutcome) =>
  side.outcome === 'response' && side.response.body.kind === 'json'
    ? side.response.body.value
    : undefined;

describe('own origins', () => {
  it('replaces each side its own address, in every form, in bodies and headers', () => {
    const out = normaliseOrigins(
      exchange(
        response(
          {
            url: 'http://127.0.0.1:3100/p/-/p.tgz',
            host: '127.0.0.1:3100',
            q: 'next=http%3A%2F%2F127.0.0.1%3A3100%2Fx',
          },
          { location: 'http://127.0.0.1:3100/items/1' },
        ),
        response(
          {
            url: 'http://127.0.0.1:4110/p/-/p.tgz',
            host: '127.0.0.1:4110',
            q: 'next=http%3A%2F%2F127.0.0.1%3A4110%2Fx',
          },
          { location: 'http://127.0.0.1:4110/items/1' },
        ),
      ),
      origins,
    );
    expect(body(out.baseline)).toEqual(body(out.candidate));
    expect(body(out.baseline)).toEqual({
      url: `${ORIGIN_TOKEN}/p/-/p.tgz`,
      host: ORIGIN_TOKEN,
      q: `next=${ORIGIN_TOKEN}%2Fx`,
    });
    expect(out.origin).toEqual(['header location', '/url', '/host', '/q']);
  });

  it('keeps a candidate that writes the baseline address, another host, another path, or a longer port', () => {
    const out = normaliseOrigins(
      exchange(
        response({
          a: 'http://127.0.0.1:3100/x',
          b: 'http://127.0.0.1:3100/x',
          c: 'http://127.0.0.1:3100/x',
          d: 'x',
        }),
        response({
          a: 'http://127.0.0.1:3100/x',
          b: 'http://10.0.0.1:4110/x',
          c: 'http://127.0.0.1:4110/y',
          d: 'http://127.0.0.1:41101/',
        }),
      ),
      origins,
    );
    const [left, right] = [body(out.baseline), body(out.candidate)];
    expect(left).toMatchObject({
      a: `${ORIGIN_TOKEN}/x`,
      b: `${ORIGIN_TOKEN}/x`,
      c: `${ORIGIN_TOKEN}/x`,
    });
    expect(right).toEqual({
      a: 'http://127.0.0.1:3100/x',
      b: 'http://10.0.0.1:4110/x',
      c: `${ORIGIN_TOKEN}/y`,
      d: 'http://127.0.0.1:41101/',
    });
  });

  it('leaves an exchange without either address as it was', () => {
    const plain = exchange(response({ a: 1 }), response({ a: 2 }));
    expect(normaliseOrigins(plain, origins)).toBe(plain);
  });

  it('looks for the text every form of the address shares before matching', () => {
    expect(sharedPart(['http://h:1', 'h:1', 'http%3A%2F%2Fh%3A1', 'h%3A1'])).toBe('h');
    expect(sharedPart(['abc', 'xyz'])).toBe('');
    // A loopback host is written under each loopback name: the port is what its forms share.
    expect(originForms('http://127.0.0.1:3100')?.needle).toBe('3100');
    expect(originForms('http://10.0.0.1:3100')?.needle).toBe('10.0.0.1');
    // An IPv6 host is encoded: the port is what its forms share.
    const v6 = originForms('http://[::1]:3100');
    expect(v6?.needle).toBe('3100');
    const out = normaliseOrigins(
      exchange(
        response({ a: 'http%3A%2F%2F%5B%3A%3A1%5D%3A3100/x', b: '[::1]:3100', c: '[::1]:31001' }),
        response({ a: 1 }),
      ),
      { baseline: v6, candidate: undefined },
    );
    expect(body(out.baseline)).toEqual({
      a: `${ORIGIN_TOKEN}/x`,
      b: ORIGIN_TOKEN,
      c: '[::1]:31001',
    });
  });

  it('reads a loopback target under each loopback name, with its own port only', () => {
    const loopback = {
      baseline: originForms('http://127.0.0.1:3100'),
      candidate: originForms('http://localhost:4110'),
    };
    const out = normaliseOrigins(
      exchange(
        response({
          issuer: 'http://localhost:3100',
          jwks: 'http://[::1]:3100/keys',
          encoded: 'http%3A%2F%2Flocalhost%3A3100%2Fcb',
          other: 'http://localhost:4110/x',
          longer: 'http://localhost:31001/',
          elsewhere: 'http://example.test:3100/',
        }),
        response({ issuer: 'http://127.0.0.1:4110', loopback: 'http://127.0.0.2:4110/x' }),
      ),
      loopback,
    );
    expect(body(out.baseline)).toEqual({
      issuer: ORIGIN_TOKEN,
      jwks: `${ORIGIN_TOKEN}/keys`,
      encoded: `${ORIGIN_TOKEN}%2Fcb`,
      // The other side's port, a longer port and another host stay as they are.
      other: 'http://localhost:4110/x',
      longer: 'http://localhost:31001/',
      elsewhere: 'http://example.test:3100/',
    });
    // 127.0.0.2 is loopback too, but not a name the target's own address is written with.
    expect(body(out.candidate)).toEqual({
      issuer: ORIGIN_TOKEN,
      loopback: 'http://127.0.0.2:4110/x',
    });
  });

  it('reads a host that is not loopback only under its own name', () => {
    const out = normaliseOrigins(
      exchange(
        response({ a: 'http://localhost:3100/x', b: 'http://10.0.0.1:3100/x' }),
        response({}),
      ),
      { baseline: originForms('http://10.0.0.1:3100'), candidate: undefined },
    );
    expect(body(out.baseline)).toEqual({ a: 'http://localhost:3100/x', b: `${ORIGIN_TOKEN}/x` });
  });
});
