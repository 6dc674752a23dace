/** --max-in-flight and --rate against a real server that counts requests in flight. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/execute/client.js';
import type { PlannedRequest } from '../../src/execute/plan.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const get = (pathAndQuery: string): PlannedRequest => ({
  method: 'GET',
  pathAndQuery,
  headers: [],
  body: undefined,
});

describe('bounds on a target', () => {
  let server: TestServer;
  let active = 0;
  let peak = 0;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      active++;
      peak = Math.max(peak, active);
      // Hold each request briefly so that unbounded clients would overlap.
      setTimeout(() => {
        active--;
        json(res, 200, { ok: true });
      }, 5);
    });
  });
  afterAll(() => server.close());

  async function sendMany(options: { maxInFlight?: number; ratePerSecond?: number }, n: number) {
    active = 0;
    peak = 0;
    const client = createClient(
      { name: 'b', url: new URL(server.url), headers: [] },
      { connections: 16, timeoutMs: 5000, bodyCapBytes: 1 << 20, retries: 0, ...options },
    );
    try {
      return await Promise.all(Array.from({ length: n }, (_, k) => client.send(get(`/r/${k}`))));
    } finally {
      await client.close();
    }
  }

  it('sends at most --max-in-flight requests at once, and every request', async () => {
    const outcomes = await sendMany({ maxInFlight: 2 }, 24);
    expect(outcomes.every((o) => o.outcome === 'response')).toBe(true);
    expect(peak).toBeLessThanOrEqual(2);
    expect(peak).toBeGreaterThanOrEqual(1);
  });

  it('overlaps requests without the bound (the server can see more than 2)', async () => {
    await sendMany({}, 24);
    expect(peak).toBeGreaterThan(2);
  });

  it('answers every request under --rate combined with --max-in-flight', async () => {
    const before = server.requests.length;
    const outcomes = await sendMany({ ratePerSecond: 1000, maxInFlight: 1 }, 10);
    expect(outcomes.every((o) => o.outcome === 'response')).toBe(true);
    expect(server.requests.length - before).toBe(10);
    expect(peak).toBe(1);
  });
});
