/**
 * Issue 43, with real servers: one object written another way, the objects
 * nested in it included, is one row. The candidate's record lacks (or adds)
 * members of one object and members of the objects nested in it (an object
 * member, each element of a list inside the record), in a list, a read and
 * another list alike. Planted beside it, each its own row: a member of the
 * record's top, changed in the same answers, and a nested member changed in
 * the lists only (another answer set). Two fixtures with other names and
 * the other side.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The record as the side that has more members writes it. */
  readonly full: (id: number, listed: boolean) => Record<string, unknown>;
  /** The same record as the other side writes it. */
  readonly slim: (id: number) => Record<string, unknown>;
  /** Which side writes the full record. */
  readonly full_side: 'baseline' | 'candidate';
  readonly object: string;
  readonly top: string;
  readonly listedOnly: string;
}

const ENVELOPE: Fixture = {
  name: 'an envelope and its addresses lack members',
  full: (id, listed) => ({
    id,
    subject: `s${id}`,
    messageId: `m${id}@x`,
    envelope: {
      host: 'mx.local',
      remoteAddress: '10.0.0.1',
      from: { address: 'a@x', args: false, ...(listed ? { tag: 'in' } : {}) },
      to: [
        { address: 'b@x', args: false },
        { address: 'c@x', args: false },
      ],
    },
  }),
  slim: (id) => ({
    id,
    subject: `s${id}`,
    envelope: { from: { address: 'a@x' }, to: [{ address: 'b@x' }, { address: 'c@x' }] },
  }),
  full_side: 'baseline',
  object: 'envelope',
  top: 'messageId',
  listedOnly: 'tag',
};

const SERVER: Fixture = {
  name: 'a server object and its listeners gain members',
  full: (id, listed) => ({
    id,
    label: `n${id}`,
    stamp: 'v2',
    server: {
      region: 'eu-west',
      tls: { version: '1.3', pinned: false, retries: 0, ...(listed ? { mode: 'strict' } : {}) },
      listeners: [{ port: 80 + id, backlog: 0 }],
    },
  }),
  slim: (id) => ({
    id,
    label: `n${id}`,
    server: { tls: { version: '1.3' }, listeners: [{ port: 80 + id }] },
  }),
  full_side: 'candidate',
  object: 'server',
  top: 'stamp',
  listedOnly: 'mode',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const full = (candidate ? 'candidate' : 'baseline') === f.full_side;
  const record = (id: number, listed: boolean) => (full ? f.full(id, listed) : f.slim(id));
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/v/things') return json(res, 200, [record(1, true), record(2, true)]);
    if (path === '/v/others') return json(res, 200, [record(3, true)]);
    return json(res, 200, record(1, false));
  });
}

const CASES = `suite: s
cases:
  - id: list
    request: { method: GET, path: /v/things }
  - id: read
    request: { method: GET, path: /v/things/1 }
  - id: others
    request: { method: GET, path: /v/others }
`;

describe('one object and the objects nested in it are one row', () => {
  it.each([ENVELOPE, SERVER])('$name', async (f) => {
    const causes = await rootCausesOfServers(CASES, (candidate) => server(f, candidate));
    const summaries = causes.map((c) => c.summary);
    const verb = f.full_side === 'baseline' ? 'lacks' : 'adds';
    const object = causes.filter((c) => c.summary.startsWith(`candidate ${verb} \`/${f.object}/`));
    expect(object, summaries.join('\n')).toHaveLength(2);
    // One of them in the read too: the object's row (the other, the lists' nested member).
    const row = object.find((c) => c.caseIds.length === 3);
    expect(row?.caseIds).toEqual(['s/list', 's/read', 's/others']);
    // Every nested object's change is in that row.
    expect(row?.places?.length).toBeGreaterThanOrEqual(4);
    // The record's own member, in the same answers: a row of its own.
    expect(summaries).toContainEqual(expect.stringContaining(`\`/${f.top}\``));
    // A nested member the lists alone change: another answer set, its own row.
    expect(summaries).toContainEqual(expect.stringContaining(`/${f.listedOnly}\``));
    expect(causes).toHaveLength(3);
  });
});
