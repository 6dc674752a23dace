import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/model/case.js';
import { NO_NOISE } from '../../src/io/config/noise-settings.js';
import { createClient } from '../../src/io/http/client.js';
import { executeCases } from '../../src/io/http/pool.js';
import { createNoiseStep } from '../../src/judge/noise/step.js';
import type { Judged } from '../../src/judge/stage.js';
import { makeCase } from '../helpers/case.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { divergenceOf } from '../helpers/judgement.js';

const ORDER = ['a', 'b', 'c', 'd'];

describe('noise step against real servers', () => {
  let steady: TestServer;
  let shuffling: TestServer;
  let reversed: TestServer;
  let calls = 0;
  beforeAll(async () => {
    steady = await startServer((_req, res) =>
      json(res, 200, { tags: ORDER }, { 'x-request-id': 'one' }),
    );
    shuffling = await startServer((_req, res) => {
      calls++;
      const k = calls % ORDER.length;
      json(
        res,
        200,
        { tags: [...ORDER.slice(k), ...ORDER.slice(0, k)] },
        { 'x-request-id': `r${calls}` },
      );
    });
    reversed = await startServer((_req, res) => json(res, 200, { tags: [...ORDER].reverse() }));
  });
  afterAll(async () => Promise.all([steady.close(), shuffling.close(), reversed.close()]));

  async function run(
    baseline: TestServer,
    candidate: TestServer,
    cases: Case[],
  ): Promise<Judged[]> {
    const options = { connections: 2, timeoutMs: 5000, bodyCapBytes: 1 << 20, retries: 0 };
    const target = (name: string, server: TestServer) => ({
      name,
      url: new URL(server.url),
      headers: [],
    });
    const clients = [
      createClient(target('b', baseline), options),
      createClient(target('c', candidate), options),
      createClient(target('r', baseline), options),
    ] as const;
    const step = createNoiseStep({ ...NO_NOISE, enabled: true });
    const out: Judged[] = [];
    try {
      await executeCases({
        cases,
        baseline: clients[0],
        candidate: clients[1],
        replica: { client: clients[2], runsFlows: false },
        concurrency: 2,
        onExchange: (exchange) => out.push(step.judge(exchange)),
      });
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    return out;
  }

  it('sends each case to the replica too and masks order noise the baseline shows itself', async () => {
    const judged = await run(shuffling, reversed, [makeCase('s', { path: '/s' })]);
    expect(judged[0]?.exchange.replica?.outcome).toBe('response');
    expect(judged[0]?.judgement.verdict).toBe('equal');
    expect(judged[0]?.annotation.noise).toEqual(['/tags']);
  });

  it('keeps an order change when the baseline does not shuffle', async () => {
    const judged = await run(steady, reversed, [makeCase('s', { path: '/s' })]);
    expect(judged[0]?.annotation).toEqual({});
    expect(judged[0]?.judgement.verdict).toBe('divergent');
  });

  it('compares a volatile header for presence only', async () => {
    const rules = { headers: ['x-request-id'] };
    const present = await run(steady, shuffling, [
      makeCase('h', { path: '/h' }, { ...rules, sortArrays: ['/tags'] }),
    ]);
    expect(present[0]?.judgement.verdict).toBe('equal');
    const absent = await run(steady, reversed, [
      makeCase('h', { path: '/h' }, { ...rules, sortArrays: ['/tags'] }),
    ]);
    expect(
      absent[0] === undefined ? undefined : divergenceOf(absent[0].judgement)?.headerChanges,
    ).toEqual([{ name: 'x-request-id', baseline: '(present)', candidate: undefined }]);
  });
});
