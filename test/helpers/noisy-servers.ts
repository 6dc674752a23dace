/**
 * A pair of servers that differ only by noise (random ids, timestamps,
 * shuffled arrays, maps keyed by random ids, volatile headers), except where
 * `planted` says otherwise. Real node:http servers on 127.0.0.1 port 0.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, startServer, type TestServer } from './http.js';

/** A random permutation (Fisher–Yates) that differs from the input order. */
function shuffled<T>(items: readonly T[]): T[] {
  for (;;) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    if (out.some((item, i) => item !== items[i])) return out;
  }
}

function noiseHeaders(): Record<string, string> {
  return { 'x-request-id': randomUUID() };
}

function stamp(): string {
  return new Date(Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 1e9)).toISOString();
}

function record(id: number, planted: boolean) {
  return {
    id,
    name: planted && id === 2 ? 'bob' : `Record ${id}`,
    requestId: randomUUID(),
    updatedAt: stamp(),
    // Eight tags and six items: two calls agree on the order about once in 40320 and 720.
    tags: shuffled(['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta', 'eta', 'theta']),
    items: shuffled(
      ['one', 'two', 'three', 'four', 'five', 'six'].map((label, i) => ({ id: i + 1, label })),
    ),
    sessions: { [randomUUID()]: { active: true }, [randomUUID()]: { active: false } },
  };
}

function user(id: number, planted: boolean) {
  const base = { id, login: `user${id}`, traceId: randomUUID(), seenAt: stamp() };
  return planted && id === 7 ? base : { ...base, email: `user${id}@example.com` };
}

/** A handler for one side; `planted` adds the three real divergences of the candidate. */
export function noisyHandler(planted: boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const recordMatch = /^\/v1\/records\/(\d+)$/.exec(url);
    if (recordMatch !== null) {
      json(res, 200, record(Number(recordMatch[1]), planted), noiseHeaders());
      return;
    }
    const userMatch = /^\/v1\/users\/(\d+)$/.exec(url);
    if (userMatch !== null) {
      json(res, 200, user(Number(userMatch[1]), planted), noiseHeaders());
    } else if (url === '/v1/health') {
      const health = { ok: !planted, uptime: Math.random() };
      json(res, planted ? 503 : 200, health, noiseHeaders());
    } else {
      json(res, 404, { error: 'not found' });
    }
  };
}

/** The old runtime and its rewrite: noise everywhere, three planted divergences on the rewrite. */
export async function startNoisyPair(): Promise<{ old: TestServer; rewrite: TestServer }> {
  const old = await startServer(noisyHandler(false));
  const rewrite = await startServer(noisyHandler(true));
  return { old, rewrite };
}

/** A baseline whose `/flaky` answer has a `debug` key on every other call. */
export async function startFlakyServer(): Promise<TestServer> {
  let calls = 0;
  return startServer((_req, res) => {
    calls++;
    const body = { ok: true, at: stamp() };
    json(res, 200, calls % 2 === 0 ? { ...body, debug: { node: 'a' } } : body);
  });
}

/** Case file for the noisy pair: 4 records, 4 users, health; the planted ones are records/2, users/7, health. */
export const NOISY_CASES = `suite: noisy
defaults:
  rules:
    headers: [x-request-id]
cases:
${[1, 2, 3, 4].map((n) => `  - id: record-${n}\n    request: { method: GET, path: /v1/records/${n} }`).join('\n')}
${[5, 6, 7, 8].map((n) => `  - id: user-${n}\n    request: { method: GET, path: /v1/users/${n} }`).join('\n')}
  - id: health
    request: { method: GET, path: /v1/health }
`;
