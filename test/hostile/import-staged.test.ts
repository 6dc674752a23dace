/**
 * An import is all or nothing, with the real bin and real signals: its files
 * are staged in a hidden folder beside the output folder and published by
 * renames, so SIGINT while 3,000 files are staged leaves no file of the
 * import (and every file it would have replaced as it was); a `kill -9`
 * leaves only the hidden staging folder, which the next import removes. The
 * rerun refusal is one short line however many files exist.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { runBin, startBin, until } from './helpers.js';

const FILES = 3_000;
/** 3,000 curl commands, each its own path prefix: one case file each. */
const INPUT = Array.from(
  { length: FILES },
  (_, n) =>
    `curl -X POST http://h/p${n}/x -H 'content-type: application/json' -d '{"n":${n},"pad":"${'x'.repeat(400)}"}'`,
).join('\n');

/** Hidden staging folders of an import into `cases/imported` (beside it, or inside it when it exists). */
async function staging(cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of ['cases', 'cases/imported']) {
    const names = await readdir(join(cwd, folder)).catch(() => []);
    for (const name of names)
      if (name.startsWith('.imported.import-')) found.push(join(folder, name));
  }
  return found;
}

/** Files staged so far (0 until the staging folder exists). */
async function staged(cwd: string): Promise<number> {
  const [folder] = await staging(cwd);
  if (folder === undefined) return 0;
  return (await readdir(join(cwd, folder)).catch(() => [])).length;
}

describe('parity import writes all or nothing', () => {
  it('SIGINT while 3,000 files are staged: exit 130, no file written, no staging left', async () => {
    const cwd = await tempProject({ 'in.sh': INPUT });
    const bin = await startBin(['import', 'curl', 'in.sh'], cwd);
    await until(async () => (await staged(cwd)) >= 50);
    bin.child.kill('SIGINT');
    const outcome = await bin.done;
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(outcome.stderr).toMatch(/SIGINT.*nothing was written/);
    expect(await readdir(join(cwd, 'cases'))).toEqual([]);
  }, 60_000);

  // The import that follows a kill -9 finishes: the two tests after it read
  // that finished import and leave it as it was (one whole import for three
  // tests, not one for the kill and another for the two).
  describe('after a kill -9, over the finished import that follows it', () => {
    let cwd: string;
    /** What `cases/` held after the kill, and the staging folders then. */
    let killed: { cases: string[]; staging: string[] };
    let again: Awaited<ReturnType<typeof runBin>>;
    let before: string;
    beforeAll(async () => {
      cwd = await tempProject({
        'in.sh': INPUT,
        'changed.sh': INPUT.replaceAll('"pad":"', '"pad":"changed-'),
      });
      const bin = await startBin(['import', 'curl', 'in.sh'], cwd);
      await until(async () => (await staged(cwd)) >= 50);
      bin.child.kill('SIGKILL');
      await bin.done;
      killed = {
        cases: (await readdir(join(cwd, 'cases'))).map((name) => join('cases', name)),
        staging: await staging(cwd),
      };
      again = await runBin(['import', 'curl', 'in.sh'], cwd);
      before = await readFile(join(cwd, 'cases/imported/p7.yaml'), 'utf8').catch(() => '');
    }, 60_000);

    it('kill -9 while staging leaves only the hidden staging folder; the next import removes it', async () => {
      expect(killed.cases).toEqual(killed.staging);
      expect(killed.staging.length).toBe(1);
      expect(again.code, again.stderr).toBe(0);
      expect(await staging(cwd)).toEqual([]);
      expect((await readdir(join(cwd, 'cases/imported'))).length).toBe(FILES);
      expect(before).toContain('/p7/x');
    });

    it('SIGINT during a --force import over existing files leaves every one as it was', async () => {
      const bin = await startBin(['import', 'curl', 'changed.sh', '--force'], cwd);
      await until(async () => (await staged(cwd)) >= 50);
      bin.child.kill('SIGINT');
      const outcome = await bin.done;
      expect(outcome.code, outcome.stderr).toBe(130);
      expect(await readFile(join(cwd, 'cases/imported/p7.yaml'), 'utf8')).toBe(before);
      expect((await readdir(join(cwd, 'cases/imported'))).length).toBe(FILES);
      expect(await staging(cwd)).toEqual([]);
    }, 60_000);

    it('the rerun refusal is one short line: a count, the first few paths, --force', async () => {
      const again = await runBin(['import', 'curl', 'in.sh'], cwd);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(
        /^parity: 3000 files already exist \(cases\/imported\/p0\.yaml, cases\/imported\/p1\.yaml, cases\/imported\/p2\.yaml, … and 2997 more\); nothing was written \(pass --force to replace, or --out DIR\)\n$/,
      );
      expect(await readFile(join(cwd, 'cases/imported/p7.yaml'), 'utf8')).toBe(before);
    }, 60_000);
  });
});
