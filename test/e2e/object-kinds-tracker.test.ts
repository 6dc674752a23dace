/**
 * A tracker written before a change was keyed by its object kind
 * (`object-kinds.ts`): a first run whose library shows the object at one
 * depth only keys the member it lacks by that place; once the library grows
 * and the run sees the same object at another depth, the change is one
 * cause keyed by the kind. The first run's row is then superseded by the
 * kind's row, its Decision kept, never marked resolved while the servers
 * still differ (`judge/results/earlier-places.ts`). Two fixtures with other
 * names and depths.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly whole: Record<string, string>;
  readonly lacking: readonly string[];
  readonly answer: (object: Record<string, unknown>, deep: boolean) => unknown;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a response header under `result`, then also at the top',
    whole: { cluster: '71', member: '9', term: '2', revision: '4' },
    lacking: ['cluster', 'member', 'term'],
    answer: (object: Record<string, unknown>, deep: boolean) =>
      deep ? { result: { header: object, ttl: '30' } } : { header: object, count: 2 },
  },
  {
    name: 'an owner under `payload`, then also at the top',
    whole: { login: 'ada', team: 'core', role: 'admin', region: 'eu' },
    lacking: ['team', 'region'],
    answer: (object: Record<string, unknown>, deep: boolean) =>
      deep ? { payload: { owner: object, size: 3 } } : { owner: object, ok: true },
  },
];

const cases = (paths: readonly string[]) =>
  `suite: s\ncases:\n${paths.map((p, i) => `  - id: c${i}\n    request: { method: GET, path: ${p} }`).join('\n')}\n`;

describe.each(FIXTURES)('a row keyed by place before its object kind: $name', (f) => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it('is superseded by the kind’s row, its Decision kept', async () => {
    const serve = (candidate: boolean) =>
      startServer((req, res) => {
        const deep = new URL(req.url ?? '/', 'http://x').pathname.startsWith('/deep/');
        const object = candidate
          ? Object.fromEntries(Object.entries(f.whole).filter(([k]) => !f.lacking.includes(k)))
          : f.whole;
        json(res, 200, f.answer(object, deep));
      });
    const baseline = await serve(false);
    const candidate = await serve(true);
    started.push(baseline, candidate);
    const targets = ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const cwd = await tempProject({ 'cases/s.yaml': cases(['/deep/one', '/deep/two']) });
    const first = await runCli(cwd, ['run', ...targets]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const before = await readFile(tracker, 'utf8');
    const rows = before.split('\n').filter((line) => /^\| PAR-\d+ \| _open_ /.test(line));
    expect(rows, before).toHaveLength(1);
    const [row] = rows;
    const id = /^\| (PAR-\d+) /.exec(row ?? '')?.[1];
    await writeFile(tracker, before.replace(row ?? '', `${row?.slice(0, -1)}we add them |`));

    // The library grows: the same object at another depth, on two more endpoints.
    await writeFile(
      join(cwd, 'cases', 's.yaml'),
      cases(['/deep/one', '/deep/two', '/top/one', '/top/two']),
    );
    const second = await runCli(cwd, ['run', ...targets]);
    expect(second.code, second.stdout + second.stderr).toBe(1);
    const after = (await readFile(tracker, 'utf8')).split('\n');
    const open = after.filter((line) => /^\| PAR-\d+ \| _open_ /.test(line));
    expect(open, after.join('\n')).toHaveLength(1);
    const heir = /^\| (PAR-\d+) /.exec(open[0] ?? '')?.[1];
    expect(heir, after.join('\n')).not.toBe(id);
    for (const member of f.lacking) expect(open[0]).toContain(`/${member}\``);
    const old = after.find((line) => line.startsWith(`| ${id} |`));
    expect(old).toMatch(
      new RegExp(`^\\| ${id} \\| _superseded_ \\|.*superseded by ${heir} · .*\\| we add them \\|$`),
    );
    expect(after.filter((line) => /^\| PAR-\d+ \| _resolved_ /.test(line))).toEqual([]);
  });
});
