/**
 * Per-instance values found on the first run, by evidence, with no rules and
 * no `--noise`: revisions and ids a write returns and nothing reads again, an
 * endpoint that answers fresh random UUIDs, and a root document that mixes a
 * real change (an added member) with the server's own uuid, build hash and
 * version. Each is compared by its format and listed with its evidence; the
 * added member keeps its row, and a value of another format on each side
 * (decimal against hex) stays a divergence. Two fixtures with other field
 * names and endpoints.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly db: string;
  readonly rev: string;
  readonly id: string;
  readonly uuids: string;
  readonly identity: string;
  readonly version: string;
  readonly build: string;
  readonly added: string;
  /** A number the candidate writes in hex where the baseline writes decimal. */
  readonly counter: string;
}

const COUCH: Names = {
  db: 'db',
  rev: 'rev',
  id: 'id',
  uuids: 'uuids',
  identity: 'uuid',
  version: 'version',
  build: 'git_sha',
  added: 'features',
  counter: 'seq',
};
const OTHER: Names = {
  db: 'store',
  rev: 'etag_rev',
  id: 'key',
  uuids: 'tokens',
  identity: 'instance',
  version: 'release',
  build: 'commit',
  added: 'capabilities',
  counter: 'cursor',
};

const hex = (n: number) => randomUUID().replaceAll('-', '').slice(0, n);

/** One side of a document store: its own uuid, build and version; a candidate adds a member. */
function store(names: Names, side: { candidate: boolean }): Promise<TestServer> {
  const identity = hex(32);
  // A short hex hash with a letter in it: nine random hex digits are all decimal one time in ~70,
  // and a decimal value against a hex one is another format (a divergence, as it should be).
  const build = `${hex(8)}f`;
  const version = side.candidate ? '3.3.3' : '2.3.1';
  let written = 0;
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter((p) => p !== '');
    if (parts.length === 0) {
      return json(res, 200, {
        welcome: 'hello',
        [names.identity]: identity,
        [names.version]: version,
        [names.build]: build,
        ...(side.candidate ? { [names.added]: ['search'] } : {}),
      });
    }
    if (parts[0] === `_${names.uuids}`) {
      return json(res, 200, { [names.uuids]: [hex(32), hex(32), hex(32)] });
    }
    if (parts[0] !== names.db) return json(res, 404, { error: 'no route' });
    const rev = (n: number, text: string) =>
      `${n}-${createHash('md5').update(`${text}${identity}`).digest('hex')}`;
    if (req.method === 'POST' && parts[1] === '_bulk') {
      const docs = (JSON.parse(body || '{}').docs ?? []) as unknown[];
      return json(
        res,
        201,
        docs.map((doc) => ({
          ok: true,
          [names.id]: hex(32),
          [names.rev]: rev(1, JSON.stringify(doc)),
        })),
      );
    }
    if (req.method === 'DELETE' && parts[1] !== undefined) {
      written++;
      return json(res, 200, { ok: true, [names.id]: parts[1], [names.rev]: rev(2, parts[1]) });
    }
    if (req.method === 'GET' && parts[1] === '_changes') {
      // Decimal on one side, hex on the other: another format, a divergence.
      const last = 40 + written;
      return json(res, 200, {
        [names.counter]: side.candidate ? last.toString(16) + 'f' : `${last}1`,
      });
    }
    return json(res, 404, { error: 'missing' });
  });
}

const cases = (names: Names) => `suite: ${names.db}
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: root
    request: { method: GET, path: / }
  - id: uuids
    request: { method: GET, path: /_${names.uuids} }
  - id: bulk
    request:
      method: POST
      path: /${names.db}/_bulk
      json: { docs: [{ title: one }, { title: two }] }
  - id: delete
    request: { method: DELETE, path: /${names.db}/doc-7 }
  - id: changes
    request: { method: GET, path: /${names.db}/_changes }
`;

function result(report: RunReport, id: string) {
  const found = report.results.find((r) => r.caseId.endsWith(`/${id}`));
  if (found === undefined) throw new Error(`no result ${id}`);
  return found;
}

