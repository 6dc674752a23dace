/**
 * `--filter` globs match in time linear in the id (a two-pointer matcher, no
 * backtracking regular expression): `*a*a…*b` (25 stars) against ids of 60
 * `a`s, which a regular expression `^.*a.*a….*b$` tries in C(60, 25) ways,
 * is answered at once.
 */
import { expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { startBin } from './helpers.js';

it('a glob of 25 stars against ids of 60 letters selects in linear time', async () => {
  const ids = Array.from({ length: 20 }, (_, n) => `${'a'.repeat(60)}${n}`);
  const cases = ids.map((id) => `  - id: ${id}\n    request: { method: GET, path: /x }`).join('\n');
  const cwd = await tempProject({ 'cases/s.yaml': `suite: s\ncases:\n${cases}\n` });
  const glob = `${'*a'.repeat(25)}*b`;
  // Nothing matches, so the run refuses before sending (no server needed).
  const bin = await startBin(
    [
      'run',
      '--baseline',
      'a=http://127.0.0.1:9',
      '--candidate',
      'b=http://127.0.0.1:9',
      '--no-tracker',
      '--filter',
      glob,
    ],
    cwd,
  );
  const killer = setTimeout(() => bin.child.kill('SIGKILL'), 20_000);
  const outcome = await bin.done;
  clearTimeout(killer);
  expect(outcome.signal, 'killed after 20 s').toBeNull();
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.stderr).toMatch(/no case|match/i);
}, 60_000);
