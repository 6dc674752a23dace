/**
 * A file named where cases are expected (`cases: ["/path/token.json"]`) may
 * hold a token: its contents are never quoted into the error, which goes to a
 * CI log. The error names the file and the field, and says what kind of value
 * was there; a short word (a typo like `maybe`) is still quoted.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const TOKEN = 'ghp_R8x2Lq9Zt4Wm7Kp1Vn6Yc3Hb5Jd0Fs2Ga8';

describe('a secret in a file named as cases', () => {
  it('is not quoted, whole file or field', async () => {
    const cwd = await tempProject({
      'secrets/token.json': `"${TOKEN}"\n`,
      'secrets/token.yaml': `${TOKEN}\n`,
      'secrets/field.json': JSON.stringify({ suite: 's', cases: TOKEN }),
      'secrets/key.json': JSON.stringify({ suite: 's', cases: [], [TOKEN]: 1 }),
    });
    const files = ['token.json', 'token.yaml', 'field.json', 'key.json'];
    await tempProject();
    const config = `cases: [${files.map((f) => JSON.stringify(join(cwd, 'secrets', f))).join(', ')}]\n`;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(cwd, 'parity.config.yaml'), config);
    for (const command of [
      ['validate'],
      ['run', '--baseline', 'a=http://127.0.0.1:9', '--candidate', 'b=http://127.0.0.1:9'],
    ]) {
      const result = await runCli(cwd, command);
      expect(result.code, result.stderr).toBe(2);
      const printed = result.stdout + result.stderr;
      expect(printed).not.toContain(TOKEN.slice(0, 12));
      for (const file of files) expect(printed).toContain(file);
      expect(printed).toMatch(
        /token\.json:1:1: the file must be a mapping with "suite" and "cases" \(got a string of \d+ characters\)/,
      );
    }
  });

  it('still quotes a short word that is no secret', async () => {
    const cwd = await tempProject({
      'cases/a.yaml':
        'suite: a\nserial: maybe\ncases:\n  - id: x\n    request: { method: GET, path: /x }\n',
    });
    const result = await runCli(cwd, ['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(got "maybe")');
  });
});
