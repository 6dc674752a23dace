/**
 * Issue 43, tracker rule 57 (`nesting-siblings.ts`), with real servers: a
 * member one side adds beside the container it moved a map into, at the
 * same parent, in exactly the nesting row's answers (two or more) and
 * nowhere else, is part of the nesting row. Planted twice, with other
 * names: a listing `{name: size}` against `{"kind": "listing", "entries":
 * {name: {size, type}}}`, and a settings map against `{"$schema": "…",
 * "settings": {name: {value, source}}}`. Kept apart: the member also added
 * in an answer without the nesting, the member added at another object, a
 * value change beside the nesting (no member added), and a member beside
 * two nesting rows in the same answers (nothing says which: it joins
 * neither).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly route: string;
  readonly container: string;
  /** The member the candidate adds beside the container, and its value. */
  readonly beside: string;
  readonly value: string;
  /** The map each answer shows on the baseline, by answer number. */
  readonly maps: Readonly<Record<number, Readonly<Record<string, string | number>>>>;
  /** The candidate's entry for a name, from its baseline value. */
  readonly entry: (value: string | number) => Record<string, unknown>;
}

const LISTING: Fixture = {
  name: 'a listing of sizes moved into `entries` beside `kind`',
  route: 'folders',
  container: 'entries',
  beside: 'kind',
  value: 'listing',
  maps: {
    1: { 'photo.jpg': 2048, 'notes.md': 12, 'song.mp3': 40960 },
    2: { 'report.pdf': 777, 'cat.gif': 31 },
  },
  entry: (size) => ({ size, type: 'file' }),
};

const SETTINGS: Fixture = {
  name: 'a settings map moved into `settings` beside `$schema`',
  route: 'profiles',
  container: 'settings',
  beside: '$schema',
  value: 'https://example.test/schemas/settings.json',
  maps: {
    1: { theme: 'dark', locale: 'en-GB' },
    2: { timezone: 'Europe/Paris', currency: 'EUR', pager: 'twenty' },
  },
  entry: (value) => ({ value, source: 'default' }),
};

const MOVED = /moves the members into/;

/**
 * `/route/1`, `/route/2`: the map at the top on the baseline; on the
 * candidate, moved into the container beside the added member. `/route/3`:
 * the map kept at the top on both sides, the candidate adds the member
 * beside it. `/route/4`, `/route/5`: the member added inside `meta`, not
 * beside the container. `/route/6`, `/route/7`: the member on both sides,
 * its value changed. `/route/8`, `/route/9`: two maps moved into two
 * containers beside the member.
 */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/')[2]);
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const map = f.maps[n % 2 === 0 ? 2 : 1] ?? {};
    const moved = (of: Readonly<Record<string, string | number>>) =>
      Object.fromEntries(Object.entries(of).map(([k, v]) => [k, f.entry(v)]));
    if (n === 3) return answer(candidate ? { ...map, [f.beside]: f.value } : map);
    if (n === 4 || n === 5) {
      if (!candidate) return answer({ meta: { page: 1 }, ...map });
      return answer({ meta: { page: 1, [f.beside]: f.value }, [f.container]: moved(map) });
    }
    if (n === 6 || n === 7) {
      if (!candidate) return answer({ [f.beside]: 'plain', ...map });
      return answer({ [f.beside]: f.value, [f.container]: moved(map) });
    }
    if (n === 8 || n === 9) {
      const other = { red: 'ff0000', blue: '0000ff' };
      if (!candidate) return answer({ ...map, ...other });
      return answer({
        [f.beside]: f.value,
        [f.container]: moved(map),
        colours: Object.fromEntries(Object.entries(other).map(([k, v]) => [k, { hex: v }])),
      });
    }
    return answer(candidate ? { [f.beside]: f.value, [f.container]: moved(map) } : map);
  });
}

const cases = (f: Fixture, reads: readonly number[]) =>
  [
    'suite: s',
    'cases:',
    ...reads.flatMap((n) => [
      `  - id: ${f.route}-${n}`,
      `    request: { method: GET, path: /${f.route}/${n} }`,
    ]),
  ].join('\n');

const ids = (f: Fixture, reads: readonly number[]) => reads.map((n) => `s/${f.route}-${n}`);

describe.each([LISTING, SETTINGS])('a member beside a nesting: $name', (f) => {
  it('is one row, the nesting row, in exactly its answers', async () => {
    const causes = await rootCausesOfServers(cases(f, [1, 2]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toEqual([
      `candidate moves the members into \`${f.container}\`, each value now an object`,
    ]);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(ids(f, [1, 2]));
  });

  it('keeps the member apart where it is also added without the nesting', async () => {
    const causes = await rootCausesOfServers(cases(f, [1, 2, 3]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    const moved = causes.find((c) => MOVED.test(c.summary));
    expect([...(moved?.caseIds ?? [])].sort()).toEqual(ids(f, [1, 2]));
    const added = causes.find((c) => !MOVED.test(c.summary));
    expect(added?.summary).toContain(`adds \`/${f.beside}\``);
    expect([...(added?.caseIds ?? [])].sort()).toEqual(ids(f, [1, 2, 3]));
  });

  it('keeps apart the member added at another object', async () => {
    const causes = await rootCausesOfServers(cases(f, [4, 5]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    expect(summaries.some((s) => s.includes(`/meta/${f.beside}`))).toBe(true);
  });

  it('keeps apart a value change beside the nesting', async () => {
    const causes = await rootCausesOfServers(cases(f, [6, 7]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    expect(summaries.filter((s) => MOVED.test(s))).toHaveLength(1);
  });

  it('joins neither of two nesting rows in the same answers', async () => {
    const causes = await rootCausesOfServers(cases(f, [8, 9]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(
      summaries.filter((s) => MOVED.test(s)),
      JSON.stringify(summaries),
    ).toHaveLength(2);
    expect(summaries.some((s) => s.includes(`adds \`/${f.beside}\``))).toBe(true);
  });
});
