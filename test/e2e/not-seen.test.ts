/**
 * `_resolved_` means fixed, end to end: a rerun against servers whose state
 * moved on (the document the first run made exists now, so the write is
 * refused alike on both sides; a capture then finds nothing and a step is not
 * sent) leaves the row open and says "not seen in this run"; servers
 * restarted with the candidate changed to match resolve it. Two fixtures with
 * other field names and endpoints.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const day = (n: number) => ({ now: new Date(`2026-11-${n}T10:00:00Z`) });

interface Fixture {
  readonly name: string;
  readonly resource: string;
  /** The member the candidate adds to the answer of a write: the real difference. */
  readonly added: string;
  /** The member the write answers and a later step reads (`{{key}}`). */
  readonly key: string;
}

const DOCS: Fixture = { name: 'documents', resource: 'docs', added: 'seq', key: 'id' };
const ACCOUNTS: Fixture = { name: 'accounts', resource: 'accounts', added: 'plan', key: 'handle' };

/** A store that refuses to create what exists (409), as a document database does. */
function store(fixture: Fixture, planted: { adds: boolean }) {
  let made = new Map<string, Record<string, unknown>>();
  const server = startServer((req, res, body) => {
    const [, resource, id] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (resource !== fixture.resource || id === undefined) return json(res, 404, { error: 'no' });
    if (req.method === 'PUT') {
      if (made.has(id)) return json(res, 409, { error: 'conflict', reason: 'exists' });
      const item = { [fixture.key]: id, title: String(JSON.parse(body || '{}').title) };
      made.set(id, item);
      return json(res, 201, { ...item, ok: true, ...(planted.adds ? { [fixture.added]: 1 } : {}) });
    }
    const item = made.get(id);
    return item === undefined ? json(res, 404, { error: 'missing' }) : json(res, 200, item);
  });
  return {
    server,
    restart: () => {
      made = new Map();
    },
  };
}

/**
 * A flow: create, then read it back, by the key the write answered (`capture`:
 * on a rerun the refused write answers none, and the read is not sent) or by
 * its path (the read is sent, and equal).
 */
const flow = (f: Fixture, read: 'capture' | 'path') => `suite: ${f.resource}
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: lifecycle
    steps:
      - id: create
        request: { method: PUT, path: /${f.resource}/first, json: { title: x } }
${read === 'capture' ? `        capture: { key: { json: /${f.key} } }\n` : ''}      - id: read
        request: { method: GET, path: "/${f.resource}/${read === 'capture' ? '{{key}}' : 'first'}" }
`;

function rowLine(tracker: string, id: string): string {
  const line = tracker.split('\n').find((l) => l.startsWith(`| ${id} `));
  if (line === undefined) throw new Error(`no row ${id} in\n${tracker}`);
  return line;
}

