/**
 * Issue 43, with real servers: one value transformation is one row wherever
 * it shows. The candidate writes every link as an absolute URL on its own
 * host and port, where the baseline writes the path, at members of other
 * names in other objects on three endpoints. Planted beside it, in the same
 * answers, a second cause in the same objects (the candidate prefixes every
 * id with text of its own, at one place): it stays a row of its own. Two fixtures with
 * other names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly things: string;
  readonly link: string;
  readonly parent: string;
  readonly parentLink: string;
  readonly id: string;
  readonly prefix: string;
}

const FIRST: Fixture = {
  name: 'orders with self links',
  things: 'orders',
  link: 'self',
  parent: 'customer',
  parentLink: 'url',
  id: 'number',
  prefix: 'ord_',
};
const SECOND: Fixture = {
  name: 'documents with hrefs',
  things: 'documents',
  link: 'href',
  parent: 'folder',
  parentLink: 'location',
  id: 'ref',
  prefix: 'doc-',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  let origin = '';
  const url = (path: string) => (candidate ? `${origin}${path}` : path);
  const id = (n: string) => (candidate ? `${f.prefix}${n}` : n);
  const started = startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, kind, n = '1'] = path.split('/');
    if (kind === 'folders') {
      return json(res, 200, { [f.parent]: { [f.parentLink]: url(`/folders/${n}`) } });
    }
    return json(res, 200, {
      item: { [f.id]: id(n), links: { [f.link]: url(`/${f.things}/${n}`) } },
      [f.parent]: { [f.parentLink]: url('/folders/9') },
    });
  });
  return started.then((s) => {
    origin = s.url.replace(/\/$/, '');
    return s;
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: one
    request: { method: GET, path: /${f.things}/1 }
  - id: two
    request: { method: GET, path: /${f.things}/22 }
  - id: three
    request: { method: GET, path: /${f.things}/333 }
  - id: folder
    request: { method: GET, path: /folders/4 }
`;

describe('one value transformation is one row wherever it shows', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const urls = causes.filter((c) => c.caseIds.includes('s/folder'));
    expect(urls, JSON.stringify(causes, null, 1)).toHaveLength(1);
    expect([...(urls[0]?.caseIds ?? [])].sort()).toEqual(['s/folder', 's/one', 's/three', 's/two']);
    expect(urls[0]?.summary).toContain(
      'candidate writes absolute URLs where baseline writes paths',
    );
    const ids = causes.filter((c) => c !== urls[0]);
    expect(ids).toHaveLength(1);
    expect(ids[0]?.summary).toContain(`value of \`/item/${f.id}\` differs`);
  });
});
