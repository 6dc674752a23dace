/**
 * A shadow run holds its divergent results in memory until it closes, each
 * with both bodies: a run whose divergent results take NOTABLE_BYTES_PER_RUN
 * bytes as written is full, so the session closes it (its reports written)
 * and goes on in a new one, long before the count of them would (5,000),
 * and no compared pair is lost between the two. Two pairs of servers, with
 * large answers of different shapes and names.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { NOTABLE_BYTES_PER_RUN } from '../../src/engine/shadow/shadow-segment.js';
import { tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

const servers: TestServer[] = [];
const agent = new Agent({ keepAliveTimeout: 10, connections: 4 });
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** `count` strings of 2,000 characters (a preview keeps each whole, up to 128 K characters a body). */
const texts = (count: number, seed: string) =>
  Array.from({ length: count }, (_, i) => `${seed}-${i}-`.padEnd(2000, seed.slice(0, 1)));

/** A catalogue: the candidate writes `price` as a string. */
function catalogue(side: 'baseline' | 'candidate') {
  return (id: number) => ({
    sku: `sku-${id}`,
    price: side === 'candidate' ? String(id * 3) : id * 3,
    description: texts(60, 'catalogue'),
  });
}

/** A directory of people: the candidate leaves out `verified`. */
function directory(side: 'baseline' | 'candidate') {
  return (id: number) => ({
    userId: id,
    ...(side === 'candidate' ? {} : { verified: true }),
    biography: Object.fromEntries(texts(60, 'biography').map((text, i) => [`chapter${i}`, text])),
  });
}

const PAIRS = { catalogue, directory };
const REQUESTS = 25;

async function runs(cwd: string): Promise<string[]> {
  return (await readdir(join(cwd, 'reports'))).filter((name) => name !== 'latest').sort();
}

describe('a shadow run full of large divergent results', () => {
  it.each(Object.keys(PAIRS) as (keyof typeof PAIRS)[])(
    '%s: closes once they take the bytes a run holds, and goes on in the next',
    async (name) => {
      const make = PAIRS[name];
      const serve = (body: (id: number) => unknown) =>
        startServer((req, res) => json(res, 200, body(Number(/\d+$/.exec(req.url ?? '')?.[0]))));
      const [baseline, candidate] = await Promise.all([
        serve(make('baseline')),
        serve(make('candidate')),
      ]);
      servers.push(baseline, candidate);
      const cwd = await tempProject();
      const proxy = await startShadowCli(
        cwd,
        listenArgs(
          'proxy',
          `a=${baseline.url}`,
          `b=${candidate.url}`,
          '--no-tracker',
          '--json',
          '--concurrency',
          '1',
        ),
      );
      for (let id = 1; id <= REQUESTS; id++) {
        const answer = await request(`${proxy.url}/items/${id}`, { dispatcher: agent });
        expect(answer.statusCode).toBe(200);
        await answer.body.dump({ limit: Number.POSITIVE_INFINITY });
      }
      proxy.signal('SIGTERM');
      expect(await proxy.ended).toBe(0);
      const last = JSON.parse(proxy.stdout().trim().split('\n').at(-1) ?? '{}') as {
        compared: number;
        divergent: number;
        runs: number;
      };
      expect(last).toMatchObject({ compared: REQUESTS, divergent: REQUESTS, runs: 2 });
      const report = async (run: string) =>
        JSON.parse(await readFile(join(cwd, 'reports', run, 'report.json'), 'utf8')) as RunReport;
      // Run ids sort by the second they started in: two runs of one second are ordered by their reports' start.
      const both = await Promise.all(
        (await runs(cwd)).map(async (run) => ({ run, report: await report(run) })),
      );
      both.sort((x, y) => x.report.startedAt.localeCompare(y.report.startedAt));
      const [first] = both.map((entry) => entry.run);
      const [a, b] = both.map((entry) => entry.report) as [RunReport, RunReport];
      // The first run closed as soon as its divergent results took the bytes, not at 5,000.
      const lines = (await stat(join(cwd, 'reports', first ?? '', 'results.ndjson'))).size;
      const perLine = lines / a.results.length;
      expect(lines).toBeGreaterThanOrEqual(NOTABLE_BYTES_PER_RUN);
      expect(lines).toBeLessThan(NOTABLE_BYTES_PER_RUN + perLine);
      expect(a.results.length).toBeLessThan(REQUESTS);
      // Every request compared once, in one run or the other, in order.
      const ids = [...a.results, ...b.results].map((r) => r.request.path);
      expect(ids).toEqual(Array.from({ length: REQUESTS }, (_, i) => `/items/${i + 1}`));
      expect([...a.results, ...b.results].every((r) => r.verdict === 'divergent')).toBe(true);
    },
    120_000,
  );
});
