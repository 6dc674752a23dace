/**
 * A short credential of digits written in the case library (an API key
 * `7730`, a signature `0000`) and a long number each side draws for a write
 * that holds those four digits by chance, on real servers
 * (`core/redact/forms.ts`, `ownDigits`). Redacted inside the number, the
 * number would lose its form (`4968…[redacted]…`) and with it the evidence
 * that it is each side's own (a decimal longer than any 64-bit integer, in
 * the answer to a write both sides accepted): a row per run whose draw
 * happened to hold the digits. Left whole, it is per-instance and no row.
 * Kept apart: the credential itself echoed still never shows, and a number
 * that really changed form (a 64-bit count against the long number) keeps
 * its row. Two shapes: an `x-api-key` and a `201` order number, an
 * `authorization` scheme's token and a `202` ticket serial.
 */
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Shape {
  readonly secret: string;
  readonly header: string;
  readonly headerValue: string;
  readonly path: string;
  readonly status: number;
  /** Where the answer holds the drawn number. */
  readonly member: readonly string[];
}

const SHAPES: readonly Shape[] = [
  {
    secret: '7730',
    header: 'x-api-key',
    headerValue: '7730',
    path: '/orders',
    status: 201,
    member: ['orderNumber'],
  },
  {
    secret: '0000',
    header: 'authorization',
    headerValue: 'Bearer 0000',
    path: '/tickets',
    status: 202,
    member: ['ticket', 'serial'],
  },
];

/** A drawn decimal of `length` digits that holds `digits` at a drawn place. */
function drawnHolding(digits: string, length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  const at = randomInt(1, length - digits.length - 1);
  return out.slice(0, at) + digits + out.slice(at + digits.length);
}

function nested(member: readonly string[], value: unknown): Record<string, unknown> {
  const [first, ...rest] = member;
  return { [first as string]: rest.length === 0 ? value : nested(rest, value) };
}

function server(shape: Shape, kind: 'long' | 'count', side: string): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.method === 'POST' && req.url === shape.path) {
      const number = kind === 'long' ? drawnHolding(shape.secret, 56) : String(randomInt(1, 1000));
      return json(res, shape.status, { ...nested(shape.member, number), accepted: true });
    }
    if (req.method === 'GET' && req.url === '/whoami') {
      // The credential echoed whole beside a value that differs: shown redacted.
      return json(res, 200, { key: shape.secret, build: side });
    }
    return json(res, 404, { error: 'missing' });
  });
}

function cases(shape: Shape): string {
  return [
    'suite: s',
    'defaults:',
    `  headers: { ${shape.header}: "${shape.headerValue}" }`,
    'cases:',
    `  - id: write\n    request: { method: POST, path: ${shape.path}, json: { item: lamp } }`,
    '  - id: whoami\n    request: { method: GET, path: /whoami }',
    '',
  ].join('\n');
}

describe('a short credential of digits inside a number each side drew', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, candidate: 'long' | 'count') => {
    const a = await server(shape, 'long', 'north');
    const b = await server(shape, candidate, 'south');
    started.push(a, b);
    const cwd = await tempProject({ 'cases/s.yaml': cases(shape) });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    const report = await latestReport(cwd);
    const files = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8');
    return { out, report, files };
  };
  const pointer = (shape: Shape) => `/${shape.member.join('/')}`;

  it.each(SHAPES)('$header: the number is per-instance, no row', async (shape) => {
    const { report, files } = await run(shape, 'long');
    const write = report.results.find((r) => r.caseId === 's/write');
    expect(write?.verdict).toBe('equal');
    expect(write?.generated?.some((g) => g.startsWith(`${pointer(shape)} (`))).toBe(true);
    // The echoed credential is never shown: the one row is the build's.
    expect(files).toContain('[redacted]');
    expect(files).not.toContain(`"key": "${shape.secret}"`);
    expect(report.summary.rootCauses?.open ?? 0).toBe(1);
  });

  it.each(SHAPES)('$header: a number of another form keeps its row', async (shape) => {
    const { report } = await run(shape, 'count');
    const write = report.results.find((r) => r.caseId === 's/write');
    expect(write?.verdict).toBe('divergent');
    expect(write?.changes?.map((c) => c.path)).toEqual([pointer(shape)]);
  });
});
