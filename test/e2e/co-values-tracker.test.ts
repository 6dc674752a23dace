/**
 * A tracker that holds a row for each of two values (`co-values.ts`): a
 * first run whose library has an answer where one of them differs alone
 * keeps them two rows, as every build before values travelled together
 * did; once the library no longer shows that answer, the two differ in
 * exactly the same answers and are one row. The other value's row is then
 * superseded by it, its Decision kept, never left open beside it nor marked
 * resolved while the servers still differ. Two fixtures with other names.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly object: string;
  /** The two members; the second also differs, alone, in answer 3. */
  readonly members: readonly [string, string];
}

const FIXTURES: readonly Fixture[] = [
  { name: 'a refusal’s field and hint', object: 'issue', members: ['field', 'hint'] },
  { name: 'a booking’s desk and code', object: 'booking', members: ['desk', 'code'] },
];

const cases = (ids: readonly number[]) =>
  `suite: s\ncases:\n${ids.map((n) => `  - id: c${n}\n    request: { method: GET, path: /things/${n} }`).join('\n')}\n`;

const rowsOf = (text: string, status: string) =>
  text.split('\n').filter((line) => new RegExp(`^\\| PAR-\\d+ \\| _${status}_ `).test(line));

describe.each(FIXTURES)('two rows of values that now change together: $name', (f) => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it('are one row, the other superseded by it, its Decision kept', async () => {
    const [a, b] = f.members;
    const serve = (candidate: boolean) =>
      startServer((req, res) => {
        const n = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/')[2]);
        json(res, 200, {
          id: n,
          [f.object]: {
            [a]: candidate && n <= 2 ? `${n}/${a}` : `${a}-${n}`,
            [b]: candidate && n <= 3 ? `${n}:${b}` : `${b}.${n}`,
            kept: 'same',
          },
          // Answer 4 writes both alike, its note not: their change picks answers out.
          note: candidate && n === 4 ? 'later' : 'now',
        });
      });
    const baseline = await serve(false);
    const candidate = await serve(true);
    started.push(baseline, candidate);
    const targets = ['--baseline', `x=${baseline.url}`, '--candidate', `y=${candidate.url}`];
    const cwd = await tempProject({ 'cases/s.yaml': cases([1, 2, 3, 4]) });
    const first = await runCli(cwd, ['run', ...targets]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const before = await readFile(tracker, 'utf8');
    const open = rowsOf(before, 'open').filter((line) => !line.includes('/note`'));
    expect(open, before).toHaveLength(2);
    // A Decision on each row.
    let decided = before;
    for (const [i, row] of open.entries()) {
      decided = decided.replace(row, `${row.slice(0, -1)}decision ${i} |`);
    }
    await writeFile(tracker, decided);

    // Answer 3 leaves the library: the two differ in exactly answers 1 and 2.
    await writeFile(join(cwd, 'cases', 's.yaml'), cases([1, 2, 4]));
    const second = await runCli(cwd, ['run', ...targets]);
    expect(second.code, second.stdout + second.stderr).toBe(1);
    const after = await readFile(tracker, 'utf8');
    const now = rowsOf(after, 'open').filter((line) => !line.includes('/note`'));
    expect(now, after).toHaveLength(1);
    // The joined row keeps the fingerprint of its first value's row; its Summary now names both
    // values (the cause reaches more places: `decide --path` judges it on both).
    const names = (line: string | undefined) => f.members.filter((m) => line?.includes(`/${m}\``));
    const heir = /^\| (PAR-\d+) /.exec(now[0] ?? '')?.[1];
    const superseded = rowsOf(after, 'superseded');
    expect(superseded, after).toHaveLength(1);
    expect(superseded[0], after).toMatch(
      new RegExp(
        `^\\| PAR-\\d+ \\| _superseded_ \\|.*superseded by ${heir} · .*\\| decision \\d \\|$`,
      ),
    );
    expect(names(now[0]).sort(), after).toEqual([...f.members].sort());
    expect(names(superseded[0]), after).toHaveLength(1);
    expect(rowsOf(after, 'resolved'), after).toEqual([]);
    // The run's own root cause names both values.
    const summaries = ((await latestReport(cwd)).rootCauses ?? [])
      .map((c) => c.summary)
      .filter((summary) => !summary.includes('/note`'));
    expect(summaries, after).toHaveLength(1);
    for (const member of f.members) expect(summaries[0], after).toContain(`/${member}\``);
  });
});
