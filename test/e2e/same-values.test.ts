/**
 * Evidence gathered across a run, on real servers with no rules and no
 * `--noise`: a server's own uuid and version in its root document, found
 * per-instance there, are per-instance where the same two values come back
 * elsewhere (nested in the root document, in another case's configuration),
 * whichever answer came back first; a secret of drawn hex digits of a length
 * no digest has is per-instance on a read. A release version that is not the
 * servers' own keeps its row, and so does a member added, and so does a
 * `POST` that only reads (answered 200) where its stored values differ,
 * while the same ids from a `POST` answered 201 are per-instance. Two
 * fixtures with other field names and endpoints.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly config: string;
  readonly identity: string;
  readonly version: string;
  readonly vendor: string;
  readonly secret: string;
  readonly minimum: string;
  readonly added: string;
  readonly search: string;
  readonly create: string;
  readonly ref: string;
}

const DOCS: Names = {
  config: '_config',
  identity: 'uuid',
  version: 'version',
  vendor: 'vendor',
  secret: 'secret',
  minimum: 'min_client',
  added: 'allow_persistent',
  search: '_find',
  create: 'docs',
  ref: 'sku',
};
const OTHER: Names = {
  config: 'settings',
  identity: 'node_id',
  version: 'release',
  vendor: 'build',
  secret: 'salt',
  minimum: 'oldest_supported',
  added: 'strict_mode',
  search: 'query',
  create: 'orders',
  ref: 'orderRef',
};

/** Drawn hex of `n` digits, with a letter and a digit. */
const hex = (n: number) =>
  `${randomBytes(n)
    .toString('hex')
    .slice(0, n - 2)}a1`;
/** A token of letters and digits in one shape: `ord_` and 8 alternating. */
const token = () =>
  `ord_${Array.from({ length: 4 }, () => `${'abcdefghk'[Math.floor(Math.random() * 9)]}${Math.floor(Math.random() * 10)}`).join('')}`;

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const identity = randomUUID();
  const version = candidate ? '4.2.0' : '2.3.7';
  const secret = hex(48);
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/') {
      return json(res, 200, {
        welcome: 'hi',
        [names.version]: version,
        [names.vendor]: { name: 'the authors', [names.version]: version },
        [names.identity]: identity,
      });
    }
    if (req.method === 'GET' && path === `/${names.config}`) {
      return json(res, 200, {
        auth: {
          [names.secret]: secret,
          rounds: '10',
          ...(candidate ? { [names.added]: 'false' } : {}),
        },
        [names.vendor]: { name: 'the authors', [names.version]: version },
        // Not the servers' own version: a real change of what it accepts.
        clients: { [names.minimum]: candidate ? '2.9.0' : '2.3.1' },
      });
    }
    if (req.method === 'POST' && path === `/${names.search}`) {
      // A read: stored records, which differ (a real divergence).
      return json(res, 200, {
        hits: [{ [names.ref]: candidate ? 'ord_b1c2d3e4' : 'ord_a9b8c7d6' }],
      });
    }
    if (req.method === 'POST' && path === `/${names.create}`) {
      return json(res, 201, { ok: true, [names.ref]: token() });
    }
    return json(res, 404, { error: 'missing' });
  });
}

const cases = (names: Names) => `suite: evidence
defaults:
  headers: { content-type: application/json }
cases:
  - id: config
    request: { method: GET, path: /${names.config} }
  - id: root
    request: { method: GET, path: / }
  - id: search
    request: { method: POST, path: /${names.search}, json: { selector: { kind: x } } }
  - id: create
    request: { method: POST, path: /${names.create}, json: { kind: x } }
`;

function result(report: RunReport, id: string) {
  const found = report.results.find((r) => r.caseId.endsWith(`/${id}`));
  if (found === undefined) throw new Error(`no result ${id}`);
  return found;
}

describe('the same per-instance values again, drawn secrets, and POSTs that only read', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['document-store names', DOCS],
    ['other names', OTHER],
  ])('%s: rows only for the added member, the other version and the read', async (_, names) => {
    const baseline = await server(names, false);
    const candidate = await server(names, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/evidence.yaml': cases(names) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const rows = (report.rootCauses ?? []).map((r) => r.summary);
    expect(rows, rows.join('\n')).toHaveLength(3);
    expect(rows.some((row) => row.includes(names.added))).toBe(true);
    expect(rows.some((row) => row.includes(names.minimum))).toBe(true);
    expect(rows.some((row) => row.includes(names.ref))).toBe(true);
    for (const field of [names.version, names.secret, names.identity]) {
      expect(rows.filter((row) => row.includes(`/${field}`))).toEqual([]);
    }
    const root = result(report, 'root');
    expect(root.verdict).toBe('equal');
    expect(root.generated).toEqual(
      expect.arrayContaining([
        `/${names.identity} (uuid on both sides, in no request)`,
        `/${names.version} (beside the side's own id)`,
        `/${names.vendor}/${names.version} (the same two values as at /${names.version}, found per-instance there)`,
      ]),
    );
    const config = result(report, 'config');
    expect(config.generated).toEqual(
      expect.arrayContaining([
        `/auth/${names.secret} (hex of 48 digits on both sides, a length no digest has, in no request)`,
        `/${names.vendor}/${names.version} (the same two values as at /${names.version} of evidence/root, found per-instance there)`,
      ]),
    );
    // The version that is not the servers' own, and the member added, stay.
    expect((config.changes ?? []).map((c) => c.path).sort()).toEqual(
      [`/auth/${names.added}`, `/clients/${names.minimum}`].sort(),
    );
    // A POST answered 200 read stored values: no evidence they were made there.
    const search = result(report, 'search');
    expect(search.verdict).toBe('divergent');
    expect(search.generated).toBeUndefined();
    expect(search.unsettled).toEqual([`/hits/0/${names.ref}`]);
    // A POST answered 201 made them.
    const create = result(report, 'create');
    expect(create.verdict).toBe('equal');
    expect(create.generated).toEqual([`/${names.ref} (first seen in the answer to a write)`]);
  });
});
