/**
 * The upgrade from case-level rows (parity 0.1: one row per divergent case,
 * a 16-hex fingerprint) to root-cause rows, end to end: every human byte is
 * kept, the rows whose cases now show root causes are marked `_superseded_`,
 * and their Decision text and status are carried to the root-cause rows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import { PLANTED, PLANTED_CASES, plantedServers } from '../helpers/planted-servers.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const HEADER =
  '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |';
const ROWS = {
  read2:
    "| PAR-001 | _accepted_ | shape | `GET /records/:id` | `records/read-2` | `/deleted_at` null vs absent; `/tags` [] vs null | 2026-11-01 | 2026-11-02 |  | `0123456789abcdef` | Go's nulls are fine for our clients |",
  read4:
    '| PAR-002 | _accepted_ | shape | `GET /records/:id` | `records/read-4` | `/deleted_at` null vs absent; `/tags` [] vs null | 2026-11-01 | 2026-11-02 |  | `1123456789abcdef` | agreed in review |',
  noName:
    '| PAR-003 | _open_ | shape | `POST /records` | `records/create-no-name` | status 422 → 400; externally tagged enum | 2026-11-01 | 2026-11-02 |  | `2123456789abcdef` | ask the API team |',
  gone: '| PAR-004 | _wontfix_ | shape | `GET /old` | `other/gone` | an endpoint we retired | 2026-11-01 | 2026-11-01 |  | `3123456789abcdef` | retired |',
};
const LEGACY = [
  '# Architecture comparison',
  '',
  'Our own introduction, which parity must keep.',
  '',
  '<!-- parity:tracker:start -->',
  '<!-- parity:next-id 5 -->',
  HEADER,
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ROWS.read2,
  ROWS.read4,
  '> note: PAR-002 was discussed with the mobile team',
  ROWS.noName,
  ROWS.gone,
  '<!-- parity:tracker:end -->',
  '',
  '## Epilogue',
  'Text after the table.',
  '',
].join('\n');

/** The cells of a table line, trimmed. */
function cells(line: string): string[] {
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('upgrading a tracker of case-level rows', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => ({ baseline, candidate } = await plantedServers(new Set())));
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  it('supersedes the case-level rows, carries their decisions, and keeps every human byte', async () => {
    const cwd = await tempProject({ 'cases/records.yaml': PLANTED_CASES, [TRACKER]: LEGACY });
    const args = [
      'run',
      '--baseline',
      `rust=${baseline.url}`,
      '--candidate',
      `go=${candidate.url}`,
    ];
    const run = await runCli(cwd, args, { now: new Date('2026-11-20T10:00:00Z') });
    expect(run.stderr).toBe('');
    const text = await readFile(join(cwd, TRACKER), 'utf8');
    const lines = text.split('\n');

    // Everything outside the changed cells survives: prose, notes, epilogue, the untouched row.
    for (const kept of [
      'Our own introduction, which parity must keep.',
      '> note: PAR-002 was discussed with the mobile team',
      ROWS.gone,
      '## Epilogue',
      'Text after the table.',
    ]) {
      expect(lines).toContain(kept);
    }
    // A superseded row changes its Status and Summary cells only; its Decision stays.
    const rows = trackerRows(parseTracker(text, TRACKER));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, legacy] of [
      ['PAR-001', ROWS.read2],
      ['PAR-002', ROWS.read4],
      ['PAR-003', ROWS.noName],
    ] as const) {
      const line = lines.find((l) => l.startsWith(`| ${id} `)) ?? '';
      const now = cells(line);
      const before = cells(legacy);
      expect(now[1]).toBe('_superseded_');
      expect(now[5]).toMatch(/^superseded by PAR-\d+(, PAR-\d+)* · /);
      expect(now[5]?.endsWith(before[5] ?? '!')).toBe(true);
      expect(now.filter((cell, i) => cell !== before[i]).length).toBe(2);
      expect(byId.get(id)?.status).toBe('superseded');
    }
    expect(byId.get('PAR-004')?.status).toBe('wontfix');

    // The root-cause rows inherit: both accepted read rows → accepted, with both decisions.
    const bySummary = new Map(rows.map((r) => [r.summary, r]));
    const nil = bySummary.get(PLANTED['nil-slice']);
    expect(nil?.id).toMatch(/^PAR-0(0[5-9]|1\d)$/);
    expect(nil?.status).toBe('accepted');
    expect(nil?.decision).toBe(
      "PAR-001 _accepted_: Go's nulls are fine for our clients · PAR-002 _accepted_: agreed in review",
    );
    // The open row's text is carried, its status too.
    const tagged = bySummary.get(PLANTED['tagged-enum']);
    expect(tagged?.status).toBe('open');
    expect(tagged?.decision).toBe('PAR-003 _open_: ask the API team');
    // A cause no old row recorded starts fresh.
    expect(bySummary.get(PLANTED['body-kind'])).toMatchObject({ status: 'open', decision: '' });
    expect((await latestReport(cwd)).tracker?.superseded).toEqual([
      'PAR-001',
      'PAR-002',
      'PAR-003',
    ]);

    // A second run changes no superseded row and adds nothing.
    const again = await runCli(cwd, args, { now: new Date('2026-11-20T12:00:00Z') });
    expect(again.code).toBe(1);
    expect(await readFile(join(cwd, TRACKER), 'utf8')).toBe(text);
    expect((await latestReport(cwd)).tracker).toMatchObject({ added: [], superseded: [] });
  });
});
