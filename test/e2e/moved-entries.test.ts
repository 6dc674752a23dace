/**
 * Issue 43, the `nesting` pattern extended in session sixteen
 * (`patterns/moved-entries.ts`), with real servers: a map one side writes at
 * the top (`{name: value}`) and the other moves whole under one key, each
 * value now an object holding it (or a value of its format, each side's
 * own), is one row keyed by the container, never by the map's names (data:
 * another answer with other names keeps the row). Planted twice, with other
 * names and values: a bucket listing of sizes moved into `entries` (the
 * sizes kept inside), a settings map of revisions moved into `settings`
 * (each side's own hex revision inside). Kept apart: a container whose keys
 * only partly match, a name kept at the top beside the container, one name
 * whose entry holds nothing of its value (chance), a container that shows
 * where the map is absent, and two maps moved into two containers (two
 * decisions that look alike).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly route: string;
  readonly container: string;
  /** The map each answer shows on the baseline, by answer number. */
  readonly maps: Readonly<Record<number, Readonly<Record<string, string | number>>>>;
  /** The candidate's entry for a name, from its baseline value. */
  readonly entry: (value: string | number) => Record<string, unknown>;
}

const hex = (value: string | number) =>
  String(value)
    .split('')
    .map((c) => ((Number.parseInt(c, 16) + 7) % 16).toString(16))
    .join('');

const BUCKET: Fixture = {
  name: 'a bucket listing of sizes moved into `entries`, the sizes kept',
  route: 'buckets',
  container: 'entries',
  maps: {
    1: { 'photo.jpg': 2048, 'notes.md': 12, 'song.mp3': 40960 },
    2: { 'report.pdf': 777, 'cat.gif': 31 },
    3: { 'solo.bin': 64 },
  },
  entry: (size) => ({ size, type: 'file' }),
};

const SETTINGS: Fixture = {
  name: 'a settings map of revisions moved into `settings`, each side its own revision',
  route: 'profiles',
  container: 'settings',
  maps: {
    1: { theme: 'a1b2c3d4e5f6', locale: '0f9e8d7c6b5a' },
    2: { timezone: '13579bdf0246', currency: 'fedcba987654', pager: '2468ace13579' },
    3: { layout: '9a8b7c6d5e4f' },
  },
  // Each side draws its own revision: the candidate's differs, in the same format.
  entry: (rev) => ({ rev: hex(rev), source: 'default' }),
};

const MOVED = /moves the members into/;

/**
 * `/route/n` for n in the fixture's maps: the map at the top on the
 * baseline, moved into the container on the candidate. `/route/5`: the
 * container holds one name more than the map (partly matching); `/route/6`:
 * one name kept at the top beside the container; `/route/7`: one name whose
 * entry holds nothing of its value; `/route/8`: the container where the
 * baseline writes no map (a total only).
 */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/')[2]);
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const map = f.maps[n] ?? f.maps[1] ?? {};
    const moved = (of: Readonly<Record<string, string | number>>) =>
      Object.fromEntries(Object.entries(of).map(([k, v]) => [k, f.entry(v)]));
    if (n === 5) {
      if (!candidate) return answer(map);
      return answer({ [f.container]: { ...moved(map), extra: f.entry(1) } });
    }
    if (n === 6) {
      const [kept] = Object.keys(map);
      if (!candidate) return answer(map);
      return answer({ [kept ?? 'x']: map[kept ?? 'x'], [f.container]: moved(map) });
    }
    if (n === 7) {
      if (!candidate) return answer({ lone: 'yes' });
      return answer({ [f.container]: { lone: { kind: 'flag' } } });
    }
    if (n === 8) {
      if (!candidate) return answer({ total: 2 });
      return answer({ total: 2, [f.container]: moved(map) });
    }
    return answer(candidate ? { [f.container]: moved(map) } : map);
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

describe.each([BUCKET, SETTINGS])('a map moved whole into a container: $name', (f) => {
  it('is one row over answers with other names, one name alone included, keyed by the container', async () => {
    const causes = await rootCausesOfServers(cases(f, [1, 2, 3]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toEqual([
      `candidate moves the members into \`${f.container}\`, each value now an object`,
    ]);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(
      [1, 2, 3].map((n) => `s/${f.route}-${n}`),
    );
  });

  it('keeps apart a container whose keys only partly match, and a name kept at the top', async () => {
    for (const n of [5, 6]) {
      const causes = await rootCausesOfServers(cases(f, [n]), (c) => server(f, c));
      const summaries = causes.map((c) => c.summary);
      expect(
        summaries.some((s) => MOVED.test(s)),
        JSON.stringify(summaries),
      ).toBe(false);
      expect(summaries.some((s) => s.includes(`\`/${f.container}\``))).toBe(true);
    }
  });

  it('keeps apart one name whose entry holds nothing of its value (chance)', async () => {
    const causes = await rootCausesOfServers(cases(f, [7]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(
      summaries.some((s) => MOVED.test(s)),
      JSON.stringify(summaries),
    ).toBe(false);
  });

  it('keeps apart the container where the map is absent: two rows', async () => {
    const causes = await rootCausesOfServers(cases(f, [1, 8]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    const moved = causes.find((c) => MOVED.test(c.summary));
    expect(moved?.caseIds).toEqual([`s/${f.route}-1`]);
    const added = causes.find((c) => !MOVED.test(c.summary));
    expect(added?.summary).toContain(`adds \`/${f.container}\``);
    expect(added?.caseIds).toEqual([`s/${f.route}-8`]);
  });
});

describe('two maps moved into two containers', () => {
  it('are two rows, one per container, though they look alike', async () => {
    const both = [
      'suite: s',
      'cases:',
      '  - id: buckets-1',
      '    request: { method: GET, path: /buckets/1 }',
      '  - id: profiles-1',
      '    request: { method: GET, path: /profiles/1 }',
    ].join('\n');
    const causes = await rootCausesOfServers(both, (candidate) =>
      startServer((req, res) => {
        const f = (req.url ?? '').startsWith('/profiles') ? SETTINGS : BUCKET;
        const map = f.maps[1] ?? {};
        const moved = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f.entry(v)]));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(candidate ? { [f.container]: moved } : map));
      }),
    );
    const summaries = causes.map((c) => c.summary).sort();
    expect(summaries).toEqual([
      'candidate moves the members into `entries`, each value now an object',
      'candidate moves the members into `settings`, each value now an object',
    ]);
  });
});
