/** `parity init`: starter files that validate and run, never overwriting. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

describe('parity init', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startServer((_req, res) => json(res, 200, { ok: true }));
    b = await startServer((_req, res) => json(res, 200, { ok: true }));
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('writes a config and an example case that validate and run, then prints the next command', async () => {
    const cwd = await tempProject();
    const init = await runCli(cwd, ['init', `rust=${a.url}`, b.url]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toBe(
      `wrote parity.config.yaml\nwrote cases/example.yaml\nbaseline rust (${a.url}) · candidate candidate (${b.url})\nnext: parity validate && parity run\ntip: add reports/ to .gitignore: each run writes its reports there\n`,
    );
    const config = await readFile(join(cwd, 'parity.config.yaml'), 'utf8');
    expect(config).toContain(`  rust:\n    url: "${a.url}"`);
    expect(config).toContain('baseline: rust ');
    // Editors check both files against the schemas the package ships (schema/ is in its files).
    const cases = await readFile(join(cwd, 'cases', 'example.yaml'), 'utf8');
    const schemaOf = (text: string) => /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
    const shipped = (ref: string | undefined, from: string) =>
      ref?.replace(/^(\.\.?\/)+node_modules\/http-parity\//, '') ?? `no schema line in ${from}`;
    expect(shipped(schemaOf(config), 'the config')).toBe('schema/config.schema.json');
    expect(shipped(schemaOf(cases), 'the case file')).toBe('schema/case-file.schema.json');
    expect(schemaOf(cases)).toMatch(/^\.\.\//);
    const validate = await runCli(cwd, ['validate']);
    expect(validate.stdout).toBe('ok: 1 file(s), 1 case(s), no problems\n');
    const run = await runCli(cwd, ['run']);
    expect(run.code).toBe(0);
    expect((await latestReport(cwd)).summary).toMatchObject({ cases: 1, equal: 1 });
  });

  it('gives no .gitignore tip where reports/ is already ignored', async () => {
    const cwd = await tempProject({ '.gitignore': 'node_modules/\n/reports\n' });
    const init = await runCli(cwd, ['init', `rust=${a.url}`, b.url]);
    expect(init.code).toBe(0);
    expect(init.stdout).not.toContain('tip:');
  });

  it('refuses to overwrite, and refuses bad targets', async () => {
    const cwd = await tempProject({ 'cases/example.yaml': '# mine\n' });
    const again = await runCli(cwd, ['init', a.url, b.url]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('parity: cases/example.yaml already exists; nothing was written\n');
    expect(await readFile(join(cwd, 'cases/example.yaml'), 'utf8')).toBe('# mine\n');
    await writeFile(join(cwd, 'x'), '');
    expect((await runCli(cwd, ['init', a.url])).stderr).toContain('parity init takes two targets');
    expect((await runCli(cwd, ['init', 'ftp://x', b.url])).stderr).toContain(
      '"ftp://x" must be an http:// or https:// URL',
    );
    expect((await runCli(cwd, ['init', `x=${a.url}`, `x=${b.url}`])).stderr).toContain(
      'both targets are named "x"',
    );
  });
});

describe('parity init and odd target URLs', () => {
  it('refuses a #fragment as run does, and never echoes control characters', async () => {
    const cwd = await tempProject();
    const fragment = await runCli(cwd, [
      'init',
      'a=http://127.0.0.1:3100/#x',
      'b=http://127.0.0.1:4110',
    ]);
    expect(fragment.code).toBe(2);
    expect(fragment.stderr).toContain('a URL fragment (#…) is never sent to a server');
    const odd = await runCli(cwd, [
      'init',
      'a=http://127.0.0.1:3100/\u001b[31m\u0007',
      'b=notaurl\u001b]0;x\u0007',
    ]);
    expect(odd.code).toBe(2);
    expect(odd.stderr.includes('\u001b') || odd.stderr.includes('\u0007')).toBe(false);
  });
});
