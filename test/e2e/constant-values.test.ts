/**
 * Issue 43, with real servers: the same constant under other parents is one
 * row. The candidate's fake owner has another id, in the account document and
 * in every listed item; a member of the same name in an object of another
 * name, changed the same way, is a row of its own. Two fixtures with other
 * names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly object: string;
  readonly member: string;
  readonly other: string;
}

const FIRST: Fixture = { name: 'an owner id', object: 'owner', member: 'id', other: 'grantee' };
const SECOND: Fixture = {
  name: 'a tenant code',
  object: 'tenant',
  member: 'code',
  other: 'issuer',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const value = candidate ? '123456789000' : '123';
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const owned = { [f.object]: { [f.member]: value, name: 'fake' } };
    if (path === '/account') return json(res, 200, { account: owned });
    if (path === '/grants') return json(res, 200, { grant: { [f.other]: { [f.member]: value } } });
    return json(res, 200, {
      items: ['a', 'b'].map((name) => ({ name, ...owned })),
    });
  });
}

const CASES = `suite: s
cases:
  - id: account
    request: { method: GET, path: /account }
  - id: items
    request: { method: GET, path: /items }
  - id: more-items
    request: { method: GET, path: /items/more }
  - id: grants
    request: { method: GET, path: /grants }
`;

describe('one constant under other parents is one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(CASES, baseline, candidate);
    const constant = causes.filter((c) => c.caseIds.includes('s/account'));
    expect(constant).toHaveLength(1);
    expect([...(constant[0]?.caseIds ?? [])].sort()).toEqual([
      's/account',
      's/items',
      's/more-items',
    ]);
    const other = causes.filter((c) => c.caseIds.includes('s/grants'));
    expect(other).toHaveLength(1);
    expect(causes).toHaveLength(2);
  });
});
