/**
 * A short list of records each side created in one flow, each record named
 * by a UUID its side drew, listed in another order on the two sides, on real
 * servers (`core/normalise/drawn-order.ts`). Below five elements the order
 * proves nothing (two records are in their own keys' order, one way or the
 * other, every time; three one time in three): the list awaits evidence,
 * neither an open row nor hidden. Kept apart: five records or more listed
 * the other way round (a real change of sort) and a short list whose record
 * changed keep their open rows. Two shapes: a bare list of `{id, name,
 * slug}` and `{widgets: [{uid, label}]}`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Shape {
  readonly path: string;
  readonly key: string;
  readonly data: string;
  readonly wrap?: string;
}

const SHAPES: readonly Shape[] = [
  { path: '/projects', key: 'id', data: 'name' },
  { path: '/widgets', key: 'uid', data: 'label', wrap: 'widgets' },
];

type Listing = 'created' | 'reversed' | 'reversed-renamed';

function store(shape: Shape, listing: Listing): Promise<TestServer> {
  const records: Record<string, unknown>[] = [];
  return startServer((req, res, body) => {
    if (req.method === 'POST' && req.url === shape.path) {
      const sent = JSON.parse(body) as Record<string, unknown>;
      const record = { [shape.key]: randomUUID(), [shape.data]: sent[shape.data], kind: 'plain' };
      records.push(record);
      return json(res, 201, record);
    }
    if (req.method === 'GET' && req.url === shape.path) {
      let list = listing === 'created' ? [...records] : [...records].reverse();
      if (listing === 'reversed-renamed') {
        list = list.map((r, i) => (i === 0 ? { ...r, kind: 'pinned' } : r));
      }
      return json(res, 200, shape.wrap === undefined ? list : { [shape.wrap]: list });
    }
    return json(res, 404, { error: 'missing' });
  });
}

const NAMES = ['storefront', 'backoffice', 'checkout', 'search', 'ledger', 'mailer'];

function cases(shape: Shape, count: number): string {
  const steps = NAMES.slice(0, count)
    .map(
      (name) =>
        `      - id: create-${name}\n        request: { method: POST, path: ${shape.path}, json: { ${shape.data}: ${name} } }\n`,
    )
    .join('');
  return `suite: s\nsideEffects: true\ncases:\n  - id: life\n    steps:\n${steps}      - id: list\n        request: { method: GET, path: ${shape.path} }\n`;
}

function list(report: RunReport) {
  const found = report.results.find((r) => r.caseId === 's/life/list');
  if (found === undefined) throw new Error('no list result');
  return found;
}

describe('a short list of records with drawn ids, in another order on each side', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, count: number, listing: Listing) => {
    const baseline = await store(shape, 'created');
    const candidate = await store(shape, listing);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(shape, count) });
    const out = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    return { out, report: await latestReport(cwd) };
  };
  const at = (shape: Shape) => (shape.wrap === undefined ? '/' : `/${shape.wrap}`);

  it.each(SHAPES)('$path: two or three records, the order awaits evidence', async (shape) => {
    for (const count of [2, 3]) {
      const { out, report } = await run(shape, count, 'reversed');
      expect(out.code, out.stdout).toBe(0);
      const result = list(report);
      expect(result.unsettled).toEqual([at(shape)]);
      // Whichever way the draws put each side's list: its own keys' order (own-key-order.ts), or not.
      expect(result.reordered?.[0]).toMatch(
        /elements are too few for a member they show|only \d key\(s\) each side drew/,
      );
      expect(report.summary.rootCauses).toMatchObject({ open: 0, awaitingEvidence: 1 });
    }
  });

  it.each(SHAPES)('$path: six records the other way round keep an open row', async (shape) => {
    const { out, report } = await run(shape, 6, 'reversed');
    expect(out.code, out.stdout).toBe(1);
    const result = list(report);
    expect(result.unsettled).toBeUndefined();
    expect(report.summary.rootCauses?.open ?? 0).toBeGreaterThan(0);
    expect(report.summary.rootCauses?.awaitingEvidence ?? 0).toBe(0);
  });

  it.each(SHAPES)('$path: a record changed in a short list keeps its row', async (shape) => {
    const { out, report } = await run(shape, 2, 'reversed-renamed');
    expect(out.code, out.stdout).toBe(1);
    const result = list(report);
    expect(result.unsettled).toBeUndefined();
    expect(report.summary.rootCauses?.open ?? 0).toBeGreaterThan(0);
  });
});
