/**
 * Error messages worded otherwise, on error answers both sides refused
 * (`core/compare/data-places.ts`). Three requests refused for three reasons,
 * each side wording each reason as a sentence of its own: three wordings,
 * three rows (a person decides each message). Three requests refused for
 * one reason naming three records (`user ada not found`, `…bob…`), one
 * sentence with other words on each side: the values are data, one row.
 * Two fixtures with other members, routes and statuses.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly route: string;
  readonly member: string;
  readonly status: number;
  /** Three reasons, each side's sentence for it. */
  readonly reasons: readonly (readonly [query: string, baseline: string, candidate: string])[];
  /** One reason naming a record, as each side words it. */
  readonly missing: readonly [
    baseline: (name: string) => string,
    candidate: (name: string) => string,
  ];
}

const USERS: Fixture = {
  name: 'user sign-ups refused, users missing',
  route: '/users',
  member: 'error',
  status: 400,
  reasons: [
    ['no-email', 'email is required', 'missing email'],
    ['short-password', 'password too short', 'the password must have twelve characters or more'],
    ['taken', 'this name is taken already', 'Conflict: name in use'],
  ],
  missing: [(name) => `user ${name} not found`, (name) => `no user named ${name}`],
};
const ORDERS: Fixture = {
  name: 'orders refused, products missing',
  route: '/orders',
  member: 'detail',
  status: 422,
  reasons: [
    ['empty', 'An order needs one line at least.', 'lines: must not be empty'],
    ['closed', 'The shop is closed today.', 'Orders are not accepted now'],
    ['currency', 'Unknown currency.', 'currency must be one of the shop currencies'],
  ],
  missing: [(name) => `Product ${name} does not exist.`, (name) => `unknown product ${name}`],
};

function start(f: Fixture) {
  return (candidate: boolean) =>
    startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const why = url.searchParams.get('why');
      const reason = f.reasons.find(([query]) => query === why);
      if (reason !== undefined)
        return json(res, f.status, { [f.member]: reason[candidate ? 2 : 1] });
      const name = url.searchParams.get('name') ?? '';
      return json(res, 404, { [f.member]: f.missing[candidate ? 1 : 0](name) });
    });
}

const cases = (f: Fixture) => `suite: s
cases:
${f.reasons.map(([query]) => `  - id: ${query}\n    request: { method: GET, path: ${f.route}, query: { why: ${query} } }`).join('\n')}
${['ada', 'bob', 'cyd'].map((name) => `  - id: missing-${name}\n    request: { method: GET, path: ${f.route}, query: { name: ${name} } }`).join('\n')}
`;

describe('error messages worded otherwise', () => {
  it.each([USERS, ORDERS])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const all = JSON.stringify(causes.map((c) => c.summary));
    for (const [query] of f.reasons) {
      const rows = causes.filter((c) => c.caseIds?.includes(`s/${query}`));
      expect(rows, `${query}: ${all}`).toHaveLength(1);
      expect(rows[0]?.caseIds).toEqual([`s/${query}`]);
    }
    const missing = causes.filter((c) => c.caseIds?.includes('s/missing-ada'));
    expect(missing, all).toHaveLength(1);
    expect(missing[0]?.caseIds).toEqual(['s/missing-ada', 's/missing-bob', 's/missing-cyd']);
    expect(causes, all).toHaveLength(4);
  });
});