describe('per-instance values found on the first run, by evidence', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['CouchDB names', COUCH],
    ['other names', OTHER],
  ])('%s: only the added member and the other format are rows', async (_, names) => {
    const baseline = await store(names, { candidate: false });
    const candidate = await store(names, { candidate: true });
    started.push(baseline, candidate);
    const cwd = await tempProject({ [`cases/${names.db}.yaml`]: cases(names) });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const rows = (report.rootCauses ?? []).map((r) => r.summary);
    // The added member and the counter of another format: two rows, none for a revision,
    // an id, a UUID, the server's own uuid, build or version.
    expect(rows, rows.join('\n')).toHaveLength(2);
    expect(rows.some((row) => row.includes(names.added))).toBe(true);
    expect(rows.some((row) => row.includes(names.counter))).toBe(true);
    for (const field of [names.rev, names.id, names.uuids, names.identity, names.version]) {
      expect(rows.filter((row) => row.includes(`\`/${field}`))).toEqual([]);
    }
    // Each per-instance value is listed with its evidence.
    expect(result(report, 'root').generated).toEqual([
      `/${names.identity} (uuid on both sides, in no request)`,
      `/${names.version} (beside the side's own id)`,
      `/${names.build} (beside the side's own id)`,
    ]);
    expect(result(report, 'root').findings?.map((f) => f.summary)).toEqual([
      expect.stringContaining(names.added),
    ]);
    expect(result(report, 'uuids').verdict).toBe('equal');
    expect(result(report, 'uuids').generated).toEqual(
      [0, 1, 2].map((i) => `/${names.uuids}/${i} (uuid on both sides, in no request)`),
    );
    expect(result(report, 'bulk').verdict).toBe('equal');
    expect(result(report, 'bulk').generated).toEqual(
      expect.arrayContaining([
        `/0/${names.id} (uuid on both sides, in no request)`,
        `/0/${names.rev} (revision 1-hex32 on both sides, in no request)`,
        `/1/${names.rev} (revision 1-hex32 on both sides, in no request)`,
      ]),
    );
    expect(result(report, 'delete').verdict).toBe('equal');
    expect(result(report, 'delete').generated).toEqual([
      `/${names.rev} (revision 2-hex32 on both sides, in no request)`,
    ]);
    const changes = result(report, 'changes');
    expect(changes.verdict).toBe('divergent');
    expect(changes.generated).toBeUndefined();
    expect(report.summary.generated).toBe(4);
    expect(run.stdout).toContain('per-instance: 4 case(s) with values each side generated');
  });
});

