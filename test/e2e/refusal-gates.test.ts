/**
 * Issue 43, with real servers: a route one side refuses whole is one row
 * (docs/tracker.md rule 24). One side checks a setting before it reads the
 * request and answers every request of the route with one refusal; the
 * other reads each request and refuses it for its own reason (a missing id,
 * a bad parameter, a crash further in, as a text page). Planted beside it: a
 * request the other side accepts, and the same refusal on another route,
 * each a row of its own. Two fixtures with the sides, routes and statuses
 * changed.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The side that checks the setting first. */
  readonly gate: 'baseline' | 'candidate';
  readonly method: 'POST' | 'PUT';
  readonly parent: string;
  readonly action: string;
  readonly refusal: readonly [number, Record<string, string>];
  /** The other side's answers: a missing id, a bad parameter, a crash (text). */
  readonly missing: number;
  readonly bad: number;
  readonly crash: number;
}

const FIRST: Fixture = {
  name: 'a relay refused while no outgoing server is configured',
  gate: 'candidate',
  method: 'POST',
  parent: 'mail',
  action: 'send',
  refusal: [500, { error: 'Outgoing mail not configured' }],
  missing: 404,
  bad: 400,
  crash: 500,
};
const SECOND: Fixture = {
  name: 'an export refused while exports are off',
  gate: 'baseline',
  method: 'PUT',
  parent: 'reports',
  action: 'export',
  refusal: [503, { message: 'exports are disabled' }],
  missing: 404,
  bad: 422,
  crash: 503,
};

/** `reads`: the gated side accepts a dry run of the route (`?dry=1`), so it reads each request. */
function server(f: Fixture, gated: boolean, reads = false): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, top, id, action, target] = url.pathname.split('/');
    if (reads && url.searchParams.has('dry')) {
      return json(res, 200, gated ? { queued: true } : { done: true, dry: true });
    }
    if (gated) return json(res, f.refusal[0], f.refusal[1]);
    if (top === 'archive') return json(res, 409, { reason: 'already archived' });
    if (top !== f.parent || action !== f.action) return json(res, 404, { reason: 'no route' });
    if (id !== '1') return json(res, f.missing, { reason: `no ${f.parent} ${id}` });
    if (target === 'nobody') return json(res, f.bad, { reason: `bad target ${target}` });
    if (target === 'ok') return json(res, 200, { done: true });
    res.writeHead(f.crash, { 'content-type': 'text/html' });
    res.end('<pre>TypeError: done is not a function</pre>');
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: crash
    request: { method: ${f.method}, path: /${f.parent}/1/${f.action} }
  - id: bad
    request: { method: ${f.method}, path: /${f.parent}/1/${f.action}/nobody }
  - id: missing
    request: { method: ${f.method}, path: /${f.parent}/no-such-id/${f.action} }
  - id: accepted
    request: { method: ${f.method}, path: /${f.parent}/1/${f.action}/ok }
  - id: archive
    request: { method: ${f.method}, path: /archive/1 }
`;

describe('a route one side refuses whole is one row', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const gated = (candidate: boolean) => server(f, candidate === (f.gate === 'candidate'));
    const causes = await rootCausesOfServers(cases(f), gated);
    const summaries = causes.map((c) => c.summary);
    const gate = causes.filter((c) => c.summary.includes(' answers every '));
    expect(gate, JSON.stringify(summaries, null, 1)).toHaveLength(1);
    expect(gate[0]?.summary).toBe(
      `${f.gate} answers every ${f.method} /${f.parent}/:id/${f.action} request both sides refused with ${f.refusal[0]} (\`${Object.values(f.refusal[1])[0]}\`)`,
    );
    expect([...(gate[0]?.caseIds ?? [])].sort()).toEqual(['s/bad', 's/crash', 's/missing']);
    // The request the other side accepted, and the same refusal on another route: rows of their own.
    expect(causes.filter((c) => c.caseIds.includes('s/accepted'))).toHaveLength(1);
    expect(causes.filter((c) => c.caseIds.includes('s/archive'))).toHaveLength(1);
    expect(causes).toHaveLength(3);
  });
});

describe('a side that accepts a request of the route refuses none whole', () => {
  it.each([FIRST, SECOND])('$name, but a dry run accepted', async (f) => {
    const library = `${cases(f)}  - id: dry
    request: { method: ${f.method}, path: /${f.parent}/1/${f.action}, query: { dry: '1' } }
`;
    const gated = (candidate: boolean) => server(f, candidate === (f.gate === 'candidate'), true);
    const causes = await rootCausesOfServers(library, gated);
    const summaries = causes.map((c) => c.summary);
    // No row says the side refuses every request: it accepted one on that endpoint.
    expect(
      summaries.some((s) => s.includes(' answers every ')),
      JSON.stringify(summaries),
    ).toBe(false);
    // Each refusal keeps the row of what was seen: a status transition, or the bodies' kinds.
    for (const id of ['s/bad', 's/missing', 's/crash']) {
      const rows = causes.filter((c) => c.caseIds.includes(id)).map((c) => c.summary);
      expect(rows, JSON.stringify(summaries)).toHaveLength(1);
      expect(rows[0], JSON.stringify(summaries)).toMatch(/^status \d+ → \d+ on |^5xx bodies: /);
    }
  });
});
