/**
 * Issue 43, item 3: type families are keyed on types, not on values. The
 * candidate writes a counter as a digit string offset by one (`"2"` vs `1`),
 * a flag as the string `"true"`/`"false"`, and a timestamp as RFC 3339 text
 * where the baseline writes epoch seconds, on two endpoints; on the second
 * the flag and the instant also differ. Each family is one row across both
 * endpoints, whether or not the values are equal; the values that differ are
 * value rows of their own, never the reason the family is missed. Two
 * fixtures with other field names give the same rows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly one: string;
  readonly many: string;
  readonly counter: string;
  readonly flag: string;
  readonly stamp: string;
}

const FIRST: Names = {
  one: 'status',
  many: 'jobs',
  counter: 'attempt',
  flag: 'enabled',
  stamp: 'createdAt',
};
const SECOND: Names = {
  one: 'shelf',
  many: 'books',
  counter: 'revision',
  flag: 'in_print',
  stamp: 'published',
};

const EPOCH = 1_700_000_000;

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const record = (counter: number, flag: boolean, stamp: number, shift: boolean) =>
    candidate
      ? {
          [names.counter]: String(counter + 1),
          [names.flag]: String(shift ? !flag : flag),
          [names.stamp]: new Date((stamp + (shift ? 5 : 0)) * 1000)
            .toISOString()
            .replace('.000Z', 'Z'),
          name: 'x',
        }
      : { [names.counter]: counter, [names.flag]: flag, [names.stamp]: stamp, name: 'x' };
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === `/${names.one}`) return json(res, 200, record(1, true, EPOCH, false));
    if (path === `/${names.many}`) {
      return json(res, 200, { items: [record(5, false, EPOCH + 100, true)] });
    }
    return json(res, 404, { error: 'no route' });
  });
}

const cases = (names: Names) => `suite: families
cases:
  - id: one
    request: { method: GET, path: /${names.one} }
  - id: many
    request: { method: GET, path: /${names.many} }
`;

describe('type families keyed on types, not values', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])(
    '%s: one row per family across endpoints; differing values are rows of their own',
    async (_, names) => {
      const baseline = await server(names, false);
      const candidate = await server(names, true);
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/families.yaml': cases(names) });
      const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const report = await latestReport(cwd);
      const causes = report.rootCauses ?? [];
      const family = (pattern: string) =>
        causes.filter((c) => c.cause?.type === 'pattern' && c.cause.pattern === pattern);
      for (const pattern of ['int-as-string', 'bool-as-string', 'timestamp-format']) {
        const rows = family(pattern);
        expect(rows, pattern).toHaveLength(1);
        expect(rows[0]?.caseIds, pattern).toEqual(['families/one', 'families/many']);
        expect(rows[0]?.endpoints, pattern).toEqual([`GET /${names.many}`, `GET /${names.one}`]);
      }
      // The values' own questions: the offset counter (one row: the same change on both endpoints),
      // the flag and the instant on the second.
      const values = causes
        .filter((c) => c.cause?.type === 'structure' && c.cause.change.op === 'value')
        .map((c) => (c.cause?.type === 'structure' ? c.cause.change.path : ''))
        .sort();
      expect(values).toEqual([`/${names.counter}`, `/${names.flag}`, `/${names.stamp}`].sort());
      const counter = causes.find((c) => c.summary === `value of \`/${names.counter}\` differs`);
      expect(counter?.endpoints).toEqual([`GET /${names.many}`, `GET /${names.one}`]);
      expect(causes).toHaveLength(6);
      // A finding's fingerprint is its row's.
      const fingerprints = new Set(causes.map((c) => c.fingerprint));
      for (const result of report.results) {
        for (const finding of result.findings ?? []) {
          expect(fingerprints.has(finding.fingerprint)).toBe(true);
        }
      }
    },
  );
});
