/**
 * Per-instance values are no rows: two servers of one API that each write
 * their own address (bodies, `Location`) and stamp their own clock at write
 * time give, with `--noise` and no rules, exactly the rows of the real
 * differences planted among them — a candidate that writes the baseline's
 * address, a timestamp in seconds instead of milliseconds, another value —
 * and the reports list what was compared as `{{origin}}` and `{{stamped}}`.
 * A second pair with other field names gives the same counts.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly resource: string;
  readonly self: string;
  readonly created: string;
  readonly download: string;
  readonly stamp: string;
  readonly colour: string;
  readonly mirror: string;
}

const FIRST: Names = {
  resource: 'things',
  self: 'self',
  created: 'created_at',
  download: 'download',
  stamp: 'stampMs',
  colour: 'colour',
  mirror: 'mirror',
};
const SECOND: Names = {
  resource: 'widgets',
  self: 'href',
  created: 'insertedAt',
  download: 'tarball',
  stamp: 'written',
  colour: 'tint',
  mirror: 'backup',
};

interface Planted {
  /** The candidate writes the baseline's address at `mirror`, its stamp in seconds, another colour. */
  readonly candidate: boolean;
  /** The baseline's origin, for the candidate's planted mirror. */
  readonly baselineOrigin: () => string;
}

function server(names: Names, planted: Planted): Promise<TestServer> {
  const items = new Map<string, Record<string, unknown>>();
  const origin = (req: IncomingMessage) => `http://${req.headers.host}`;
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, resource, id] = url.pathname.split('/');
    if (resource !== names.resource) return json(res, 404, { error: 'no route' });
    // A CouchDB-style revision: a counter and a hash of the stored document (its own stamps in it).
    const rev = (item: Record<string, unknown>) =>
      `1-${createHash('md5').update(JSON.stringify(item)).digest('hex')}`;
    const view = (item: Record<string, unknown>) => ({
      ...item,
      _rev: rev(item),
      [names.self]: `${origin(req)}/${names.resource}/${item.id}`,
      [names.download]: `${origin(req)}/dl/${item.id}.tgz`,
      ...(planted.candidate
        ? { [names.mirror]: `${planted.baselineOrigin()}/dl/${item.id}.tgz` }
        : {
            [names.mirror]: `${origin(req)}/dl/${item.id}.tgz`,
          }),
    });
    // PUT is an idempotent create: the replica's second call (`--noise`) finds it made.
    if (req.method === 'PUT' && id !== undefined) {
      const key = id;
      const made = items.get(key);
      if (made !== undefined)
        return json(res, 201, view(made), { location: `${origin(req)}/${names.resource}/${key}` });
      // Each instance its own clock: the candidate runs a little ahead.
      const now = Date.now() + (planted.candidate ? 7 : 0);
      const item = {
        id: Number(key),
        name: String(JSON.parse(body || '{}').name ?? ''),
        [names.created]: new Date(now).toISOString(),
        [names.stamp]: planted.candidate ? Math.floor(now / 1000) : now,
        [names.colour]: planted.candidate ? 'green' : 'blue',
      };
      items.set(key, item);
      return json(res, 201, view(item), { location: `${origin(req)}/${names.resource}/${key}` });
    }
    if (id === undefined || id === '')
      return json(res, 200, { items: [...items.values()].map(view) });
    const item = items.get(id);
    if (item === undefined) return json(res, 404, { error: 'missing' });
    // An ETag derived from the document, as servers write them.
    return json(res, 200, view(item), { etag: `"${rev(item).slice(2)}"` });
  });
}

const cases = (names: Names) => `suite: ${names.resource}
serial: true
defaults:
  headers: { content-type: application/json }
  rules: { headers: [location, etag] }
cases:
  - id: create
    request: { method: PUT, path: /${names.resource}/1, json: { name: first } }
  - id: read
    request: { method: GET, path: /${names.resource}/1 }
  - id: list
    request: { method: GET, path: /${names.resource} }
`;

describe('per-instance values, by evidence', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])(
    '%s: rows are the planted real causes, none of the own addresses or stamps',
    async (_, names) => {
      const baseline = await server(names, { candidate: false, baselineOrigin: () => '' });
      const candidate = await server(names, {
        candidate: true,
        baselineOrigin: () => baseline.url,
      });
      started.push(baseline, candidate);
      const cwd = await tempProject({ [`cases/${names.resource}.yaml`]: cases(names) });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${baseline.url}`,
        '--candidate',
        `b=${candidate.url}`,
        '--noise',
      ]);
      expect(run.code, run.stdout).toBe(1);
      const report = await latestReport(cwd);
      const rows = (report.rootCauses ?? []).map((r) => r.summary);
      // Every row is one of the three planted differences (a residual value change is a row per
      // endpoint today), and each of them has a row.
      const planted = [names.mirror, names.stamp, names.colour];
      for (const row of rows) {
        expect(
          planted.filter((field) => row.includes(field)),
          row,
        ).toHaveLength(1);
      }
      for (const field of planted) expect(rows.some((row) => row.includes(field))).toBe(true);
      expect(run.stdout).toMatch(/own origins: 3 case\(s\)/);
      expect(run.stdout).toMatch(
        /per-instance: 3 case\(s\) with timestamps both sides stamped within this run/,
      );
      const create = report.results.find((r) => r.caseId === `${names.resource}/create`);
      expect(create?.origin).toEqual(
        expect.arrayContaining(['header location', `/${names.self}`, `/${names.download}`]),
      );
      // The planted stamp in seconds is each side's own clock too: compared by its format, its row the format's.
      expect(create?.stamped).toEqual([`/${names.created}`, `/${names.stamp}`]);
      const read = report.results.find((r) => r.caseId === `${names.resource}/read`);
      // The revision the create answered is echoed by the read (one reference); its ETag is
      // derived. (The planted mirror is echoed too: its row stays, shown by the create.)
      expect(read?.echoed).toEqual(['/_rev', `/${names.mirror}`]);
      expect(read?.derived).toEqual(['header etag']);
      expect(create?.derived).toEqual(['/_rev']);
      expect(run.stdout).toMatch(
        /per-instance: \d case\(s\) with revisions \(ETags, CouchDB-style _rev\) derived/,
      );
    },
  );
});
