/**
 * `parity validate`'s last line counts the files that hold a problem among
 * those it checked: "in 2 file(s)" read as two broken files when one of two
 * was.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const good = 'suite: good\ncases:\n  - id: a\n    request: { method: GET, path: /a }\n';
const bad = 'suite: bad\ncases:\n  - id: a\n    request: { method: GET, path: a }\n';

describe('parity validate with problems', () => {
  it('says how many of the files checked hold them', async () => {
    const cwd = await tempProject({ 'cases/good.yaml': good, 'cases/bad.yaml': bad });
    const checked = await runCli(cwd, ['validate']);
    expect(checked.code).toBe(2);
    expect(checked.stderr.trim().split('\n').at(-1)).toBe(
      '1 problem(s) in 1 of 2 file(s); nothing was sent',
    );
    const both = await tempProject({
      'cases/bad.yaml': bad,
      'cases/bad2.yaml': bad.replace('bad', 'bad2'),
    });
    expect((await runCli(both, ['validate'])).stderr).toContain('2 problem(s) in 2 file(s);');
  });
});
