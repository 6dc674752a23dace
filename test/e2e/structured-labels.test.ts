/**
 * Issue 43, tracker rule 59 (`structured-labels.ts`), with real servers: a
 * `content-type` whose media type differs in exactly the answers of one
 * JSON body's row, two or more, and nowhere else, joins that row, whose
 * words name the two media types. Planted as a listing that becomes a
 * JSON-LD document (`{"@context": …, "items": {…}}` under
 * `application/ld+json`) and as an error body that becomes an RFC 7807
 * problem document under `application/problem+json` on two endpoints, each
 * twice with other routes and member names. Kept apart, each its own row:
 * the same media type on an answer whose bodies agree (a server-wide
 * label), a media type beside two body rows in the same answers (nothing
 * says which: it joins neither), a charset alone beside the row, and one
 * answer alone.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The routes the reads go to, each read as `/route/1` and `/route/2`. */
  readonly routes: readonly string[];
  /** Each side's media type of the changed documents. */
  readonly types: readonly [string, string];
  /** Each side's status and document for read `n` of `route`. */
  readonly answer: (candidate: boolean, route: string, n: number) => readonly [number, unknown];
  /** The row's words, without the media types. */
  readonly row: RegExp;
  /** A route both sides answer alike (the candidate labelled with its new media type). */
  readonly ping: string;
}

const listing = (context: string, container: string, entry: (v: number) => object) => {
  const maps: Record<number, Record<string, number>> = {
    1: { 'photo.jpg': 2048, 'notes.md': 12, 'song.mp3': 40960 },
    2: { 'report.pdf': 777, 'cat.gif': 31 },
  };
  return (candidate: boolean, _route: string, n: number): readonly [number, unknown] => {
    const map = maps[n] ?? {};
    if (!candidate) return [200, map];
    const items = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, entry(v)]));
    return [200, { '@context': context, [container]: items }];
  };
};

/** An error as `{status, detail}`; on the candidate, a problem document with its `type` and `title`. */
const problem = (status: number, type: string, title: string) =>
  function answer(candidate: boolean, route: string, n: number): readonly [number, unknown] {
    const detail = `${route.replace(/s$/, '')} ${n} is not there`;
    if (!candidate) return [status, { status, detail }];
    return [status, { type, title, status, detail }];
  };

const FOLDERS: Fixture = {
  name: 'a folder listing as a JSON-LD folder description',
  routes: ['folders'],
  types: ['application/json', 'application/ld+json'],
  answer: listing('https://example.test/spec/folder', 'items', (size) => ({ size })),
  row: /^candidate moves the members into `items`, each value now an object$/,
  ping: 'health',
};
const ALBUMS: Fixture = {
  name: 'an album index as a JSON-LD collection',
  routes: ['albums'],
  types: ['application/json', 'application/ld+json'],
  answer: listing('https://schema.example/Collection', 'members', (bytes) => ({
    bytes,
    kind: 'photo',
  })),
  row: /^candidate moves the members into `members`, each value now an object$/,
  ping: 'status',
};
const PROBLEMS: Fixture = {
  name: 'not-found errors as problem documents on two endpoints',
  routes: ['users', 'orders'],
  types: ['application/json', 'application/problem+json'],
  answer: problem(404, 'https://example.test/problems/missing', 'Resource missing'),
  row: /candidate adds `\/title`, `\/type`$/,
  ping: 'health',
};
const REFUSALS: Fixture = {
  name: 'conflicts as problem documents on two endpoints',
  routes: ['invoices', 'tickets'],
  types: ['text/json', 'application/problem+json'],
  answer: problem(409, 'https://example.test/problems/locked', 'Record locked'),
  row: /candidate adds `\/title`, `\/type`$/,
  ping: 'version',
};

