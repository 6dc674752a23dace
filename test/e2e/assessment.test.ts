/**
 * Observe once, assess once: results.ndjson holds each case as observed and
 * is never rewritten to show what the end of the run decided; assessment.json
 * beside it holds that (tracker rows and the verdict after the decisions,
 * consequences, regression marks, learned noise), and the two combined are
 * exactly the results report.json lists.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contract/observation.js';
import { readAssessedResults } from '../../src/judge/results/assessment-file.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** Side `b` refuses the write its flow reads back, and writes a price as a string. */
function api(side: 'a' | 'b') {
  return startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'POST' && path === '/carts') {
      return side === 'a' ? json(res, 201, { id: 1 }) : json(res, 400, { error: 'no' });
    }
    if (path === '/carts/1') {
      return side === 'a' ? json(res, 200, { id: 1, items: [] }) : json(res, 404, {});
    }
    return json(res, 200, { path, price: side === 'a' ? 1 : '1', at: Date.now() });
  });
}

const CASES = `suite: shop
cases:
  - id: price
    request: { method: GET, path: /price }
  - id: same
    request: { method: GET, path: /same-for-both }
    rules: { ignore: [/price, /at] }
`;

const FLOW = `suite: carts
sideEffects: true
cases:
  - id: cart
    steps:
      - id: create
        request: { method: POST, path: /carts, json: {} }
      - id: read
        request: { method: GET, path: /carts/1 }
`;

/** report.json's results (as their JSON text) by case id. */
async function listed(folder: string): Promise<Map<string, string>> {
  const report: { results: Observation[] } = JSON.parse(
    await readFile(join(folder, 'report.json'), 'utf8'),
  );
  return new Map(report.results.map((r) => [r.caseId, JSON.stringify(r)]));
}

async function observed(folder: string): Promise<Map<string, Observation>> {
  const text = await readFile(join(folder, 'results.ndjson'), 'utf8');
  const lines = text.split('\n').filter((line) => line !== '');
  return new Map(
    lines.map((line) => {
      const result: Observation = JSON.parse(line);
      return [result.caseId, result];
    }),
  );
}

async function expectCombined(folder: string): Promise<void> {
  const combined = await readAssessedResults(folder);
  const expected = await listed(folder);
  expect(new Map(combined.map((r) => [r.caseId, JSON.stringify(r)]))).toEqual(expected);
}

describe('the assessment beside the observations', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await api('a');
    b = await api('b');
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('combines with results.ndjson into report.json, which never goes stale', async () => {
    const cwd = await tempProject({ 'cases/shop.yaml': CASES, 'cases/carts.yaml': FLOW });
    const pair = ['--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`];
    const first = await runCli(cwd, ['run', ...pair, '--noise']);
    expect(first.code, first.stderr).toBe(1);
    const firstDir = join(cwd, 'reports', 'latest');
    await expectCombined(firstDir);
    // The flow's read follows from the write only one side accepted: a consequence.
    const report = JSON.parse(await readFile(join(firstDir, 'report.json'), 'utf8'));
    const read = report.results.find((r: Observation) => r.caseId === 'carts/cart/read');
    expect(read.findings.every((f: { consequenceOf?: string }) => f.consequenceOf)).toBe(true);
    const readObserved = (await observed(firstDir)).get('carts/cart/read');
    expect(readObserved?.verdict).toBe('divergent');
    if (readObserved?.verdict === 'divergent') {
      // As observed: no tracker row, no consequence.
      expect(readObserved.findings.some((f) => Object.hasOwn(f, 'consequenceOf'))).toBe(false);
      expect(readObserved.findings.some((f) => Object.hasOwn(f, 'tracker'))).toBe(false);
    }
    const price = report.results.find((r: Observation) => r.caseId === 'shop/price');
    const row = price.findings[0].tracker.id;
    const decided = await runCli(cwd, ['decide', row, 'accepted', '--note', 'fine']);
    expect(decided.code, decided.stderr).toBe(0);

    const second = await runCli(cwd, [
      'run',
      ...pair,
      '--noise',
      '--compare-to',
      join(firstDir, 'report.json'),
    ]);
    expect(second.code, second.stderr).toBe(1);
    const secondDir = join(cwd, 'reports', 'latest');
    await expectCombined(secondDir);
    const again = JSON.parse(await readFile(join(secondDir, 'report.json'), 'utf8'));
    const accepted = again.results.find((r: Observation) => r.caseId === 'shop/price');
    expect(accepted).toMatchObject({ verdict: 'accepted', regression: 'persisting' });
    // The line of results.ndjson is the observation: divergent, no mark, no row.
    const line = (await observed(secondDir)).get('shop/price');
    expect(line?.verdict).toBe('divergent');
    expect(Object.hasOwn(line ?? {}, 'regression')).toBe(false);
    expect(again.summary).toMatchObject({ accepted: 1 });
  });

  it('holds what the endpoint noise learned at the end masks in each case, never a second result', async () => {
    let calls = 0;
    // `at` changes on every call of four items: noise of the endpoint, which item 5
    // (steady on the baseline, another value on the candidate) shows only once it is known.
    const noisy = (side: 'a' | 'b') =>
      startServer((req, res) => {
        const id = Number((req.url ?? '').split('/')[2]);
        const at = id === 5 ? (side === 'a' ? 'steady' : 'other') : `t${calls++}`;
        json(res, 200, { id, at });
      });
    const base = await noisy('a');
    const cand = await noisy('b');
    try {
      const cases = `suite: items\ncases:\n${[1, 2, 3, 4, 5]
        .map((n) => `  - id: i${n}\n    request: { method: GET, path: /items/${n} }\n`)
        .join('')}`;
      const cwd = await tempProject({ 'cases/items.yaml': cases });
      const pair = ['--baseline', `a=${base.url}`, '--candidate', `b=${cand.url}`];
      const run = await runCli(cwd, ['run', ...pair, '--noise', '--no-tracker']);
      expect(run.code, run.stderr).toBe(0);
      const dir = join(cwd, 'reports', 'latest');
      const assessment = JSON.parse(await readFile(join(dir, 'assessment.json'), 'utf8'));
      expect(assessment.schemaVersion).toBe(2);
      expect(assessment.masked).toBeUndefined();
      // The mask and its reason, not the case judged again: the learned noise is its evidence.
      expect(assessment.masks).toEqual({
        'items/i5': [{ by: 'noise', values: ['/at'], orders: [], headers: [] }],
      });
      expect((await observed(dir)).get('items/i5')?.verdict).toBe('divergent');
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.noise.entries).toContainEqual(
        expect.objectContaining({ endpoint: 'GET /items/:id', path: '/at', decision: 'noise' }),
      );
      // Read back, the case reads as judged again under the mask: equal.
      const combined = await readAssessedResults(dir);
      expect(combined.find((r) => r.caseId === 'items/i5')?.verdict).toBe('equal');
      await expectCombined(dir);
    } finally {
      await Promise.all([base.close(), cand.close()]);
    }
  });
});
