/**
 * The README doc-test harness itself (test/helpers/doctest/): it must find
 * blocks and their comments, and fail a block that does not do what it says.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandsOf, type FencedBlock, parseDoc } from '../helpers/doctest/parse.js';
import { outputMismatch, runBlock } from '../helpers/doctest/run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('parseDoc', () => {
  it('finds fenced blocks with their info string and the comment above them', () => {
    const doc = [
      '# T',
      '<!-- doctest',
      'exit: 1',
      'stdout: [a, b]',
      '-->',
      '',
      '```sh',
      'npx parity run',
      '```',
      '<!-- doctest: skip needs a database -->',
      '```bash',
      'psql',
      '```',
      '<!-- doctest output: demo -->',
      '```',
      'out',
      '```',
      '```yaml',
      'a: 1',
      '```',
    ].join('\n');
    const { blocks, problems } = parseDoc(doc);
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.line, b.language, b.text, b.spec])).toEqual([
      [7, 'sh', 'npx parity run', { exit: 1, stdout: ['a', 'b'] }],
      [11, 'bash', 'psql', { skip: 'needs a database' }],
      [15, '', 'out', { output: 'demo' }],
      [18, 'yaml', 'a: 1', undefined],
    ]);
  });

  it('reports a comment that is not above a block, bad YAML and unknown fields, at their lines', () => {
    const doc = [
      '<!-- doctest exit: 1 -->',
      'text',
      '<!-- doctest exti: 1 -->',
      '```sh',
      'x',
      '```',
      '<!-- doctest [ -->',
      '```sh',
      'y',
      '```',
    ].join('\n');
    const messages = parseDoc(doc).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe('1: a doctest comment is not above a block');
    expect(messages[1]).toMatch(/^3: the doctest comment is invalid \(unknown: exti\)/);
    expect(messages[2]).toMatch(/^7: the doctest comment is not valid YAML/);
  });
});

describe('commandsOf', () => {
  it('joins continued lines and drops comments, but not a # inside quotes or a word', () => {
    const text = [
      '# a comment line',
      'npx parity run \\',
      '  --fail-on none   # trailing comment',
      '',
      "echo '# not a comment' a#b",
    ].join('\n');
    expect(commandsOf(text)).toEqual([
      'npx parity run    --fail-on none',
      "echo '# not a comment' a#b",
    ]);
    expect(commandsOf('$ npx parity validate\nok: 1 file(s)\n$ echo \\\n  done\ndone')).toEqual([
      'npx parity validate',
      'echo    done',
    ]);
  });
});

describe('outputMismatch', () => {
  const stdout = 'parity: a (http://127.0.0.1:4242)\n  cases 2\n  latency p50 1 ms\n  shape x\n';

  it('wants each line in order, any port, `…` lines and `…` inside a line as wildcards', () => {
    expect(
      outputMismatch(stdout, 'parity: a (http://127.0.0.1:3100)\n  cases 2\n…\n  shape x'),
    ).toBeUndefined();
    expect(outputMismatch(stdout, '  latency p50 … ms\n  shape x')).toBeUndefined();
    expect(outputMismatch(stdout, '  shape x\n  cases 2')).toMatch(
      /not in stdout \(in order\): {3}cases 2/,
    );
    expect(outputMismatch(stdout, '  cases 3')).toBeDefined();
  });
});

describe('runBlock', () => {
  const block = (text: string, spec?: FencedBlock['spec']): FencedBlock => ({
    line: 1,
    language: 'sh',
    text,
    spec,
    specLine: spec === undefined ? undefined : 1,
  });
  const context = async () => ({
    root: ROOT,
    dist: await mkdtemp(join(tmpdir(), 'parity-doctest-unit-')),
    outputs: new Map([['greeting', 'hello\n…']]),
  });

  it('passes a block that does what it says, and fails one that does not', async () => {
    const ctx = await context();
    expect(await runBlock(block('echo hello; echo more'), ctx)).toEqual([]);
    expect(await runBlock(block('echo hello', { shows: 'greeting' }), ctx)).toEqual([]);
    const unmarked = await runBlock(block('false'), ctx);
    expect(unmarked.join()).toContain('`false`: exited 1, expected 0');
    const wrong = await runBlock(block('echo hi', { exit: 2, stdout: 'bye' }), ctx);
    expect(wrong.join()).toContain('exited 0, expected 2; stdout lacks "bye"');
  });

  it('fails a block that needs what it cannot have: npm test, an unknown port, a miscount', async () => {
    const ctx = await context();
    expect((await runBlock(block('npm test'), ctx)).join()).toContain("'npm test' is not run");
    expect((await runBlock(block('curl http://127.0.0.1:9999/'), ctx)).join()).toContain(
      'port(s) 9999',
    );
    const miscount = await runBlock(block('true\ntrue', { commands: [{}] }), ctx);
    expect(miscount).toEqual(['the doctest comment lists 1 commands, the block has 2']);
  });

  it('substitutes the example ports with the bundled servers, and checks unchanged files', async () => {
    const ctx = await context();
    const get =
      'node -e "fetch(\'http://127.0.0.1:4110/v1/records\').then(r => console.log(r.status))"';
    expect(await runBlock(block(get, { stdout: '200' }), ctx)).toEqual([]);
    const dirty = block('echo x >> docs/ARCHITECTURE_COMPARISON.md', {
      unchanged: ['docs/ARCHITECTURE_COMPARISON.md'],
    });
    expect(await runBlock(dirty, ctx)).toEqual([
      'docs/ARCHITECTURE_COMPARISON.md was changed by the block',
    ]);
    expect(await runBlock(block('false', { skip: 'not run' }), ctx)).toEqual([]);
  });
});
