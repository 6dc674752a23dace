/**
 * A map keyed by the id of the record each side created in the flow (an ACL
 * keyed by the user's id, grants keyed by the project's): the flow captured
 * each side's id, and the later answer keys a member by it. The member is
 * compared under the variable's placeholder (`/ACL/{{user}}`), never a row
 * that one side adds a key and lacks another; a real difference beside it
 * (a value under that key, a member of the object) stays a row. Two
 * fixtures with other routes, id members, map names and planted changes.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

interface Fixture {
  readonly name: string;
  readonly route: string;
  readonly id: string;
  readonly map: string;
  /** The object a read answers for the record `id`, on either side. */
  readonly record: (id: string, candidate: boolean) => Record<string, unknown>;
  /** Words of the planted real change's row. */
  readonly planted: string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const drawn = () =>
  `${Array.from({ length: 9 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}${randomInt(10)}`;

const USERS: Fixture = {
  name: 'an ACL keyed by the user each side created',
  route: '/users',
  id: 'objectId',
  map: 'ACL',
  // The planted change: the candidate's public entry may not read.
  record: (id, candidate) => ({
    username: 'ada',
    ACL: { [id]: { read: true, write: true }, '*': { read: !candidate } },
  }),
  planted: '/ACL/*/read',
};

const PROJECTS: Fixture = {
  name: 'grants keyed by the project each side created',
  route: '/projects',
  id: 'key',
  map: 'grants',
  // The planted change: the candidate adds an `archived` member beside the grants.
  record: (id, candidate) => ({
    title: 'atlas',
    grants: { [id]: 'owner' },
    ...(candidate ? { archived: true } : {}),
  }),
  planted: 'archived',
};

function start(f: Fixture) {
  return (candidate: boolean) => {
    const made = new Set<string>();
    return startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === f.route) {
        const id = drawn();
        made.add(id);
        return json(res, 201, { [f.id]: id });
      }
      const id = url.pathname.slice(f.route.length + 1);
      if (!made.has(id)) return json(res, 404, { error: 'not found' });
      return json(res, 200, f.record(id, candidate));
    });
  };
}

const cases = (f: Fixture) => `suite: s
sideEffects: true
cases:
  - id: flow
    steps:
      - id: create
        request: { method: POST, path: ${f.route}, json: { name: one } }
        capture: { made: { json: /${f.id} } }
      - id: read
        request: { method: GET, path: "${f.route}/{{made}}" }
`;

describe('a map keyed by the id each side created in the flow', () => {
  it.each([USERS, PROJECTS])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    // No row about the keys each side drew: only the planted change's.
    expect(causes, shown).toHaveLength(1);
    expect(causes[0]?.summary, shown).toContain(f.planted);
    expect(causes[0]?.caseIds).toEqual(['s/flow/read']);
  });
});
