import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import { openSignedToken, openSignedTokens } from '../../../../src/core/normalise/signed-tokens.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonOf, jsonSide, jsonTextSide } from '../../../helpers/json-side.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: unknown, claims: unknown, signature = 'c2lnbmF0dXJlLWJ5dGVz') =>
  `${b64(header)}.${b64(claims)}.${signature}`;

const exchange = (baseline: unknown, candidate: unknown, replica?: unknown): Exchange => ({
  case: makeCase('c', { path: '/token', method: 'POST' }),
  baseline: jsonSide(baseline),
  candidate: jsonSide(candidate),
  ...(replica === undefined ? {} : { replica: jsonSide(replica) }),
});

const body = (side: Exchange['replica']) => (side === undefined ? undefined : jsonOf(side));

describe('signed tokens', () => {
  it('opens a JWT into its header and claims, its signature set aside', () => {
    expect(openSignedToken(jwt({ alg: 'RS256', kid: 'k' }, { sub: 'ada', iat: 1 }))).toEqual({
      header: { alg: 'RS256', kid: 'k' },
      claims: { sub: 'ada', iat: 1 },
      signature: '{{generated}}',
    });
    // An unsigned token keeps its empty signature: against a signed one, that differs.
    expect(openSignedToken(`${b64({ alg: 'none' })}.${b64({ a: 1 })}.`)?.signature).toBe('');
  });

  it('opens nothing that is not a JWT', () => {
    const notJwts = [
      `${b64({ alg: 'HS256' })}.${b64({ a: 1 })}`, // two parts
      `${b64({ typ: 'JWT' })}.${b64({ a: 1 })}.c2ln`, // no alg
      `${b64({ alg: 'HS256' })}.${Buffer.from('plain text').toString('base64url')}.c2ln`,
      `${b64({ alg: 'HS256' })}.${b64([1, 2])}.c2ln`, // claims not an object
      `${b64({ alg: 'HS256' })}.${b64({ a: 1 })}.c2ln.extra`,
      'eyJhbGciOiJIUzI1NiJ9 with spaces.x.y',
      42,
    ];
    for (const value of notJwts) expect(openSignedToken(value)).toBeUndefined();
  });

  it('opens two differing tokens at one place, the replica there too, and lists the signature', () => {
    const a = jwt({ alg: 'HS256' }, { iat: 1 }, 'AAAA');
    const b = jwt({ alg: 'HS256' }, { iat: 2 }, 'BBBB');
    const r = jwt({ alg: 'HS256' }, { iat: 3 }, 'CCCC');
    const out = openSignedTokens(
      exchange({ t: { jwt: a }, same: a }, { t: { jwt: b }, same: a }, { t: { jwt: r } }),
    );
    const opened = (iat: number) => ({
      header: { alg: 'HS256' },
      claims: { iat },
      signature: '{{generated}}',
    });
    expect(body(out.baseline)).toEqual({ t: { jwt: opened(1) }, same: a });
    expect(body(out.candidate)).toEqual({ t: { jwt: opened(2) }, same: a });
    expect(body(out.replica)).toEqual({ t: { jwt: opened(3) } });
    expect(out.generated).toEqual([
      '/t/jwt/signature (the signature of a signed token (JWT) on both sides, made from the header and claims beside it: those are compared)',
    ]);
  });

  it('leaves a token against a value that is no token as it is', () => {
    const input = exchange({ t: jwt({ alg: 'HS256' }, { a: 1 }) }, { t: 'opaque-0f3a9c' });
    expect(openSignedTokens(input)).toBe(input);
  });

  describe('read off the text first', () => {
    const sent = (baseline: string, candidate: string): Exchange => ({
      case: makeCase('c', { path: '/session', method: 'POST' }),
      baseline: jsonTextSide(baseline),
      candidate: jsonTextSide(candidate),
    });

    it('opens tokens its text holds as they are', () => {
      const [a, b] = [
        jwt({ alg: 'HS256' }, { n: 1 }, 'AAAA'),
        jwt({ alg: 'HS256' }, { n: 2 }, 'BBBB'),
      ];
      const out = openSignedTokens(
        sent(
          JSON.stringify({ session: { bearer: a } }),
          JSON.stringify({ session: { bearer: b } }),
        ),
      );
      expect(body(out.candidate)).toEqual({
        session: {
          bearer: { header: { alg: 'HS256' }, claims: { n: 2 }, signature: '{{generated}}' },
        },
      });
    });

    it('still opens a token in a text that escapes its characters (`\\u0065` for each `e` of `eyJ`)', () => {
      const [a, b] = [
        jwt({ alg: 'RS256' }, { v: 'x' }, 'CCCC'),
        jwt({ alg: 'RS256' }, { v: 'y' }, 'DDDD'),
      ];
      const escaped = (token: string) =>
        `{"auth":{"access":"${token.replaceAll('eyJ', '\\u0065yJ')}"}}`;
      const out = openSignedTokens(sent(escaped(a), escaped(b)));
      expect(body(out.baseline)).toEqual({
        auth: {
          access: { header: { alg: 'RS256' }, claims: { v: 'x' }, signature: '{{generated}}' },
        },
      });
    });

    it('leaves answers whose texts hold no token as they are', () => {
      const exchange = sent('{"session":{"id":"s-1"}}', '{"session":{"id":"s-2"}}');
      expect(openSignedTokens(exchange)).toBe(exchange);
    });
  });
});
