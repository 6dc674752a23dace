/**
 * Words and hints only for a convention actually identified (issue 43, item 5),
 * end to end: a Node re-implementation (Express) against a gRPC gateway whose
 * JSON follows the protobuf JSON mapping. The run names the gateway's side by
 * the mapping (even though its router's error text reads as Go's), and every
 * fix hint for it speaks protojson's terms, never encoding/json's `,string`
 * or `make([]T, 0)`. Renamed members are renames, with no casing switch.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { causeFingerprint } from '../../src/core/compare/root-cause.js';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** What each side answers, by path: the Node re-implementation, then the gateway. */
const ANSWERS: Record<string, readonly [unknown, unknown]> = {
  '/v1/orders/7': [
    { orderId: 7, customerName: 'Ada', itemCount: 0, giftNote: '', lineItems: [] },
    { orderId: '7', customerName: 'Ada' },
  ],
  '/v1/accounts/12': [
    { accountNumber: 12, displayName: 'Grace', isFrozen: false, pendingTransfers: [] },
    { accountNumber: '12', displayName: 'Grace' },
  ],
  '/v1/users/1': [{ login: { userName: 'ada' } }, { login: { username: 'ada' } }],
  '/v1/members/2': [{ profile: { nickName: 'gh' } }, { profile: { nickname: 'gh' } }],
};

let base: TestServer;
let gateway: TestServer;
beforeAll(async () => {
  base = await startServer((req, res) => {
    if (req.method === 'POST') return json(res, 400, { error: 'bad request' });
    json(res, 200, ANSWERS[req.url ?? '']?.[0] ?? {}, { 'x-powered-by': 'Express' });
  });
  gateway = await startServer((req, res) => {
    if (req.method === 'POST') {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('json: cannot unmarshal number into Go value of type string');
      return;
    }
    json(res, 200, ANSWERS[req.url ?? '']?.[1] ?? {});
  });
});
afterAll(async () => Promise.all([base.close(), gateway.close()]));

const LIBRARY = `suite: api
cases:
  - id: bad-order
    request: { method: POST, path: /v1/orders, json: { orderId: 1 } }
${Object.keys(ANSWERS)
  .map((path, n) => `  - id: read-${n}\n    request: { method: GET, path: ${path} }`)
  .join('\n')}
`;

/** Idioms of encoding/json and of a casing switch: never for the gateway, nor for a rename. */
const WRONG = /,string|`make\(|omitempty|rename_all|json tags|alias_generator/;

interface Shown {
  readonly row: { readonly summary: string };
  readonly hint?: { readonly baseline: string; readonly candidate: string };
}

describe('a gRPC gateway against its Node re-implementation', () => {
  it('is named by the protobuf JSON mapping, and its hints speak protojson', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': LIBRARY });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `node=${base.url}`,
      '--candidate',
      `gw=${gateway.url}`,
    ]);
    expect(run.code, run.stderr).toBe(1);
    const report = await latestReport(cwd);
    expect(report.baseline.runtime?.name).toBe('node');
    expect(report.candidate.runtime).toMatchObject({ name: 'protobuf', from: /^answers: / });
    expect(run.stdout).toMatch(/gw protobuf JSON mapping \(answers: /);

    const ids = [...run.stdout.matchAll(/\bPAR-\d{3}\b/g)].map((m) => m[0]);
    const shown: Shown[] = [];
    for (const id of new Set(ids)) {
      const out = await runCli(cwd, ['show', id, '--json']);
      expect(out.code, out.stderr).toBe(0);
      shown.push(JSON.parse(out.stdout) as Shown);
    }
    const hintOf = (summary: RegExp) => {
      const found = shown.filter((s) => summary.test(s.row.summary));
      expect(
        found.length,
        `${summary}: ${shown.map((s) => s.row.summary).join(' | ')}`,
      ).toBeGreaterThan(0);
      return found.map((s) => s.hint ?? { baseline: '', candidate: '' });
    };
    for (const hint of hintOf(/integer as/)) {
      expect(hint.candidate).toMatch(/proto3 JSON mapping writes 64-bit integers/);
    }
    // Defaults left out in two objects, and the empty lists, are one convention: one row.
    const defaults = hintOf(/candidate leaves members at their zero value out/);
    expect(defaults).toHaveLength(1);
    for (const hint of defaults) expect(hint.candidate).toMatch(/EmitUnpopulated: true/);
    expect(shown.filter((s) => /\[\] vs absent|zero-valued members/.test(s.row.summary))).toEqual(
      [],
    );
    const renames = hintOf(/renamed/);
    expect(renames).toHaveLength(2);
    for (const hint of renames) expect(hint.candidate).toMatch(/json_name = "(userName|nickName)"/);
    for (const { row, hint } of shown) {
      expect(`${hint?.baseline} ${hint?.candidate}`, row.summary).not.toMatch(WRONG);
    }
  });
});

describe('a tracker that recorded a rename as a casing', () => {
  it('supersedes the key-case row by the rename, never resolves it', async () => {
    const old = causeFingerprint({
      type: 'pattern',
      pattern: 'key-case',
      field: 'login',
      params: ['camelCase', 'snake_case'],
      detail: 'keys camelCase vs snake_case',
    });
    const file = 'docs/ARCHITECTURE_COMPARISON.md';
    const tracker = [
      '# T',
      '',
      '<!-- parity:tracker:start -->',
      '<!-- parity:next-id 2 -->',
      '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| PAR-001 | _open_ | shape | \`GET /v1/users/:id\` | \`api/user\` | keys camelCase vs snake_case at \`login\` | 2026-11-01 | 2026-11-02 |  | \`${old}\` | ask the team |`,
      '<!-- parity:tracker:end -->',
      '',
    ].join('\n');
    const cwd = await tempProject({
      'cases/api.yaml':
        'suite: api\ncases:\n  - id: user\n    request: { method: GET, path: /v1/users/1 }\n',
      [file]: tracker,
    });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `node=${base.url}`,
      '--candidate',
      `gw=${gateway.url}`,
    ]);
    expect(run.code, run.stderr).toBe(1);
    const rows = trackerRows(parseTracker(await readFile(join(cwd, file), 'utf8'), file));
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['PAR-001', 'superseded'],
      ['PAR-002', 'open'],
    ]);
    expect(rows[1]?.fingerprint).toMatch(/^key-rename-/);
  });
});
