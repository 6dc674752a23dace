/**
 * Issue 43, tracker rule 51, with real servers: one side refuses writes on
 * several endpoints with one status and one body (empty or the same), the
 * other side accepts them, and every write the refusing side refused lacks a
 * request header that every write it accepted in the run sent: one row for
 * that side's check of the header. Kept apart beside it: writes refused
 * alike where no header separates them from the accepted ones (they sent
 * it), reads refused alike without the header, a write refused without the
 * header under another status, and a run where the refusing side accepted
 * no write. Two fixtures with other header names, sides, statuses, bodies
 * and routes; a tracker written before keeps no open row per endpoint beside
 * the new one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** What the refusing side does with a request: the header check, a refusal whatever was sent, or another check. */
type Behaviour = 'gated' | 'refused' | 'other';

interface Route {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly behaviour: Behaviour;
  /** Sent by the client that sends the header (its accepted writes), else by the one that does not. */
  readonly withHeader: boolean;
}

interface Fixture {
  readonly name: string;
  readonly refuser: 'baseline' | 'candidate';
  /** The header the refusing side checks, as the case files write it. */
  readonly header: string;
  readonly status: number;
  /** The check's refusal body: empty when undefined. */
  readonly body: object | undefined;
  /** A refusal of writes that sent the header: the same status, another body. */
  readonly refusedBody: string;
  /** Another check's status, for a write that lacks the header too. */
  readonly otherStatus: number;
  readonly routes: readonly Route[];
}

function route(
  id: string,
  method: string,
  path: string,
  behaviour: Behaviour,
  withHeader: boolean,
): Route {
  return { id, method, path, behaviour, withHeader };
}

const FIRST: Fixture = {
  name: 'a project tracker whose candidate checks X-CSRF-Token (403, empty body)',
  refuser: 'candidate',
  header: 'X-CSRF-Token',
  status: 403,
  body: undefined,
  refusedBody: 'nope',
  otherStatus: 409,
  routes: [
    route('create-project', 'POST', '/api/projects', 'gated', true),
    route('rename-task', 'PATCH', '/api/tasks/t-7', 'gated', true),
    route('archive-board', 'DELETE', '/api/boards/b-2', 'gated', true),
    route('create-project-plain', 'POST', '/api/projects', 'gated', false),
    route('archive-board-plain', 'DELETE', '/api/boards/b-2', 'gated', false),
    route('import-csv', 'POST', '/api/imports', 'refused', true),
    route('purge-trash', 'DELETE', '/api/trash', 'refused', true),
    route('read-settings', 'GET', '/api/settings', 'gated', false),
    route('read-members', 'GET', '/api/members', 'gated', false),
    route('lock-sprint', 'PUT', '/api/sprints/s-1/lock', 'other', false),
  ],
};

const SECOND: Fixture = {
  name: 'a notes service whose baseline checks X-Requested-By (401, JSON body)',
  refuser: 'baseline',
  header: 'X-Requested-By',
  status: 401,
  body: { error: 'unauthorized' },
  refusedBody: '{"ok": false}',
  otherStatus: 400,
  routes: [
    route('save-note', 'PUT', '/v2/notes/n-1', 'gated', true),
    route('tag-note', 'POST', '/v2/labels', 'gated', true),
    route('drop-folder', 'DELETE', '/v2/folders/f-3', 'gated', true),
    route('tag-note-plain', 'POST', '/v2/labels', 'gated', false),
    route('save-note-plain', 'PUT', '/v2/notes/n-1', 'gated', false),
    route('share-note', 'POST', '/v2/shares', 'refused', true),
    route('empty-bin', 'DELETE', '/v2/bin', 'refused', true),
    route('read-profile', 'GET', '/v2/profile', 'gated', false),
    route('read-quota', 'GET', '/v2/quota', 'gated', false),
    route('move-note', 'PATCH', '/v2/notes/n-1/folder', 'other', false),
  ],
};

function server(f: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  const refuses = f.refuser === side;
  const header = f.header.toLowerCase();
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const found = f.routes.find((r) => r.method === req.method && r.path === path);
    if (found === undefined) return json(res, 404, { missing: path });
    const refusal = (status: number, body: string, type: string) => {
      res.writeHead(status, body === '' ? {} : { 'content-type': type });
      res.end(body);
    };
    if (refuses && found.behaviour === 'refused') {
      return refusal(f.status, f.refusedBody, 'text/plain');
    }
    if (refuses && req.headers[header] === undefined) {
      if (found.behaviour === 'other') return json(res, f.otherStatus, { locked: true });
      return refusal(
        f.status,
        f.body === undefined ? '' : JSON.stringify(f.body),
        'application/json',
      );
    }
    return json(res, req.method === 'GET' ? 200 : 201, { done: found.id });
  });
}

