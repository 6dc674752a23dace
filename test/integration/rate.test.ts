/** --max-in-flight and --rate against a real server that counts requests in flight. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRequest } from '../../src/core/request/plan.js';
import { createClient } from '../../src/io/http/client.js';
import { startCountingServer, type TestServer } from '../helpers/http.js';

const get = (pathAndQuery: string): PlannedRequest => ({
  method: 'GET',
  pathAndQuery,
  headers: [],
  body: undefined,
});

describe('bounds on a target', () => {
  let counting: Awaited<ReturnType<typeof startCountingServer>>;
  let server: TestServer;
  const peak = () => counting.peak();
  beforeAll(async () => {
    counting = await startCountingServer();
    server = counting.server;
  });
  afterAll(() => server.close());

  async function sendMany(options: { maxInFlight?: number; ratePerSecond?: number }, n: number) {
    counting.reset();
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
    expect(peak()).toBeLessThanOrEqual(2);
    expect(peak()).toBeGreaterThanOrEqual(1);
  });

  it('overlaps requests without the bound (the server can see more than 2)', async () => {
    await sendMany({}, 24);
    expect(peak()).toBeGreaterThan(2);
  });

  it('answers every request under --rate combined with --max-in-flight', async () => {
    const before = server.requests.length;
    const outcomes = await sendMany({ ratePerSecond: 1000, maxInFlight: 1 }, 10);
    expect(outcomes.every((o) => o.outcome === 'response')).toBe(true);
    expect(server.requests.length - before).toBe(10);
    expect(peak()).toBe(1);
  });
});
