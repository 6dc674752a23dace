/**
 * The run-wide bound on body bytes in flight, with real servers: eight cases
 * of 1 MiB answers on each side, all in flight at once (the servers answer
 * only once both have every request, a piece of each answer at a time), are
 * held under the bound; without it
 * (an unlimited budget counting the same bytes) they are all held at once;
 * and a case whose answers alone are larger than the whole budget still runs,
 * with every case after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/contract/model/exchange.js';
import { createClient } from '../../src/io/http/client.js';
import { InFlightBytes, inFlightLimit } from '../../src/io/http/in-flight.js';
import { executeCases } from '../../src/io/http/pool.js';
import { makeCase } from '../helpers/case.js';
import { startServer, type TestServer } from '../helpers/http.js';

const MiB = 1024 * 1024;
const CASES = 8;
const BODY = `{"s":"${'x'.repeat(MiB - 8)}"}`;
/** What a chunk read from a socket holds at most (Node reads 64 KiB at a time). */
const CHUNK = 64 * 1024;
/** What the run may hold with a budget of `limit`: the bound, the oldest case's two answers, a chunk per answer. */
const atMost = (limit: number) => limit + 2 * BODY.length + 2 * CASES * CHUNK;

describe('bytes in flight, across the cases of a run', () => {
  let a: TestServer;
  let b: TestServer;
  /**
   * Answers wait until both servers hold every request, then go out together
   * a piece at a time (a piece of every answer, then a turn of the event
   * loop): every answer is in flight at once, and none ends much before the
   * others, so without a bound the client holds nearly all their bytes.
   */
  let waiting: import('node:http').ServerResponse[] = [];
  async function answerTogether(answers: import('node:http').ServerResponse[]): Promise<void> {
    for (const res of answers) res.writeHead(200, { 'content-type': 'application/json' });
    for (let at = 0; at < BODY.length; at += CHUNK) {
      for (const res of answers) res.write(BODY.slice(at, at + CHUNK));
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const res of answers) res.end();
  }
  beforeAll(async () => {
    const serve = () =>
      startServer((_req, res) => {
        waiting.push(res);
        if (waiting.length === 2 * CASES) {
          void answerTogether(waiting);
          waiting = [];
        }
      });
    [a, b] = await Promise.all([serve(), serve()]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  async function run(inFlight: InFlightBytes): Promise<Exchange[]> {
    const options = { connections: CASES, timeoutMs: 30_000, bodyCapBytes: 2 * MiB, retries: 0 };
    const target = (name: string, server: TestServer) => ({
      name,
      url: new URL(server.url),
      headers: [],
    });
    const baseline = createClient(target('a', a), { ...options, inFlight });
    const candidate = createClient(target('b', b), { ...options, inFlight });
    const exchanges: Exchange[] = [];
    try {
      await executeCases({
        cases: Array.from({ length: CASES }, (_, n) => makeCase(`big-${n}`, { path: `/big/${n}` })),
        baseline,
        candidate,
        concurrency: CASES,
        inFlight,
        onExchange: (exchange) => {
          exchanges.push(exchange);
        },
      });
    } finally {
      await Promise.all([baseline.close(), candidate.close()]);
    }
    // Every answer came whole, and every hold was released.
    expect(exchanges).toHaveLength(CASES);
    for (const exchange of exchanges) {
      for (const side of [exchange.baseline, exchange.candidate]) {
        expect(side.outcome === 'response' && side.response.wireBytes).toBe(BODY.length);
      }
    }
    expect(inFlight.bytes).toBe(0);
    return exchanges;
  }

  it('without a bound, the eight cases hold their 16 MiB at once (the control)', async () => {
    const unbounded = new InFlightBytes(Number.POSITIVE_INFINITY);
    await run(unbounded);
    expect(unbounded.peak).toBeGreaterThan(2 * atMost(2 * MiB));
  });

  it('holds at most the bound, plus the oldest case, plus a chunk per answer', async () => {
    const limit = 2 * MiB;
    const bounded = new InFlightBytes(limit);
    await run(bounded);
    expect(bounded.peak).toBeGreaterThan(limit);
    expect(bounded.peak).toBeLessThanOrEqual(atMost(limit));
  });

  it('runs a case larger than the whole budget, and every case after it (no deadlock)', async () => {
    const tiny = new InFlightBytes(MiB / 2);
    await run(tiny);
    expect(tiny.peak).toBeLessThanOrEqual(atMost(MiB / 2));
  });

  it('is sized so ordinary bodies never wait: a case of two full bodies, and 1 MiB answers per case', () => {
    expect(inFlightLimit(16 * MiB, 8)).toBe(48 * MiB);
    expect(inFlightLimit(2 * MiB, 8)).toBe(4 * MiB + 16 * MiB);
    expect(inFlightLimit(256 * 1024, 4)).toBe(512 * 1024 + 2 * MiB);
  });
});