describe.each([
  { fixture: DOCS, read: 'capture' as const },
  { fixture: DOCS, read: 'path' as const },
  { fixture: ACCOUNTS, read: 'capture' as const },
  { fixture: ACCOUNTS, read: 'path' as const },
])('$fixture.name, read by $read: a row resolves only when fixed', ({ fixture, read }) => {
  const planted = { adds: true };
  let baseline: ReturnType<typeof store>;
  let candidate: ReturnType<typeof store>;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    baseline = store(fixture, { adds: false });
    candidate = store(fixture, planted);
    servers.push(await baseline.server, await candidate.server);
  });
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('stays open, not seen, while the state moved on; resolves once the candidate matches', async () => {
    const [a, b] = servers;
    const run = ['run', '--baseline', `a=${a?.url}`, '--candidate', `b=${b?.url}`];
    const cwd = await tempProject({ [`cases/${fixture.resource}.yaml`]: flow(fixture, read) });
    const tracker = () => readFile(join(cwd, TRACKER), 'utf8');

    const first = await runCli(cwd, run, day(20));
    expect(first.code, first.stdout).toBe(1);
    expect(rowLine(await tracker(), 'PAR-001')).toContain(`\`/${fixture.added}\``);
    const firstRun = (await latestReport(cwd)).runId;

    // Not restarted: the write meets what the first run made (409 on both sides, equal). With a
    // capture, it finds nothing and the read is not sent; by path, the read is equal. Neither
    // server changed.
    const again = await runCli(cwd, [...run, '--fail-on', 'none'], day(21));
    expect(again.code, again.stdout).toBe(0);
    const moved = await latestReport(cwd);
    expect(moved.results.map((r) => r.verdict)).toEqual([
      'equal',
      read === 'capture' ? 'skipped' : 'equal',
    ]);
    expect(moved.tracker?.resolved).toEqual([]);
    expect(moved.tracker?.notSeen).toEqual([
      {
        rowId: 'PAR-001',
        // The baseline answered 201 when the case showed the row, 409 now (the previous report).
        reason: read === 'capture' ? 'not-compared' : 'diverges-otherwise',
        caseIds: [`${fixture.resource}/lifecycle/create`],
      },
    ]);
    const line = rowLine(await tracker(), 'PAR-001');
    expect(line).toContain('_open_');
    expect(line).toContain('2026-11-20 · not seen 2026-11-21');
    expect(again.stdout).toContain('PAR-001 not seen in this run, left unresolved');
    expect((await runCli(cwd, ['show', 'PAR-001'])).stdout).toContain('not seen since 2026-11-21');
    expect((await runCli(cwd, ['tracker'])).stdout).toContain('2026-11-20 (not seen 2026-11-21)');

    // Compared to the first run, the cause is not seen either, never fixed.
    const compared = await runCli(
      cwd,
      [...run, '--fail-on', 'none', '--compare-to', `reports/${firstRun}`],
      day(21),
    );
    expect(compared.code, compared.stdout).toBe(0);
    const regression = (await latestReport(cwd)).regression;
    expect(regression?.fixed).toEqual([]);
    expect(regression?.notSeen?.map((c) => [c.caseIds, c.reason])).toEqual([
      [
        [`${fixture.resource}/lifecycle/create`],
        read === 'capture' ? 'not-compared' : 'diverges-otherwise',
      ],
    ]);
    expect(rowLine(await tracker(), 'PAR-001')).toContain('_open_');

    // Restarted, and the candidate no longer adds the member: fixed where it was.
    baseline.restart();
    candidate.restart();
    planted.adds = false;
    const fixed = await runCli(cwd, run, day(22));
    expect(fixed.code, fixed.stdout).toBe(0);
    expect((await latestReport(cwd)).tracker?.resolved).toEqual(['PAR-001']);
    const resolved = rowLine(await tracker(), 'PAR-001');
    expect(resolved).toContain('_resolved_');
    expect(resolved).not.toContain('not seen');
  });
});

describe.each([DOCS, ACCOUNTS])(
  '$name, rerun with no previous report: an all-equal rerun is no fix',
  (fixture) => {
    const planted = { adds: true };
    let baseline: ReturnType<typeof store>;
    let candidate: ReturnType<typeof store>;
    const servers: TestServer[] = [];
    beforeAll(async () => {
      baseline = store(fixture, { adds: false });
      candidate = store(fixture, planted);
      servers.push(await baseline.server, await candidate.server);
    });
    afterAll(async () => Promise.all(servers.map((s) => s.close())));

    it('leaves the row open, not seen, and says which evidence would settle it', async () => {
      const [a, b] = servers;
      const run = ['run', '--baseline', `a=${a?.url}`, '--candidate', `b=${b?.url}`];
      const cwd = await tempProject({ [`cases/${fixture.resource}.yaml`]: flow(fixture, 'path') });
      const tracker = () => readFile(join(cwd, TRACKER), 'utf8');
      const first = await runCli(cwd, [...run, '--reports', 'first'], day(20));
      expect(first.code, first.stdout).toBe(1);
      expect(rowLine(await tracker(), 'PAR-001')).toContain('_open_');

      // Not restarted, and the reports of the first run are elsewhere (a CI job keeps only the
      // tracker): every case compares equal, and nothing shows the state the write answered in.
      const again = await runCli(cwd, [...run, '--reports', 'second'], day(21));
      expect(again.code, again.stdout).toBe(0);
      const report = await latestReport(cwd, 'second');
      expect(report.results.map((r) => r.verdict)).toEqual(['equal', 'equal']);
      expect(report.tracker?.resolved).toEqual([]);
      expect(report.tracker?.notSeen).toEqual([
        {
          rowId: 'PAR-001',
          reason: 'no-previous-report',
          caseIds: [`${fixture.resource}/lifecycle/create`],
        },
      ]);
      expect(rowLine(await tracker(), 'PAR-001')).toContain('2026-11-20 · not seen 2026-11-21');
      expect(again.stdout).toContain('no previous report shows the state');

      // Restarted and fixed, with the previous report at hand: resolved.
      baseline.restart();
      candidate.restart();
      planted.adds = false;
      const fixed = await runCli(cwd, [...run, '--reports', 'first'], day(22));
      expect(fixed.code, fixed.stdout).toBe(0);
      expect((await latestReport(cwd, 'first')).tracker?.resolved).toEqual(['PAR-001']);
    });
  },
);
