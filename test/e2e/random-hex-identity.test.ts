/**
 * A server's own identity written as 32 hex digits drawn at random (as
 * CouchDB writes its `uuid`), on real servers answering JSON as `text/plain`:
 * drawn bytes carry a UUID's version and variant digits one time in eight,
 * so here the baseline's always do and the candidate's never do. The value
 * changes on every request: the second look finds it per-instance, and the
 * version beside it is the side's own; the member the candidate adds keeps
 * the only row. Two fixtures with different field names and places.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** 32 random hex digits, with a UUID's version (4) and variant (8) digits, or with neither. */
function drawn(uuidDigits: boolean): string {
  const hex = randomBytes(16).toString('hex').split('');
  hex[12] = uuidDigits ? '4' : '0';
  hex[16] = uuidDigits ? '8' : '0';
  return hex.join('');
}

interface Fixture {
  readonly name: string;
  readonly path: string;
  answer(side: { candidate: boolean }): unknown;
  readonly added: string;
  readonly generated: readonly string[];
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a document store’s root',
    path: '/',
    answer: ({ candidate }) => ({
      couchdb: 'Welcome',
      uuid: drawn(!candidate),
      version: candidate ? '4.2.0' : '2.3.7',
      ...(candidate ? { features: ['find'] } : {}),
    }),
    added: 'added /features',
    generated: [
      '/uuid (changed between two requests to each side)',
      "/version (beside the side's own id)",
    ],
  },
  {
    name: 'a node’s status',
    path: '/_node/status',
    answer: ({ candidate }) => ({
      node: {
        instance: drawn(!candidate),
        build: candidate ? '1e6d7a9c3' : '40f0c2b07',
        name: 'n1',
      },
      ok: true,
      ...(candidate ? { zone: 'eu' } : {}),
    }),
    added: 'added /zone',
    generated: [
      '/node/instance (changed between two requests to each side)',
      "/node/build (beside the side's own id)",
    ],
  },
];

describe('an identity of 32 random hex digits, a UUID by chance on one side only', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(FIXTURES)(
    '$name: per-instance by the second look, the added member its own row',
    async (f) => {
      const serve = (candidate: boolean) =>
        startServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(JSON.stringify(f.answer({ candidate })));
        });
      const [a, b] = await Promise.all([serve(false), serve(true)]);
      started.push(a, b);
      const cwd = await tempProject({
        'cases/identity.yaml': `suite: identity\ncases:\n  - id: read\n    request: { method: GET, path: "${f.path}" }\n`,
      });
      const run = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
      expect(run.stderr).toBe('');
      const report = await latestReport(cwd);
      const [read] = report.results;
      const changes =
        read && 'changes' in read ? (read.changes ?? []).map((c) => `${c.op} ${c.path}`) : [];
      expect(changes).toEqual([f.added]);
      expect(read?.generated).toEqual(f.generated);
      expect(read?.unsettled).toBeUndefined();
      expect(report.summary.rootCauses).toMatchObject({ open: 1 });
      expect(report.summary.rootCauses?.awaitingEvidence ?? 0).toBe(0);
    },
  );
});