/**
 * Reads `/route/1` and `/route/2` as the fixture says; `/ping` alike on both
 * sides, the candidate labelling it as its documents; `/pair/n` the listing
 * with two maps moved into two containers (two rows); `/plain/n` the
 * fixture's document with the baseline's media type, a charset added on
 * the candidate.
 */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const type = f.types[candidate ? 1 : 0];
  return startServer((req, res) => {
    const [, top = '', id = '0'] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const n = Number(id);
    const send = (status: number, body: unknown, label = type) => {
      res.writeHead(status, { 'content-type': label });
      res.end(JSON.stringify(body));
    };
    if (top === f.ping) return send(200, { up: true });
    if (top === 'pair') {
      const [, one] = f.answer(candidate, f.routes[0] ?? '', n);
      const other = { red: 'ff0000', blue: '0000ff' };
      if (!candidate) return send(200, { ...(one as object), ...other });
      const colours = Object.fromEntries(Object.entries(other).map(([k, v]) => [k, { hex: v }]));
      return send(200, { ...(one as object), colours });
    }
    if (top === 'plain') {
      const [status, body] = f.answer(candidate, f.routes[0] ?? '', n);
      const label = candidate ? `${f.types[0]}; charset=utf-8` : f.types[0];
      return send(status, body, label);
    }
    const [status, body] = f.answer(candidate, top, n);
    return send(status, body);
  });
}

function cases(paths: readonly string[]): string {
  const lines = paths.flatMap((path) => [
    `  - id: ${path.slice(1).replace('/', '-')}`,
    `    request: { method: GET, path: ${path} }`,
  ]);
  return ['suite: s', 'cases:', ...lines].join('\n');
}

const reads = (f: Fixture) => f.routes.flatMap((route) => [`/${route}/1`, `/${route}/2`]);
const idsOf = (paths: readonly string[]) =>
  paths.map((path) => `s/${path.slice(1).replace('/', '-')}`).sort();
const mediaWords = (f: Fixture) => `; \`${f.types[0]}\` → \`${f.types[1]}\``;

describe.each([FOLDERS, ALBUMS, PROBLEMS, REFUSALS])(
  'a structured body and its media type: $name',
  (f) => {
    it('is one row, the body row, named with both media types', async () => {
      const causes = await rootCausesOfServers(cases(reads(f)), (c) => server(f, c));
      const summaries = causes.map((c) => c.summary);
      expect(summaries, JSON.stringify(summaries)).toHaveLength(1);
      const [row] = summaries;
      expect(row?.endsWith(mediaWords(f)), row).toBe(true);
      expect(row?.slice(0, -mediaWords(f).length)).toMatch(f.row);
      expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(idsOf(reads(f)));
    });

    it('keeps the media type apart where an answer whose bodies agree shows it too', async () => {
      const paths = [...reads(f), `/${f.ping}/1`];
      const causes = await rootCausesOfServers(cases(paths), (c) => server(f, c));
      const summaries = causes.map((c) => c.summary);
      expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
      const label = causes.find((c) => c.summary.includes('`content-type`'));
      expect([...(label?.caseIds ?? [])].sort()).toEqual(idsOf(paths));
      const body = causes.find((c) => f.row.test(c.summary));
      expect(body?.summary).not.toContain(f.types[1]);
    });

    it('never joins a charset alone to the body row', async () => {
      const paths = ['/plain/1', '/plain/2'];
      const causes = await rootCausesOfServers(cases(paths), (c) => server(f, c));
      const summaries = causes.map((c) => c.summary);
      // A charset is compared apart where the bodies agree (`charset-label.ts`): no words here.
      expect(summaries, JSON.stringify(summaries)).toHaveLength(1);
      expect(summaries[0]).not.toContain('→');
      expect(summaries[0]).not.toContain('charset');
    });

    it('keeps the media type apart in one answer alone', async () => {
      const paths = reads(f).slice(0, 1);
      const causes = await rootCausesOfServers(cases(paths), (c) => server(f, c));
      const summaries = causes.map((c) => c.summary);
      expect(summaries.filter((s) => s.includes('`content-type`'))).toHaveLength(1);
      expect(
        summaries.filter((s) => s.includes('→')),
        JSON.stringify(summaries),
      ).toEqual([]);
    });
  },
);

describe.each([FOLDERS, ALBUMS])('a media type beside two body rows: $name', (f) => {
  it('joins neither', async () => {
    const causes = await rootCausesOfServers(cases(['/pair/1', '/pair/2']), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    const label = causes.find((c) => c.summary.includes('`content-type`'));
    expect(label?.caseIds, JSON.stringify(summaries)).toHaveLength(2);
    // Both nestings keep their rows, neither naming the media type.
    expect(summaries.filter((s) => /moves the members into/.test(s))).toHaveLength(2);
    expect(summaries.filter((s) => s.includes(f.types[1]))).toHaveLength(1);
  });
});
