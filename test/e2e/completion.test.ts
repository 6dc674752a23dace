/**
 * `parity completion bash|zsh|fish`: scripts written from the option table,
 * run in the real shells (bash and fish complete a command line without a
 * terminal; zsh checks the script's syntax).
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/options.js';
import { runCli, tempProject } from '../helpers/cli.js';

async function script(shell: string): Promise<string> {
  const cwd = await tempProject();
  const printed = await runCli(cwd, ['completion', shell]);
  expect(printed.code).toBe(0);
  const file = join(cwd, `parity.${shell}`);
  await writeFile(file, printed.stdout);
  return file;
}

function shell(program: string, args: readonly string[]): string {
  const ran = spawnSync(program, args, { encoding: 'utf8' });
  expect(ran.stderr).toBe('');
  expect(ran.status).toBe(0);
  return ran.stdout;
}

/** What bash completes for `words`, the last one being completed. */
function bashCompletes(file: string, words: readonly string[]): string[] {
  const array = words.map((w) => `'${w}'`).join(' ');
  const out = shell('bash', [
    '-c',
    `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _parity; printf '%s\\n' "\${COMPREPLY[@]}"`,
  ]);
  return out.split('\n').filter((line) => line !== '');
}

/** What fish completes for `line`. */
function fishCompletes(file: string, line: string): string[] {
  const out = shell('fish', ['-c', `source '${file}'; complete -C '${line}'`]);
  return out
    .split('\n')
    .map((entry) => entry.split('\t')[0] ?? '')
    .filter((w) => w !== '');
}

describe('parity completion', () => {
  it('bash completes commands, a command’s options and a choice option’s values', async () => {
    const file = await script('bash');
    expect(bashCompletes(file, ['parity', 'ru'])).toEqual(['run']);
    expect(bashCompletes(file, ['parity', 'run', '--fail-o'])).toEqual([
      '--fail-on',
      '--fail-on-encoding',
    ]);
    expect(bashCompletes(file, ['parity', 'run', '--fail-on', 'o'])).toEqual(['open']);
    expect(bashCompletes(file, ['parity', 'decide', '--no'])).toEqual(['--note']);
    expect(bashCompletes(file, ['parity', 'run', '--no-t'])).toEqual(['--no-tracker']);
  });

  it('fish completes commands with their description, and options', async () => {
    const file = await script('fish');
    expect(fishCompletes(file, 'parity ru')).toEqual(['run']);
    expect(fishCompletes(file, 'parity run --fail-o')).toEqual(['--fail-on', '--fail-on-encoding']);
    expect(fishCompletes(file, 'parity run --fail-on ')).toEqual(['any', 'new', 'none', 'open']);
  });

  it('zsh gets a script zsh reads, naming every command and option', async () => {
    const file = await script('zsh');
    shell('zsh', ['-n', file]);
    const text = shell('cat', [file]);
    for (const [name, decl] of Object.entries(COMMANDS)) {
      expect(text).toContain(`    ${name})`);
      for (const option of Object.values(decl.options)) {
        const long = /--[a-z][a-z-]*/.exec(option.meta.flags)?.[0] ?? '';
        expect(text, `${name} ${long}`).toContain(long);
      }
    }
  });

  it('refuses another shell, with a did you mean', async () => {
    const refused = await runCli(await tempProject(), ['completion', 'fihs']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('(did you mean "fish"?)');
  });
});
