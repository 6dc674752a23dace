/**
 * A token each side draws anew per call, at a member the flow captured a
 * value of earlier: a sign-up answers a session token (captured), a log-in
 * answers another one of the same form (a `POST` answered 200, so the
 * method is no evidence). Each side's own value, drawn per call: compared as
 * `{{generated}}`, never a row. Beside it, a real difference stays a row,
 * and a value of another form at that member still differs. Two fixtures
 * with other routes, members, token forms and planted changes.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

interface Fixture {
  readonly name: string;
  readonly join: string;
  readonly enter: string;
  readonly member: string;
  readonly draw: () => string;
  /** The log-in's answer besides its token, on either side. */
  readonly rest: (candidate: boolean) => Record<string, unknown>;
  /** Words of the planted real change's row. */
  readonly planted: string;
}

const SESSIONS: Fixture = {
  name: 'a session token per log-in',
  join: '/users',
  enter: '/login',
  member: 'sessionToken',
  draw: () => `r:${randomBytes(16).toString('hex')}`,
  rest: (candidate) => ({ username: 'ada', verified: candidate }),
  planted: '/verified',
};

const KEYS: Fixture = {
  name: 'an API key per grant',
  join: '/accounts',
  enter: '/grants',
  member: 'secret',
  draw: () => `sk_live_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}9`,
  rest: (candidate) => ({ account: 'acme', scopes: candidate ? ['read'] : ['read', 'write'] }),
  planted: '/scopes',
};

function start(f: Fixture) {
  return (candidate: boolean) =>
    startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === f.join) {
        return json(res, 201, { [f.member]: f.draw() });
      }
      if (req.method === 'POST' && url.pathname === f.enter) {
        return json(res, 200, { ...f.rest(candidate), [f.member]: f.draw() });
      }
      // Another form at the member: a word on the candidate, a token on the baseline.
      if (url.pathname === `${f.enter}/legacy`) {
        return json(res, 200, { [f.member]: candidate ? 'disabled' : f.draw() });
      }
      return json(res, 404, { error: 'not found' });
    });
}

const cases = (f: Fixture) => `suite: s
sideEffects: true
cases:
  - id: flow
    steps:
      - id: join
        request: { method: POST, path: ${f.join}, json: { name: ada } }
        capture: { token: { json: /${f.member} } }
      - id: enter
        request: { method: POST, path: ${f.enter}, json: { name: ada } }
      - id: legacy
        request: { method: GET, path: ${f.enter}/legacy }
`;

describe('a token each side draws anew per call', () => {
  it.each([SESSIONS, KEYS])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    const enter = causes.filter((c) => c.caseIds?.includes('s/flow/enter'));
    // The log-in's token is no row: only the planted change.
    expect(enter, shown).toHaveLength(1);
    expect(enter[0]?.summary, shown).toContain(f.planted);
    expect(enter[0]?.summary, shown).not.toContain(f.member);
    // A value of another form at the member still differs.
    const legacy = causes.filter((c) => c.caseIds?.includes('s/flow/legacy'));
    expect(legacy, shown).toHaveLength(1);
    expect(legacy[0]?.summary, shown).toContain(f.member);
  });
});
