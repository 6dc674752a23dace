/**
 * A list each side orders by ids it drew at random, the ids in the answer,
 * on real servers (`core/normalise/own-key-order.ts`): eight records created
 * without an id, each side drawing a random UUID for each, then a list. Where
 * both sides list by id, each side's order is its own ids' order and the
 * records come back in another relative order: settled in one run, no row.
 * Where the candidate lists in creation order instead, a real change of
 * order: an open row, never hidden nor awaiting. Two shapes: a bare list of
 * `{id, name}`, and `{items: [{key, label}]}`.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Shape {
  readonly member: string;
  readonly data: string;
  readonly wrap?: string;
  readonly path: string;
}

/**
 * A store drawing a random UUID for each record a `POST` sends (its first
 * digit `first` where given) and keeping a `PUT`'s own id; its list by id, or
 * in creation order.
 */
function store(shape: Shape, order: 'by-id' | 'created', first?: string): Promise<TestServer> {
  const records: Record<string, unknown>[] = [];
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === shape.path) {
      const sent = JSON.parse(body) as Record<string, unknown>;
      const drawn = randomUUID();
      const id = first === undefined ? drawn : `${first}${drawn.slice(1)}`;
      const record = { [shape.member]: id, [shape.data]: sent[shape.data] };
      records.push(record);
      return json(res, 201, record);
    }
    if (req.method === 'PUT' && url.pathname.startsWith(`${shape.path}/`)) {
      const sent = JSON.parse(body) as Record<string, unknown>;
      const record = {
        [shape.member]: url.pathname.slice(shape.path.length + 1),
        [shape.data]: sent[shape.data],
      };
      records.push(record);
      return json(res, 201, record);
    }
    if (req.method === 'GET' && url.pathname === shape.path) {
      const list =
        order === 'created'
          ? [...records]
          : [...records].sort((x, y) =>
              String(x[shape.member]) < String(y[shape.member]) ? -1 : 1,
            );
      return json(res, 200, shape.wrap === undefined ? list : { [shape.wrap]: list });
    }
    return json(res, 404, { error: 'missing' });
  });
}

// Not in alphabetical order: nothing the records show sorts a list in creation order.
const NAMES = ['kiwi', 'apple', 'plum', 'fig', 'mango', 'date', 'lime', 'cherry'];

function cases(shape: Shape): string {
  const creates = NAMES.map(
    (name) =>
      `  - id: create-${name}\n    request: { method: POST, path: ${shape.path}, json: { ${shape.data}: ${name} } }\n`,
  ).join('');
  return `suite: store\nserial: true\ncases:\n${creates}  - id: list\n    request: { method: GET, path: ${shape.path} }\n`;
}

function list(report: RunReport) {
  const found = report.results.find((r) => r.caseId === 'store/list');
  if (found === undefined) throw new Error('no list result');
  return found;
}

const SHAPES: readonly Shape[] = [
  { member: 'id', data: 'name', path: '/records' },
  { member: 'key', data: 'label', wrap: 'items', path: '/tags' },
];

describe('a list each side orders by the random ids it drew, the ids in the answer', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, candidateOrder: 'by-id' | 'created') => {
    const baseline = await store(shape, 'by-id');
    const candidate = await store(shape, candidateOrder);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/store.yaml': cases(shape) });
    const out = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    return { out, report: await latestReport(cwd) };
  };

  it.each(SHAPES)('/$member values on both sides: settled by one run, no row', async (shape) => {
    const { out, report } = await run(shape, 'by-id');
    expect(out.code, out.stdout).toBe(0);
    const result = list(report);
    expect(result.verdict).toBe('equal');
    const at = shape.wrap === undefined ? '/' : `/${shape.wrap}`;
    expect(result.generated).toContain(
      `${at} (each side's list in the order of its own /*/${shape.member} values: 8 keys each side drew, their records in another relative order on each side (a list ordered otherwise shows that 1 time in 40,320))`,
    );
    expect(result.unsettled).toBeUndefined();
    expect(report.summary.rootCauses?.open).toBe(0);
    expect(report.summary.rootCauses?.awaitingEvidence ?? 0).toBe(0);
  });

  it.each(SHAPES)('/$member: the candidate lists in creation order, an open row', async (shape) => {
    const { out, report } = await run(shape, 'created');
    expect(out.code, out.stdout).toBe(1);
    const result = list(report);
    expect(result.verdict).toBe('divergent');
    expect(result.unsettled).toBeUndefined();
    expect(result.reordered).toBeUndefined();
    expect(report.summary.rootCauses?.awaitingEvidence ?? 0).toBe(0);
    expect(report.summary.rootCauses?.open).toBeGreaterThan(0);
  });
});

describe('one drawn id beside a record both sides name: too few for one run', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  it.each(SHAPES)('/$member: awaits evidence, its row says why', async (shape) => {
    // The baseline's drawn id sorts before `doc1`, the candidate's after it.
    const baseline = await store(shape, 'by-id', '0');
    const candidate = await store(shape, 'by-id', 'f');
    started.push(baseline, candidate);
    const files = {
      'cases/store.yaml': `suite: store\nserial: true\ncases:\n  - id: put\n    request: { method: PUT, path: ${shape.path}/doc1, json: { ${shape.data}: first } }\n  - id: post\n    request: { method: POST, path: ${shape.path}, json: { ${shape.data}: second } }\n  - id: list\n    request: { method: GET, path: ${shape.path} }\n`,
    };
    const cwd = await tempProject(files);
    const out = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    // Awaiting evidence only: `--fail-on open` passes.
    expect(out.code, out.stdout).toBe(0);
    const report = await latestReport(cwd);
    expect(report.summary.rootCauses).toMatchObject({ open: 0, awaitingEvidence: 1 });
    const result = list(report);
    const at = shape.wrap === undefined ? '/' : `/${shape.wrap}`;
    expect(result.unsettled?.[0]).toBe(at);
    expect(result.reordered?.[0]).toContain('only 1 key(s) each side drew');
    const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    const rows = tracker.split('\n').filter((line) => line.startsWith('| PAR-'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('_awaiting_');
    expect(rows[0]).toContain(
      "unsettled: the same elements in another order, each side's list in the order of its own keys it drew, too few for one run",
    );
  });
});
