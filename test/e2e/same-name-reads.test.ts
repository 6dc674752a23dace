/**
 * Tracker rule 46 with real servers: one store of records served under two
 * collections. A write one side refuses and the other performs, sent through
 * one collection, shows in a later read of the record of the same name
 * through the other: present on one side, absent (`404`) on the other, in the
 * direction the write implies. The read shows under the write's row. Two
 * fixtures with other names, methods and directions (a `DELETE` the
 * candidate refuses, a `PUT` the baseline refuses); kept apart: a read in
 * the direction the write does not imply (a second store on one side), and a
 * name that ends paths in three places (a kind of page, not one record).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The collections one store is served under: the write's, then the read's. */
  readonly writeUnder: string;
  readonly readUnder: string;
  readonly record: string;
  readonly method: 'PUT' | 'DELETE';
  /** The side that refuses the write. */
  readonly refusing: 'baseline' | 'candidate';
  /** The member a record's answer names it by. */
  readonly member: string;
}

const DELETE_REFUSED: Fixture = {
  name: 'a DELETE the candidate refuses',
  writeUnder: '/spaces/main/pages',
  readUnder: '/views/home/pages',
  record: 'Quarterly review',
  method: 'DELETE',
  refusing: 'candidate',
  member: 'title',
};

const PUT_REFUSED: Fixture = {
  name: 'a PUT the baseline refuses',
  writeUnder: '/uploads/docs',
  readUnder: '/archive/docs',
  record: 'budget-plan.txt',
  method: 'PUT',
  refusing: 'baseline',
  member: 'file',
};

const encoded = (f: Fixture) => encodeURIComponent(f.record);

/** One store under both collections; `refuse`: the side that refuses the fixture's write. */
function store(f: Fixture, refuse: boolean, options: { otherStore?: boolean } = {}) {
  const held = new Set<string>(f.method === 'DELETE' ? [f.record] : []);
  // The read's collection, on a side with a store of its own there, holds the record until read.
  const second = new Set<string>(options.otherStore === true ? [f.record] : []);
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const name = path.split('/').at(-1) ?? '';
    if (req.method === 'PUT' || req.method === 'DELETE') {
      if (refuse) {
        res.writeHead(403);
        return void res.end();
      }
      if (req.method === 'PUT') held.add(name);
      else held.delete(name);
      res.writeHead(204);
      return void res.end();
    }
    const inSecond = path.startsWith(f.readUnder) && options.otherStore !== undefined;
    const has = inSecond ? second.has(name) : held.has(name);
    if (!has) return json(res, 404, { error: 'not found' });
    json(res, 200, { [f.member]: name, size: 3 });
  };
}

function cases(f: Fixture, read = `${f.readUnder}/${encoded(f)}`): string {
  const body = f.method === 'PUT' ? `, text: abc` : '';
  return `suite: s
serial: true
cases:
  - id: write
    request: { method: ${f.method}, path: ${f.writeUnder}/${encoded(f)}${body} }
  - id: read
    request: { method: GET, path: ${read} }
`;
}

async function pair(f: Fixture, options: { otherStore?: 'baseline' | 'candidate' } = {}) {
  const side = (which: 'baseline' | 'candidate') =>
    startServer(
      store(f, f.refusing === which, {
        ...(options.otherStore === undefined ? {} : { otherStore: options.otherStore === which }),
      }),
    );
  return { baseline: await side('baseline'), candidate: await side('candidate') };
}

describe('a read of the record of the same name under another collection (rule 46)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function causesOf(cases: string, options: Parameters<typeof pair>[1], f: Fixture) {
    const { baseline, candidate } = await pair(f, options);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    return (await latestReport(cwd)).rootCauses ?? [];
  }

  it.each([DELETE_REFUSED, PUT_REFUSED])('$name: the read shows under the write', async (f) => {
    const causes = await causesOf(cases(f), {}, f);
    expect(causes).toHaveLength(1);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(['s/read', 's/write']);
  });

  it.each([DELETE_REFUSED, PUT_REFUSED])(
    '$name: a read in the direction the write does not imply keeps its row',
    async (f) => {
      // The read's collection is a store of its own on both sides, and holds the record only on the
      // side the write would leave without it (the one that deleted it, or that refused to store it):
      // a difference the write did not make.
      const performing = f.refusing === 'baseline' ? 'candidate' : 'baseline';
      const holding = f.method === 'DELETE' ? performing : f.refusing;
      const causes = await causesOf(cases(f), { otherStore: holding }, f);
      const write = causes.filter((c) => c.caseIds.includes('s/write'));
      const read = causes.filter((c) => c.caseIds.includes('s/read'));
      expect(write).toHaveLength(1);
      expect(read).toHaveLength(1);
      expect(read[0]?.fingerprint).not.toBe(write[0]?.fingerprint);
    },
  );

  it('a name that ends paths in three places is no one record: the read keeps its row', async () => {
    const f: Fixture = { ...DELETE_REFUSED, record: 'index' };
    const three = `${cases(f)}  - id: elsewhere
    request: { method: GET, path: /help/index }
`;
    const causes = await causesOf(three, {}, f);
    const write = causes.filter((c) => c.caseIds.includes('s/write'));
    const read = causes.filter((c) => c.caseIds.includes('s/read'));
    expect(write).toHaveLength(1);
    expect(read).toHaveLength(1);
    expect(read[0]?.fingerprint).not.toBe(write[0]?.fingerprint);
  });
});