describe('id-like values without evidence', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a code', 'code', 'AB-1234', 'AB-9876'],
    ['a handle', 'handle', 'user_7f3k', 'user_2m9q'],
  ])(
    '%s a read answers differently stays a row that says which evidence would settle it',
    async (_, field, x, y) => {
      const baseline = await startServer((_req, res) => json(res, 200, { [field]: x, n: 1 }));
      const candidate = await startServer((_req, res) => json(res, 200, { [field]: y, n: 1 }));
      started.push(baseline, candidate);
      const cwd = await tempProject({
        'cases/read.yaml':
          'suite: read\ncases:\n  - id: one\n    request: { method: GET, path: /thing }\n',
      });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${baseline.url}`,
        '--candidate',
        `b=${candidate.url}`,
      ]);
      // Awaiting evidence, not an open decision: the run passes `--fail-on open`.
      expect(run.code, run.stdout).toBe(0);
      const report = await latestReport(cwd);
      expect(report.summary.rootCauses).toMatchObject({ open: 0, awaitingEvidence: 1 });
      expect(report.rootCauses?.map((c) => c.unsettled)).toEqual([true]);
      expect(run.stdout).toContain('0 open');
      expect(run.stdout).toContain('1 awaiting evidence (--noise --baseline-replica)');
      expect(report.results[0]?.unsettled).toEqual([`/${field}`]);
      expect(report.results[0]?.generated).toBeUndefined();
      expect(report.summary.unsettled).toBe(1);
      expect(run.stdout).toContain('(--noise --baseline-replica) would settle them');
      const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
      const row = tracker.split('\n').find((line) => line.startsWith('| PAR-001 '));
      expect(row).toContain('_awaiting_');
      expect(row).toContain(
        'run with --noise --baseline-replica NAME=URL (a second instance of the baseline) to settle it',
      );
      // `--fail-on any` still fails on it.
      const strict = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${baseline.url}`,
        '--candidate',
        `b=${candidate.url}`,
        '--fail-on',
        'any',
      ]);
      expect(strict.code, strict.stdout).toBe(1);
      // `parity tracker` lists the row apart from the open decisions, and --json marks it.
      const listed = await runCli(cwd, ['tracker']);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain(': 0 open, 1 awaiting evidence, 0 accepted');
      const lines = listed.stdout.split('\n');
      const heading = lines.findIndex((line) =>
        line.startsWith('Awaiting evidence (not open decisions'),
      );
      expect(heading, listed.stdout).toBeGreaterThan(0);
      expect(lines.findIndex((line) => line.startsWith('PAR-001 '))).toBeGreaterThan(heading);
      const rowsJson = JSON.parse((await runCli(cwd, ['tracker', '--json'])).stdout) as {
        id: string;
        awaitingEvidence?: boolean;
      }[];
      expect(rowsJson.map((r) => [r.id, r.awaitingEvidence])).toEqual([['PAR-001', true]]);
      // `parity show` says what it waits for; a person who opens it makes it an open decision.
      const shown = await runCli(cwd, ['show', 'PAR-001']);
      expect(shown.stdout).toContain('PAR-001 · _awaiting_ ·');
      expect(shown.stdout).toContain('Awaiting evidence: no open decision yet.');
      const opened = await runCli(cwd, ['decide', 'PAR-001', 'open']);
      expect(opened.stdout, opened.stderr).toContain('PAR-001 awaiting → open');
      const again = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
      // Seen again at the same thin evidence, a row a person opened stays open, and fails the run.
      expect(again.code, again.stdout).toBe(1);
      const reread = await latestReport(cwd);
      expect(reread.summary.rootCauses).toMatchObject({ open: 1 });
      expect(reread.rootCauses?.map((c) => [c.row?.status, c.unsettled])).toEqual([
        ['open', undefined],
      ]);
      expect((await runCli(cwd, ['tracker'])).stdout).toContain(': 1 open, 0 accepted');
    },
  );
});

describe('id-like values settled by a second instance of the baseline', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a code', 'code', 'AB-1234', 'AB-9876', 'AB-5555'],
    ['a handle', 'handle', 'user_7f3k', 'user_2m9q', 'user_0x0x'],
  ])(
    '%s: the replica answering it again opens the row; answering its own covers it',
    async (_, field, x, y, own) => {
      const side = (value: string) =>
        startServer((_req, res) => json(res, 200, { [field]: value, n: 1 }));
      const [baseline, candidate, same, other] = await Promise.all([
        side(x),
        side(y),
        side(x),
        side(own),
      ]);
      started.push(baseline, candidate, same, other);
      const files = {
        'cases/read.yaml':
          'suite: read\ncases:\n  - id: one\n    request: { method: GET, path: /thing }\n',
      };
      const status = async (cwd: string) =>
        (await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8'))
          .split('\n')
          .find((line) => line.startsWith('| PAR-001 '))
          ?.split('|')[2]
          ?.trim();
      const real = await tempProject(files);
      await runCli(real, ['run', ...sidesOf(baseline, candidate)]);
      expect(await status(real)).toBe('_awaiting_');
      // Two instances of the baseline answer one value: it is data, the difference is real.
      const replica = ['--noise', '--baseline-replica', `r=${same.url}`];
      const opened = await runCli(real, ['run', ...sidesOf(baseline, candidate), ...replica]);
      expect(opened.code, opened.stdout).toBe(1);
      const report = await latestReport(real);
      expect(report.results[0]?.unsettled).toBeUndefined();
      expect(report.tracker?.opened).toEqual(['PAR-001']);
      expect(report.summary.rootCauses).toMatchObject({ open: 1 });
      expect(opened.stdout).toContain('1 opened by evidence');
      expect(await status(real)).toBe('_open_');
      // A replica answering a value of its own: per-instance, learned as noise, the row covered.
      const noise = await tempProject(files);
      await runCli(noise, ['run', ...sidesOf(baseline, candidate)]);
      const itsOwn = ['--noise', '--baseline-replica', `r=${other.url}`];
      const covered = await runCli(noise, ['run', ...sidesOf(baseline, candidate), ...itsOwn]);
      expect(covered.code, covered.stdout).toBe(0);
      expect(await status(noise)).toBe('_covered_');
    },
  );
});