/** Two suites: a client that sends the header (`client`), and one that does not (`plain`). */
function caseFiles(f: Fixture, routes: readonly Route[]): Record<string, string> {
  const file = (suite: string, withHeader: boolean) => {
    const each = routes
      .filter((r) => r.withHeader === withHeader)
      .map(
        (r) =>
          `  - id: ${r.id}\n    request: { method: ${r.method}, path: ${r.path}${r.method === 'GET' || r.method === 'DELETE' ? '' : ', json: { name: x }'} }`,
      );
    const defaults = withHeader ? `defaults:\n  headers: { ${f.header}: "yes" }\n` : '';
    return `suite: ${suite}\nserial: true\nsideEffects: true\n${defaults}cases:\n${each.join('\n')}\n`;
  };
  const out: Record<string, string> = {};
  if (routes.some((r) => r.withHeader)) out['cases/1-client.yaml'] = file('client', true);
  if (routes.some((r) => !r.withHeader)) out['cases/2-plain.yaml'] = file('plain', false);
  return out;
}

async function writeCases(cwd: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text);
}

describe("one side's refused writes that lack one header are one row", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function servers(f: Fixture) {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    return sidesOf(baseline, candidate);
  }

  it.each([FIRST, SECOND])('$name', async (f) => {
    const sides = await servers(f);
    const [lone] = f.routes.filter((r) => r.behaviour === 'gated' && !r.withHeader);
    const accepted = f.routes.filter((r) => r.withHeader && r.behaviour === 'gated');
    const cwd = await tempProject(caseFiles(f, [...accepted, lone as Route]));
    // A first run with one refused write: its status transition is its endpoint's own row.
    const first = await runCli(cwd, ['run', ...sides]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const before = await readFile(tracker, 'utf8');
    const own = new RegExp(
      `^\\| (PAR-\\d+) \\| _open_ \\| status \\| .*on ${lone?.method} ${lone?.path} .*\\| \\|$`,
      'm',
    );
    const row = own.exec(before);
    expect(row, before).not.toBeNull();
    await writeFile(tracker, before.replace(row?.[0] ?? '', `${row?.[0].slice(0, -1)}guarded |`));
    await writeCases(cwd, caseFiles(f, f.routes));

    const run = await runCli(cwd, ['run', ...sides]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = (report.rootCauses ?? []).filter((c) => c.caseIds.length > 0);
    const all = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const holding = (id: string) => causes.filter((c) => c.caseIds.includes(id));
    const plainGated = f.routes.filter((r) => r.behaviour === 'gated' && !r.withHeader);
    const writes = plainGated.filter((r) => r.method !== 'GET').map((r) => `plain/${r.id}`);
    const [joined] = holding(writes[0] as string);
    expect([...(joined?.caseIds ?? [])].sort(), all).toEqual([...writes].sort());
    const side = f.refuser;
    expect(joined?.summary, all).toContain(
      `${side} refuses (${f.status}) writes without the \`${f.header.toLowerCase()}\` header`,
    );
    // Kept apart: writes refused alike that sent the header, reads refused alike, another status.
    for (const r of f.routes) {
      const id = `${r.withHeader ? 'client' : 'plain'}/${r.id}`;
      if (writes.includes(id)) continue;
      for (const cause of holding(id)) expect(cause.caseIds, `${id}: ${all}`).toEqual([id]);
    }
    for (const r of f.routes.filter((one) => one.behaviour !== 'gated' || one.method === 'GET')) {
      const id = `${r.withHeader ? 'client' : 'plain'}/${r.id}`;
      expect(holding(id).length, `${id}: ${all}`).toBeGreaterThan(0);
    }

    const after = await readFile(tracker, 'utf8');
    const old = after.split('\n').find((line) => line.startsWith(`| ${row?.[1]} |`));
    expect(old, after).toMatch(
      /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| guarded \|$/,
    );
  });

  it.each([FIRST, SECOND])(
    'no write accepted by the refusing side: no evidence ($name)',
    async (f) => {
      const sides = await servers(f);
      const plain = f.routes.filter((r) => r.behaviour === 'gated' && !r.withHeader);
      const cwd = await tempProject(caseFiles(f, plain));
      const run = await runCli(cwd, ['run', ...sides, '--no-tracker']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const causes = ((await latestReport(cwd)).rootCauses ?? []).filter(
        (c) => c.caseIds.length > 0,
      );
      const all = JSON.stringify(causes.map((c) => [c.summary, c.caseIds]));
      for (const r of plain) {
        const id = `plain/${r.id}`;
        const held = causes.filter((c) => c.caseIds.includes(id));
        expect(held.length, all).toBeGreaterThan(0);
        for (const cause of held) expect(cause.caseIds, `${id}: ${all}`).toEqual([id]);
      }
    },
  );
});
