/**
 * Issue 43, with real servers: links to one resource are one row wherever
 * they sit (docs/tracker.md rule 23). The candidate exposes a parent's
 * children as a resource of their own and links to it from the parent (a
 * HAL `_links` member, or a plain `links` string) and from each child it
 * lists; a list of parents shows no child, so the two links show in other
 * answers, under other parents. Planted beside them: a link to another
 * resource (on one parent) and a member added with a value (in the same
 * answers), each a row of its own. Two fixtures with other names and shapes.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly parents: string;
  readonly children: string;
  readonly links: string;
  /** The link's value on the candidate (the baseline has none). */
  readonly link: (href: string) => unknown;
  readonly other: string;
  readonly extra: string;
}

const FIRST: Fixture = {
  name: 'HAL links on orders and their items',
  parents: 'orders',
  children: 'items',
  links: '_links',
  link: (href) => ({ href }),
  other: 'customer',
  extra: 'currency',
};
const SECOND: Fixture = {
  name: 'plain link strings on boards and their cards',
  parents: 'boards',
  children: 'cards',
  links: 'links',
  link: (href) => href,
  other: 'owner',
  extra: 'colour',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  let origin = '';
  const parent = (id: string) => {
    const links: Record<string, unknown> = { self: f.link(`${origin}/${f.parents}/${id}`) };
    if (candidate) {
      links[f.children] = f.link(`${origin}/${f.parents}/${id}/${f.children}`);
      // A link to another resource, on one parent only (in the same answers as the
      // children's link it would be one of the members that object gains together: rule 2).
      if (id === '8') links[f.other] = f.link(`${origin}/people/3`);
    }
    return { id: Number(id), [f.links]: links, ...(candidate ? { [f.extra]: 'EUR' } : {}) };
  };
  const child = (id: string, n: number) => ({
    n,
    ...(candidate
      ? { [f.links]: { self: f.link(`${origin}/${f.parents}/${id}/${f.children}/${n}`) } }
      : {}),
  });
  const started = startServer((req, res) => {
    const [, , id] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (id === undefined || id === '') return json(res, 200, { [f.parents]: [parent('7')] });
    return json(res, 200, { ...parent(id), [f.children]: [child(id, 0), child(id, 1)] });
  });
  return started.then((s) => {
    origin = s.url.replace(/\/$/, '');
    return s;
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: read
    request: { method: GET, path: /${f.parents}/7 }
  - id: read-other
    request: { method: GET, path: /${f.parents}/8 }
  - id: list
    request: { method: GET, path: /${f.parents} }
`;

describe('links to one resource are one row wherever they sit', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    const links = causes.filter((c) =>
      c.summary.includes(`candidate links to \`/${f.parents}/:id/${f.children}\``),
    );
    expect(links, JSON.stringify(summaries, null, 1)).toHaveLength(1);
    expect([...(links[0]?.caseIds ?? [])].sort()).toEqual(['s/list', 's/read', 's/read-other']);
    // The link to another resource and the member added with a value keep their rows.
    expect(summaries.filter((s) => s.includes(f.other))).toHaveLength(1);
    expect(summaries.filter((s) => s.includes(f.extra))).toHaveLength(1);
    expect(causes).toHaveLength(3);
  });
});
