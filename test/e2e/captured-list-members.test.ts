/**
 * A flow's captured value in a list's elements that one side lists more of:
 * a tab read back with one node more on one side (each node naming its tab's
 * drawn id), a folder listed with one file more. The elements both sides
 * list are compared with the captured value as its placeholder, and so is
 * the element one side lists more, at the same member: the difference is
 * the element added, one row, never a `value of /…/board differs` row for
 * an element the index pairing left out (`core/flow/mask.ts`). Two fixtures
 * with other names, one extra element first and one second, one of them
 * holding the id inside a link. A member that holds the other side's id
 * still differs.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly things: string;
  readonly key: string;
  readonly list: string;
  readonly parent: string;
  /** The element the candidate lists more, given the container's id. */
  readonly extra: (id: string) => Record<string, unknown>;
  /** Where the candidate lists it among the others. */
  readonly at: number;
  /** A member of each element that holds the id inside a text. */
  readonly link?: string;
}

const BOARDS: Fixture = {
  name: 'a board with a column more, first',
  things: 'boards',
  key: 'id',
  list: 'columns',
  parent: 'board',
  extra: (id) => ({ name: 'backlog', board: id, limit: 0 }),
  at: 0,
};
const FOLDERS: Fixture = {
  name: 'a folder with a file more, second, its link naming the folder',
  things: 'folders',
  key: 'folderId',
  list: 'files',
  parent: 'parent',
  extra: (id) => ({ name: 'README.md', parent: id, href: `/folders/${id}/README.md` }),
  at: 1,
  link: 'href',
};

function server(f: Fixture, candidate: boolean, stray = false): Promise<TestServer> {
  const made = new Map<string, string[]>();
  return startServer((req, res, body) => {
    const [, kind, id] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (kind !== f.things) return json(res, 404, { error: 'no such route' });
    if (req.method === 'POST') {
      const drawn = randomBytes(8).toString('hex');
      made.set(drawn, (JSON.parse(body) as { items: string[] }).items);
      return json(res, 201, { [f.key]: drawn });
    }
    const items = made.get(id ?? '');
    if (items === undefined) return json(res, 404, { error: 'no such container' });
    const element = (name: string) => ({
      name,
      [f.parent]: id,
      ...(f.link === undefined ? {} : { [f.link]: `/${f.things}/${id}/${name}` }),
    });
    const listed: Record<string, unknown>[] = items.map(element);
    if (candidate) {
      const extra = f.extra(id ?? '');
      listed.splice(f.at, 0, extra);
    }
    // The stray side names another container in an element both sides list.
    const beta = listed.find((e) => e['name'] === 'beta');
    if (stray && beta !== undefined) beta[f.parent] = 'another';
    return json(res, 200, { [f.key]: id, [f.list]: listed });
  });
}

const cases = (f: Fixture) => `suite: s
sideEffects: true
cases:
  - id: life
    steps:
      - id: make
        request: { method: POST, path: /${f.things}, json: { items: [alpha, beta] } }
        capture:
          made: { json: /${f.key} }
      - id: read
        request: { method: GET, path: "/${f.things}/{{made}}" }
`;

describe("a list's element one side lists more keeps its captured values masked", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([BOARDS, FOLDERS])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const all = JSON.stringify(causes.map((c) => c.summary));
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.summary).toContain(`candidate adds elements to the list \`/${f.list}\``);
  });

  it.each([BOARDS, FOLDERS])(
    '$name: a member naming another container still differs',
    async (f) => {
      const baseline = await server(f, false);
      const candidate = await server(f, true, true);
      started.push(baseline, candidate);
      const causes = await rootCausesOfPair(cases(f), baseline, candidate);
      const all = JSON.stringify(causes.map((c) => c.summary));
      expect(
        causes.some((c) => c.summary.includes(`value of \`/${f.list}/*/${f.parent}\` differs`)),
        all,
      ).toBe(true);
    },
  );
});
