/**
 * What users of vitest, Playwright and Hurl expect of a command line: exit
 * codes in `--help`, "did you mean" wherever a word is chosen from a set, and
 * `run --list` to see what a run would send without sending it.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const LIBRARY = {
  'cases/a.yaml': `suite: a
cases:
  - id: list-users
    tags: [read]
    request: { method: GET, path: /v1/users }
  - id: create-user
    request: { method: POST, path: /v1/users, json: { name: x } }
`,
  'cases/b.yaml': `suite: b
cases:
  - id: lifecycle
    steps:
      - id: create
        request: { method: POST, path: /v1/notes, json: { text: x } }
        capture: { note: { json: /id } }
      - id: read
        request: { method: GET, path: "/v1/notes/{{note}}" }
  - id: health
    tags: [read]
    request: { method: GET, path: /health }
`,
};

describe('exit codes in --help', () => {
  it('are listed after the program help and after each command help', async () => {
    for (const argv of [['--help'], ['run', '--help'], ['validate', '--help']]) {
      const help = await runCli(await tempProject(), argv);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Exit codes:\n {2}0 {4}parity/);
      for (const code of ['1', '2', '3', '4', '130', '143']) {
        expect(help.stdout).toMatch(new RegExp(`\\n {2}${code} +\\S`));
      }
    }
  });
});

describe('did you mean', () => {
  it('suggests the near word for a decision, an import format and a choice option', async () => {
    const cwd = await tempProject();
    const decide = await runCli(cwd, ['decide', 'PAR-001', 'acepted']);
    expect(decide.code).toBe(2);
    expect(decide.stderr).toContain('(did you mean "accepted"?)');
    const imported = await runCli(cwd, ['import', 'curll', 'x.sh']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('(did you mean "curl"?)');
    const policy = await runCli(cwd, ['run', '--fail-on', 'opne']);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain('(did you mean "open"?)');
    // Nothing near: no guess.
    expect((await runCli(cwd, ['import', 'wsdl', 'x'])).stderr).not.toContain('did you mean');
  });
});

describe('run --list', () => {
  it('prints what the run would send, in run order, a flow step by step, and sends nothing', async () => {
    const cwd = await tempProject(LIBRARY);
    // No target is named: listing needs none.
    const all = await runCli(cwd, ['run', '--list']);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(
      [
        'a/list-users  GET /v1/users',
        'a/create-user  POST /v1/users',
        'b/lifecycle/create  POST /v1/notes',
        'b/lifecycle/read  GET /v1/notes/{{note}}',
        'b/health  GET /health',
        '',
      ].join('\n'),
    );
    expect(all.stderr).toBe('5 case(s); nothing was sent\n');
  });

  it('lists the selection of --filter, --tag and --shard', async () => {
    const cwd = await tempProject(LIBRARY);
    const ids = async (...flags: string[]) =>
      (await runCli(cwd, ['run', '--list', ...flags])).stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('  ')[0]);
    expect(await ids('--tag', 'read')).toEqual(['a/list-users', 'b/health']);
    expect(await ids('--filter', 'a/*')).toEqual(['a/list-users', 'a/create-user']);
    const shards = [...(await ids('--shard', '1/2')), ...(await ids('--shard', '2/2'))];
    expect(shards.sort()).toEqual((await ids()).sort());
    const none = await runCli(cwd, ['run', '--list', '--filter', 'zzz']);
    expect(none.code).toBe(2);
  });
});
