/**
 * Issue 43: a token endpoint answers a signed JWT per call, with the call's
 * times, the issuer's own address and a drawn id in its claims, and a
 * signature made from them with each instance's own key: as strings, every
 * token differs on every call. Compared by what they say (header and claims;
 * the signature set aside), tokens that agree but for per-instance values
 * are no row, even where the claims hold a secret the request sent (a
 * nonce). A token whose claims or header differ for real keeps a row at
 * that claim. Two fixtures with other members, claims and grants; the
 * planted differences are a claim the candidate adds, and another `alg`.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed with HMAC under `key` (each instance draws its own). */
function sign(header: Record<string, unknown>, claims: Record<string, unknown>, key: Buffer) {
  const body = `${b64(header)}.${b64(claims)}`;
  const hash = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${body}.${createHmac(hash, key).update(body).digest('base64url')}`;
}

interface Api {
  readonly cases: string;
  /** Answers one request: the side's own port, its key, whether it is the candidate. */
  readonly answer: (
    url: string,
    body: string,
    side: { own: number; key: Buffer; candidate: boolean },
  ) => { status: number; body: unknown } | undefined;
  readonly rows: readonly string[];
}

const now = () => Math.floor(Date.now() / 1000);

const OAUTH: Api = {
  cases: `suite: oauth
serial: true
defaults:
  headers: { content-type: application/x-www-form-urlencoded }
cases:
  - id: password
    request: { method: POST, path: /oauth/token, text: "grant_type=password&username=ada&nonce=n-7Qx_secret42" }
  - id: audience
    request: { method: POST, path: /oauth/token, text: "grant_type=client_credentials&audience=https%3A%2F%2Fapi.example.test" }
`,
  answer: (url, body, { own, key, candidate }) => {
    if (url !== '/oauth/token') return undefined;
    const form = new URLSearchParams(body);
    const iat = now();
    const claims: Record<string, unknown> = {
      iss: `http://localhost:${own}`,
      iat,
      exp: iat + 3600,
      jti: randomUUID(),
      ...(form.get('username') === null ? {} : { sub: form.get('username') }),
      ...(form.get('nonce') === null ? {} : { nonce: form.get('nonce') }),
      // Planted: the candidate writes the audience asked for into the token.
      ...(candidate && form.get('audience') !== null ? { aud: form.get('audience') } : {}),
    };
    const header = candidate
      ? { typ: 'JWT', alg: 'HS256', kid: 'k1' }
      : { alg: 'HS256', kid: 'k1', typ: 'JWT' };
    return {
      status: 200,
      body: { access_token: sign(header, claims, key), token_type: 'Bearer', expires_in: 3600 },
    };
  },
  rows: ['shape /oauth/token: candidate adds `/access_token/claims/aud`'],
};

const SESSIONS: Api = {
  cases: `suite: sessions
serial: true
cases:
  - id: login
    request: { method: POST, path: /v2/sessions, json: { login: grace, tenant: north } }
  - id: login-admin
    request: { method: POST, path: /v2/sessions, json: { login: root, tenant: south, admin: true } }
`,
  answer: (url, body, { own, key, candidate }) => {
    if (url !== '/v2/sessions') return undefined;
    const sent = JSON.parse(body) as { login: string; tenant: string; admin?: boolean };
    const issued = now();
    const claims = {
      issuer: `http://127.0.0.1:${own}/v2`,
      auth_time: issued,
      expires_at: issued + 900,
      tenant: sent.tenant,
      user: sent.login,
      session: randomBytes(12).toString('hex'),
    };
    // Planted: the candidate signs an admin's session with another algorithm.
    const alg = candidate && sent.admin === true ? 'HS512' : 'HS256';
    return {
      status: 200,
      body: { session: { jwt: sign({ alg }, claims, key), user: sent.login }, ok: true },
    };
  },
  rows: ['value /v2/sessions: value of `/session/jwt/header/alg` differs'],
};

function server(api: Api, candidate: boolean): Promise<TestServer> {
  const key = randomBytes(32);
  let own = 0;
  return startServer((req, res, body) => {
    const answer = api.answer(req.url ?? '', body, { own, key, candidate });
    if (answer === undefined) json(res, 404, { error: 'no route' });
    else json(res, answer.status, answer.body);
  }).then((s) => {
    own = s.port;
    return s;
  });
}

describe('signed tokens compared by what they say', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['an access token in a form grant', OAUTH],
    ["a session's token in a JSON login", SESSIONS],
  ])('%s: no row for the per-instance claims; the planted change keeps its row', async (_, api) => {
    const [baseline, candidate] = await Promise.all([server(api, false), server(api, true)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(api.cases, baseline, candidate);
    expect(causes.map((c) => `${c.kind} ${c.summary}`)).toEqual(api.rows);
  });
});
