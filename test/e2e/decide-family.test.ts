/**
 * `parity decide --family`, `--path` and `--case` through `main`, on a tracker file in a
 * temp folder: one decision over rows of several endpoints, every human edit
 * kept byte for byte, the rows it changed printed, and a refusal (exit 2)
 * for a mistyped family or a selection that matches nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const FILE = 'docs/ARCHITECTURE_COMPARISON.md';
const HEADER =
  '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |';
const ALIGN = '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';

const row = (id: string, endpoint: string, summary: string, fingerprint: string, decision = '') =>
  `| ${id} | _open_ | shape | \`${endpoint}\` | \`api/${id.toLowerCase()}\` | ${summary} | 2026-11-01 | 2026-11-02 |  | \`${fingerprint}\` | ${decision} |`;

const TRACKER = [
  '# Architecture comparison',
  '',
  'Prose a person wrote, with a trailing space ',
  '',
  '<!-- parity:tracker:start -->',
  '<!-- parity:next-id 7 -->',
  HEADER,
  ALIGN,
  row(
    'PAR-001',
    'GET /v1/orders/:id',
    'GET /v1/orders/:id: candidate lacks `/meta/requestId`',
    'structure-a00000000001',
  ),
  '> PAR-001: the gateway adds the envelope, ask Sam',
  row(
    'PAR-002',
    'GET /v1/accounts',
    'GET /v1/accounts: candidate lacks `/meta/traceId`',
    'structure-a00000000002',
    'seen in staging',
  ),
  row(
    'PAR-003',
    'GET /v1/accounts',
    'GET /v1/accounts: candidate adds `/balance`',
    'structure-a00000000003',
  ),
  row(
    'PAR-004',
    'GET /v1/orders/:id',
    'integer as number vs string at `orderId`',
    'int-as-string-a00000000004',
  ),
  row(
    'PAR-005',
    'GET /v1/accounts',
    'integer as number vs string at `accountNumber`',
    'int-as-string-a00000000005',
  ),
  row(
    'PAR-006',
    'GET /v1/users/:id',
    'member `userName` renamed `username` at `login`',
    'key-rename-a00000000006',
  ),
  '<!-- parity:tracker:end -->',
  '',
  'Epilogue.',
  '',
].join('\r\n');

async function project(): Promise<string> {
  return tempProject({ [FILE]: TRACKER });
}

/** The lines that differ from the tracker as written. */
async function changedLines(cwd: string): Promise<string[]> {
  const after = (await readFile(join(cwd, FILE), 'utf8')).split('\r\n');
  const before = TRACKER.split('\r\n');
  expect(after).toHaveLength(before.length);
  return after.filter((line, n) => line !== before[n]);
}

describe('parity decide by family and by path', () => {
  it('accepts one decision across endpoints by path, printing the rows it changed', async () => {
    const cwd = await project();
    const out = await runCli(cwd, [
      'decide',
      '--path',
      '/meta/*',
      'accepted',
      '--note',
      'the gateway envelope',
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(
      'PAR-001 open → accepted: GET /v1/orders/:id: candidate lacks `/meta/requestId`',
    );
    expect(out.stdout).toContain(
      'PAR-002 open → accepted: GET /v1/accounts: candidate lacks `/meta/traceId`',
    );
    expect(out.stdout).toContain(`${FILE}: 2 rows decided`);
    const changed = await changedLines(cwd);
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatch(/^\| PAR-001 \| _accepted_ \|.*\| the gateway envelope \|$/);
    expect(changed[1]).toMatch(
      /^\| PAR-002 \| _accepted_ \|.*\| seen in staging · the gateway envelope \|$/,
    );
  });

  it('decides a whole family at once, and narrows it by path', async () => {
    const cwd = await project();
    const family = await runCli(cwd, ['decide', '--family', 'int-as-string', 'wontfix']);
    expect(family.code, family.stderr).toBe(0);
    expect(family.stdout.match(/^PAR-\d+ open → wontfix/gm)).toEqual([
      'PAR-004 open → wontfix',
      'PAR-005 open → wontfix',
    ]);
    const narrowed = await runCli(cwd, [
      'decide',
      '--family',
      'structure',
      '--path',
      '/balance',
      'accepted',
    ]);
    expect(narrowed.code, narrowed.stderr).toBe(0);
    expect(narrowed.stdout).toMatch(/^PAR-003 open → accepted/m);
    expect((await changedLines(cwd)).map((line) => line.slice(0, 9))).toEqual([
      '| PAR-003',
      '| PAR-004',
      '| PAR-005',
    ]);
    const json = await runCli(cwd, ['decide', '--family', 'key-rename', 'accepted', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ changed: true, decided: [{ id: 'PAR-006' }] });
  });

  it('decides the rows of the cases a glob names, as --filter reads it', async () => {
    const cwd = await project();
    const out = await runCli(cwd, ['decide', '--case', 'api/par-00[45]', 'wontfix']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.match(/^PAR-\d+ open → wontfix/gm)).toEqual([
      'PAR-004 open → wontfix',
      'PAR-005 open → wontfix',
    ]);
    expect((await changedLines(cwd)).map((line) => line.slice(0, 9))).toEqual([
      '| PAR-004',
      '| PAR-005',
    ]);
    const empty = await runCli(cwd, ['decide', '--case', ' ', 'accepted']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--case takes a glob of case ids');
  });

  it('refuses a mistyped family, a selection that matches nothing, and leaves the file alone', async () => {
    const cwd = await project();
    const typo = await runCli(cwd, ['decide', '--family', 'int-as-strng', 'accepted']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      '--family "int-as-strng" is not known (did you mean "int-as-string"?',
    );
    const none = await runCli(cwd, ['decide', '--path', '/envelope/*', 'accepted']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      `${FILE}: no open or decided row matches --path /envelope/* (of 6 open or decided rows); nothing changed`,
    );
    const empty = await runCli(cwd, ['decide', '--path', ' ', 'accepted']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--path takes a path pattern');
    expect(await readFile(join(cwd, FILE), 'utf8')).toBe(TRACKER);
  });
});
