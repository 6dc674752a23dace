/**
 * Issue 43, items 1 and 2, across answers with real servers: a value change
 * is keyed by what changed (its field and its two templates), not where. Two
 * servers of one JSON API (every request answered by one resource, as an
 * AWS-style API answers `POST /`) plant:
 *
 * - one error message worded another way on two requests: one row;
 * - a second error message worded its own way: a row of its own (the same
 *   field, another decision);
 * - an error whose type and message both change in its one answer: one row;
 * - a timestamp written with a fraction by the candidate in two objects of
 *   two answers: one row;
 * - an object member the candidate adds under those two objects, in the same
 *   answers as the timestamp: one row, apart from the timestamp's.
 *
 * Five rows; two fixtures with other names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly type: string;
  readonly message: string;
  readonly objects: readonly [string, string];
  readonly stamp: string;
  readonly member: string;
}

const FIRST: Names = {
  type: '__type',
  message: 'message',
  objects: ['StreamDescription', 'StreamDescriptionSummary'],
  stamp: 'CreatedAt',
  member: 'ModeDetails',
};
const SECOND: Names = {
  type: 'code',
  message: 'detail',
  objects: ['order', 'orderSummary'],
  stamp: 'placedAt',
  member: 'shipping',
};

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const { type, message } = names;
  return startServer((req, res) => {
    const [, what = '', id = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    switch (what) {
      case 'missing':
        return json(res, 400, {
          [type]: 'NotFound',
          [message]: candidate ? `No thing named ${id}` : `Thing ${id} was not found.`,
        });
      case 'exists':
        return json(res, 400, {
          [type]: 'InUse',
          [message]: candidate ? 'Already there' : 'Thing exists already.',
        });
      case 'zero':
        return json(
          res,
          400,
          candidate
            ? { [type]: 'LimitExceeded', [message]: 'count out of range' }
            : { [type]: 'Validation', [message]: 'value must be positive' },
        );
      case 'describe':
      case 'summary': {
        const object = what === 'describe' ? names.objects[0] : names.objects[1];
        const body = candidate
          ? { name: 'orders', [names.stamp]: 1700000000.25, [names.member]: { Mode: 'ON' } }
          : { name: 'orders', [names.stamp]: 1700000000 };
        return json(res, 200, { [object]: body });
      }
      default:
        return json(res, 404, {});
    }
  });
}

const CASES = `suite: api
cases:
  - id: missing-one
    request: { method: GET, path: /missing/a1 }
  - id: missing-two
    request: { method: GET, path: /missing/b2 }
  - id: exists
    request: { method: GET, path: /exists }
  - id: zero
    request: { method: GET, path: /zero }
  - id: describe
    request: { method: GET, path: /describe }
  - id: summary
    request: { method: GET, path: /summary }
`;

describe('values keyed by what changed, across answers', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: five planted causes are five rows', async (_, names) => {
    const baseline = await server(names, false);
    const candidate = await server(names, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': CASES });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const run = await runCli(cwd, [...argv, '--second-look', '0']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    const byCases = (ids: readonly string[]) =>
      causes.filter((cause) => JSON.stringify([...cause.caseIds].sort()) === JSON.stringify(ids));

    // One wording on two requests: one row; another wording of the same field: its own row.
    const missing = byCases(['api/missing-one', 'api/missing-two']);
    expect(missing.map((cause) => cause.summary)).toEqual([
      `value of \`/${names.message}\` differs: \`Thing … was not found.\` vs \`No thing named …\``,
    ]);
    expect(byCases(['api/exists'])).toHaveLength(1);
    // An error's type and message changing in its one answer: one row naming both.
    const zero = byCases(['api/zero']);
    expect(zero).toHaveLength(1);
    expect(zero[0]?.summary).toContain(`\`/${names.type}\``);
    expect(zero[0]?.summary).toContain('(+1 more)');
    // The timestamp's precision in two objects, and the member both gain: two rows of two places each.
    const described = byCases(['api/describe', 'api/summary']);
    expect(described.map((cause) => cause.places?.length)).toEqual([2, 2]);
    expect(described.map((cause) => cause.summary).sort()).toEqual(
      [
        `candidate adds \`/${names.objects[0]}/${names.member}\``,
        `value of \`/${names.objects[0]}/${names.stamp}\` differs: \`0\` vs \`0.0\``,
      ].sort(),
    );
    expect(causes).toHaveLength(5);
  });
});
