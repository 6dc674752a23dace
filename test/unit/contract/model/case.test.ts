/**
 * The case contract is its schema (`caseSchemas`): every case the loader
 * resolves, from plain JSON files (checked without zod) to flows with every
 * kind of capture, YAML with every rule and the shipped libraries, is a
 * `Case` as the schema declares it, strictly (no field it does not name),
 * and the schema refuses what a case is not.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Case, caseSchemas } from '../../../../src/contract/model/case.js';
import { loadCases } from '../../../../src/io/cases/load.js';

const ROOT = resolve(import.meta.dirname, '../../../..');

const PLAIN = {
  suite: 'plain',
  cases: [
    { id: 'get', request: { method: 'GET', path: '/items/1?b=2&a=%201' } },
    { id: 'post', request: { method: 'POST', path: '/items', json: { n: 1 } } },
    { id: 'text', request: { method: 'PUT', path: '/t', text: 'raw' }, expect: { status: 204 } },
  ],
};

const RULES = `suite: rules
description: every rule, every body
serial: true
defaults:
  headers: { x-team: parity }
  rules:
    ignore: [/meta/**]
    mask: [{ path: /**/id, regex: '^[0-9a-f-]{36}$', with: '<uuid>' }]
    sortArrays: [/tags, { path: /items, by: id }]
    tolerance: [{ path: /price, absolute: 0.01, relative: 0.001 }]
    keyCase: fold
    nullEqualsAbsent: true
    headers: { all: true, except: [server] }
    arrayKeys: [id]
    redactHeaders: [x-api-key]
    volatileHeaders: [etag]
    enumTag: { baseline: external, candidate: { field: Kind } }
    renames: [{ baseline: /old, candidate: /new }]
    timestamps: second
    statusEquivalence: [[400, 422]]
    emptyEqualsNull: true
cases:
  - id: bytes
    tags: [binary]
    request: { method: POST, path: /upload, base64: "/+4=", query: { q: "1" } }
  - id: plain-headers
    rules: { headers: [etag] }
    request: { method: GET, path: /h }
`;

const FLOW = `suite: flows
sideEffects: true
cases:
  - id: life
    steps:
      - id: create
        request: { method: POST, path: /notes, json: { text: a } }
        capture:
          id: { json: /id }
          etag: { header: etag }
          token: { regex: 'token=(\\w+)', secret: true }
          item: { xpath: "/list/item[2]/@id" }
          num: { header: location, regex: '/notes/(\\d+)-(\\d+)$', group: 2 }
      - id: read
        request: { method: GET, path: "/notes/{{id}}", headers: { authorization: "Bearer {{token}}" } }
      - id: delete
        request: { method: DELETE, path: "/notes/{{id}}/{{item}}/{{num}}", headers: { if-match: "{{etag}}" } }
`;

describe('the case contract', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-case-contract-'));
    await writeFile(join(dir, 'plain.json'), JSON.stringify(PLAIN));
    await writeFile(join(dir, 'rules.yaml'), RULES);
    await writeFile(join(dir, 'flows.yaml'), FLOW);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Each case against the schema; the issues of those that fail, by case id. */
  function failures(cases: readonly Case[]): Record<string, unknown> {
    const failed: Record<string, unknown> = {};
    for (const one of cases) {
      const parsed = caseSchemas().case.safeParse(one);
      if (!parsed.success) failed[one.id] = parsed.error.issues;
    }
    return failed;
  }

  it('holds every case the loader resolves: plain JSON, every rule and body, flows with every capture', async () => {
    const cases = await loadCases(['.'], { cwd: dir, env: {} });
    expect(cases.map((c) => c.id)).toEqual([
      'flows/life/create',
      'flows/life/read',
      'flows/life/delete',
      'plain/get',
      'plain/post',
      'plain/text',
      'rules/bytes',
      'rules/plain-headers',
    ]);
    // The parts the schema has to name beyond plain data are really there.
    const create = cases[0]!;
    expect(create.flow?.captures.find((c) => c.name === 'num')?.regex?.groups).toBe(2);
    expect(create.flow?.secrets.has('token')).toBe(true);
    expect(cases[2]!.flow?.before).toHaveLength(2);
    expect(cases.find((c) => c.id === 'rules/bytes')?.request.body.kind).toBe('bytes');
    expect(cases.find((c) => c.id === 'plain/get')?.request.pathQuery).toBeDefined();
    expect(cases.find((c) => c.id === 'rules/bytes')?.rules.equivalence).toBeDefined();
    expect(failures(cases)).toEqual({});
  });

  it('holds the shipped libraries and the examples', async () => {
    const cases = await loadCases(['cases', 'examples/flows', 'test/fixtures/cases/valid'], {
      cwd: ROOT,
      env: { PARITY_TEST_KEY: 'key', PARITY_TEST_NAME: 'name' },
    });
    expect(cases.length).toBeGreaterThan(10);
    expect(failures(cases)).toEqual({});
  });

  it('refuses what a case is not: a field it does not name, a wrong body, a regex that is a string', async () => {
    const [one] = await loadCases(['plain.json'], { cwd: dir, env: {} });
    const schema = caseSchemas().case;
    expect(schema.safeParse(one).success).toBe(true);
    expect(schema.safeParse({ ...one, extra: 1 }).success).toBe(false);
    const body = { ...one!.request, body: { kind: 'bytes', bytes: 'AAE=' } };
    expect(schema.safeParse({ ...one, request: body }).success).toBe(false);
    const [step] = await loadCases(['flows.yaml'], { cwd: dir, env: {} });
    const captures = step!.flow!.captures.map((c) => ({ ...c, regex: c.regex?.source }));
    const flow = { ...step!.flow!, captures };
    expect(captures.some((c) => c.regex !== undefined)).toBe(true);
    expect(schema.safeParse({ ...step, flow }).success).toBe(false);
  });
});
