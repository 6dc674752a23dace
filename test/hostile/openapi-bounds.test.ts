/**
 * An OpenAPI document bounds neither the size of a sample nor the work of
 * making one: `minLength: 1000000000` gives a sample cut at the documented
 * bound (1,024 characters), and a `$ref` fan-out (9 schemas of 12
 * properties, each referring to the next: 12^8 values if expanded) gives a
 * sample of at most 10,000 values; a document whose `$ref`s expand past
 * 2,000,000 values (the 9 × 12 fan-out: 12^9) is refused before the parser
 * expands them. Import, fuzz and a run that names such a document end
 * promptly, never with a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { startBin } from './helpers.js';

const doc = (schemas: Record<string, unknown>, root: string) =>
  JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'x', version: '1' },
    paths: {
      '/x': {
        post: {
          requestBody: {
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${root}` } } },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { schemas },
  });

const HUGE_STRING = doc(
  { S: { type: 'object', properties: { name: { type: 'string', minLength: 1_000_000_000 } } } },
  'S',
);

/** `S0` … `S8`, each with 12 properties referring to the next (the last a string). */
function fanOut(levels: number, width = 12): string {
  const schemas: Record<string, unknown> = {};
  for (let level = 0; level < levels; level++) {
    const next =
      level + 1 < levels ? { $ref: `#/components/schemas/S${level + 1}` } : { type: 'string' };
    schemas[`S${level}`] = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: width }, (_, n) => [`p${n}`, next])),
    };
  }
  return doc(schemas, 'S0');
}

/** Runs the bin, SIGKILLed after `ms`; the outcome says whether it was. */
async function bounded(args: string[], cwd: string, ms = 30_000) {
  const bin = await startBin(args, cwd, { packages: true });
  const killer = setTimeout(() => bin.child.kill('SIGKILL'), ms);
  const outcome = await bin.done;
  clearTimeout(killer);
  expect(outcome.signal, `still running after ${ms} ms`).toBeNull();
  expect(outcome.stderr).not.toMatch(/\n\s+at |RangeError|internal error/);
  return outcome;
}

describe('an OpenAPI document that asks for huge samples', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  afterAll(async () => server.close());

  it('minLength 1000000000: import writes a sample cut at 1,024 characters', async () => {
    const cwd = await tempProject({ 'api.json': HUGE_STRING });
    const outcome = await bounded(['import', 'openapi', 'api.json'], cwd);
    expect(outcome.code, outcome.stderr).toBe(0);
    const files = outcome.stdout.match(/cases\/[^\s]+\.yaml/g) ?? [];
    expect(files.length, outcome.stdout).toBeGreaterThan(0);
    const text = await readFile(join(cwd, files[0] ?? ''), 'utf8');
    const name = /name: (\S+)/.exec(text)?.[1] ?? '';
    expect(name).toMatch(/^stringx+$/);
    expect(name.length).toBe(1024);
    expect(text.length).toBeLessThan(4_000);
  });

  it('minLength 1000000000: fuzz --openapi fuzzes the operation', async () => {
    const cwd = await tempProject({
      'api.json': HUGE_STRING,
      'parity.config.yaml': `targets:\n  a: { url: "${server.url}", disposable: true }\n  b: { url: "${server.url}", disposable: true }\n`,
    });
    const outcome = await bounded(
      [
        'fuzz',
        '--baseline',
        'a',
        '--candidate',
        'b',
        '--openapi',
        'api.json',
        '--allow-writes',
        '--budget',
        '20',
        '--seed',
        '1',
        '--no-tracker',
      ],
      cwd,
      60_000,
    );
    expect([0, 1], outcome.stderr).toContain(outcome.code);
  }, 90_000);

  it('a $ref fan-out of 9 × 12 (12^9 values expanded): import refuses it at once, saying why', async () => {
    const cwd = await tempProject({ 'api.json': fanOut(9) });
    const outcome = await bounded(['import', 'openapi', 'api.json'], cwd);
    expect(outcome.code, outcome.stderr).toBe(2);
    expect(outcome.stderr).toMatch(/api\.json:1:1: .*\$refs expand to more than 2,000,000 values/);
  }, 60_000);

  it('a $ref fan-out of 5 × 12, under the bound: import writes a sample of at most 10,000 values', async () => {
    const cwd = await tempProject({ 'api.json': fanOut(5) });
    const outcome = await bounded(['import', 'openapi', 'api.json'], cwd);
    expect(outcome.code, outcome.stderr).toBe(0);
    const files = outcome.stdout.match(/cases\/[^\s]+\.yaml/g) ?? [];
    const text = await readFile(join(cwd, files[0] ?? ''), 'utf8');
    // 12^4 strings unbounded; 10,000 values at most: one `pN: string` each.
    expect(text.match(/: string/g)?.length ?? 0).toBeLessThanOrEqual(10_000);
    expect(text.match(/: string/g)?.length ?? 0).toBeGreaterThan(1_000);
  }, 60_000);

  it("a $ref fan-out named as a run's openapi: document: the run ends promptly", async () => {
    const cwd = await tempProject({
      'api.json': fanOut(9),
      'parity.config.yaml': 'openapi: api.json\n',
      'cases/s.yaml':
        'suite: s\ncases:\n  - id: c\n    request: { method: POST, path: /x, json: {} }\n',
    });
    const outcome = await bounded(
      ['run', '--baseline', `a=${server.url}`, '--candidate', `b=${server.url}`, '--no-tracker'],
      cwd,
    );
    expect(outcome.code, outcome.stderr).toBe(2);
    expect(outcome.stderr).toMatch(/\$refs expand to more than/);
  }, 60_000);
});
