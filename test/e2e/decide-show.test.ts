/** `parity decide` and `parity show` through `main`, on the planted servers. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { runCli, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import { PLANTED, PLANTED_CASES, plantedServers } from '../helpers/planted-servers.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

describe('parity decide and parity show', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  let cwd: string;
  let nilSlice = '';
  beforeAll(async () => {
    ({ baseline, candidate } = await plantedServers(new Set()));
    // The planted servers answer as serde and Go do: the config names their runtimes, so hints speak their terms.
    cwd = await tempProject({
      'cases/records.yaml': PLANTED_CASES,
      'parity.config.yaml': [
        'targets:',
        '  rust: { url: "http://127.0.0.1:9", runtime: rust }',
        '  go: { url: "http://127.0.0.1:9", runtime: go }',
        '',
      ].join('\n'),
    });
    const targets = ['--baseline', `rust=${baseline.url}`, '--candidate', `go=${candidate.url}`];
    await runCli(cwd, ['run', ...targets], { now: new Date('2026-11-20T10:00:00Z') });
    const text = await readFile(join(cwd, TRACKER), 'utf8');
    const row = trackerRows(parseTracker(text, TRACKER)).find(
      (r) => r.summary === PLANTED['nil-slice'],
    );
    nilSlice = row?.id ?? '';
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  it('shows a root cause: its row, every case by endpoint, an example diff, curl, the fix', async () => {
    const shown = await runCli(cwd, ['show', nilSlice]);
    expect(shown.code).toBe(0);
    const out = shown.stdout;
    expect(out).toMatch(new RegExp(`^${nilSlice} · _open_ · shape · nil-slice-[0-9a-f]{12}\\n`));
    expect(out).toContain(PLANTED['nil-slice']);
    expect(out).toMatch(/: 8 case\(s\) on 3 endpoint\(s\)/);
    expect(out).toMatch(/GET \/records\/:id +records\/read-2, records\/read-4, records\/read-6/);
    expect(out).toMatch(
      /GET \/records +records\/list-all, records\/list-active, records\/list-math/,
    );
    expect(out).toContain('What it is: an empty list `[]` on one side is `null` or absent');
    expect(out).toContain('Example: records/read-2 (GET /records/2)');
    expect(out).toContain('- /tags: []');
    expect(out).toContain('+ /tags: null');
    expect(out).not.toContain('/created_at'); // only the changes of this root cause
    expect(out).toMatch(/Reproduce:\n {2}curl .*\/records\/2'?\n {2}curl /);
    expect(out).toContain('make([]T, 0)');
    expect(out).toContain('emptyEqualsNull: true');
    expect(out).toContain(`parity decide ${nilSlice} accepted --note "…"`);
    const json = JSON.parse((await runCli(cwd, ['show', nilSlice, '--json'])).stdout);
    expect(json.evidence.entry.caseIds).toHaveLength(8);
    expect(json.hint.rule).toBe('emptyEqualsNull: true');
  });

  it('decides rows by id with a note, and says so', async () => {
    const decided = await runCli(cwd, ['decide', nilSlice, 'wontfix', '--note', 'Go side, later']);
    expect(decided.code).toBe(0);
    expect(decided.stdout).toContain(`${nilSlice} open → wontfix: ${PLANTED['nil-slice']}`);
    const text = await readFile(join(cwd, TRACKER), 'utf8');
    const row = trackerRows(parseTracker(text, TRACKER)).find((r) => r.id === nilSlice);
    expect(row).toMatchObject({ status: 'wontfix', decision: 'Go side, later' });
    const again = JSON.parse((await runCli(cwd, ['decide', nilSlice, 'wontfix', '--json'])).stdout);
    expect(again).toMatchObject({ status: 'wontfix', changed: false });
    expect(again.decided[0]).toMatchObject({ id: nilSlice, from: 'wontfix', to: 'wontfix' });
    const shown = (await runCli(cwd, ['show', nilSlice])).stdout;
    expect(shown).toContain('decision: Go side, later');
    // A decided row is not offered for accepting again, and no hint sends show to itself.
    expect(shown).not.toContain('accepted --note');
    expect(shown).toContain(`decided _wontfix_; to reopen it: parity decide ${nilSlice} open`);
    expect(shown).not.toContain('(`parity show`)');
    // Every listed row says its status, open ones too.
    const listed = (await runCli(cwd, ['tracker', '--all'])).stdout;
    expect(listed).toMatch(/^ID +Status +Kind +Last seen +Endpoints +Cases$/m);
    expect(listed).toMatch(new RegExp(`^${nilSlice} +wontfix +shape `, 'm'));
    expect(listed).toMatch(/^PAR-\d+ +open +\w+ /m);
    expect(listed).not.toContain('(wontfix)');
  });

  it('refuses a bad decision, an unknown pattern or row, and a missing tracker with exit 2', async () => {
    const bad = await runCli(cwd, ['decide', nilSlice, 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the last operand is the decision: open, accepted, wontfix');
    const pattern = await runCli(cwd, ['decide', '--pattern', 'nil-slices', 'accepted']);
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toContain(
      '--pattern "nil-slices" is not known (did you mean "nil-slice"? known: xml-rpc-type, tagged-enum',
    );
    const kind = await runCli(cwd, ['decide', '--kind', 'transport', 'accepted']);
    expect(kind.code).toBe(2);
    const unknown = await runCli(cwd, ['show', 'PAR-404']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no row PAR-404 \(rows: PAR-001/);
    const empty = await tempProject({});
    const none = await runCli(empty, ['decide', 'PAR-001', 'accepted']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no such tracker (`parity run` creates it');
    expect((await runCli(empty, ['show', 'PAR-001'])).code).toBe(2);
  });

  it('shows the row alone when there is no report to show it from', async () => {
    const text = await readFile(join(cwd, TRACKER), 'utf8');
    const bare = await tempProject({ [TRACKER]: text });
    const shown = await runCli(bare, ['show', nilSlice]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('no report to show: ');
    // Decided (wontfix) by the test above: reopening is what is left to decide.
    expect(shown.stdout).toContain(
      `Decided _wontfix_; to reopen it: parity decide ${nilSlice} open`,
    );
  });

  it('show reads the run that wrote its tracker, not a later run of another tracker', async () => {
    const targets = ['--baseline', `rust=${baseline.url}`, '--candidate', `go=${candidate.url}`];
    // A later run (a fuzz replay, say) with another tracker repoints reports/latest, and holds no
    // divergence of this tracker's rows: its cases differ.
    const other = await tempProject({
      'cases/ok.yaml':
        'suite: ok\ncases:\n  - id: ping\n    request: { method: GET, path: /nothing-here }\n',
    });
    await runCli(other, [
      'run',
      ...targets,
      '--tracker',
      'other.md',
      '--reports',
      join(cwd, 'reports'),
    ]);
    const shown = await runCli(cwd, ['show', nilSlice]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Example: records/read-2 (GET /records/2)');
    expect(shown.stdout).not.toContain('does not show');
  });
});
