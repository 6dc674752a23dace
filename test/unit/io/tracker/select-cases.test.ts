/**
 * `parity decide --case`: the rows every case of which matches a glob of
 * case ids, read as `--filter` reads it. A feature one side lacks is a row
 * per endpoint (each endpoint's status is its own question), but the
 * person who wrote the library knows which cases ask about that feature:
 * one decision over those rows, never over a row that also lists another
 * case, or one whose Cases cell is cut.
 */
import { describe, expect, it } from 'vitest';
import { decideRows } from '../../../../src/io/tracker/decide.js';
import { parseTracker } from '../../../../src/io/tracker/parse.js';
import { rowCasesWithin } from '../../../../src/io/tracker/select.js';
import { ALIGN, HEADER, usage } from './fixtures.js';

const row = (id: string, cases: string, summary: string, fingerprint: string, status = '_open_') =>
  `| ${id} | ${status} | status | \`GET /x\` | ${cases} | ${summary} | 2026-01-01 | 2026-01-02 |  | \`${fingerprint}\` |  |`;

const TRACKER = [
  '# T',
  '',
  '<!-- parity:tracker:start -->',
  HEADER,
  ALIGN,
  row(
    'PAR-001',
    '`discovery/dumb-refs`',
    'status 200 → 400 on GET /repo.git/info/refs',
    'status-000000000001',
  ),
  row(
    'PAR-002',
    '`discovery/dumb-head`, `discovery/dumb-packs`',
    'status 200 → 404 on GET /repo.git/HEAD',
    'status-000000000002',
  ),
  row(
    'PAR-003',
    '`discovery/dumb-loose`, `discovery/smart-refs`',
    'status 200 → 404 on GET /repo.git/objects/:id',
    'status-000000000003',
  ),
  row(
    'PAR-004',
    '`billing/legacy-invoice`',
    'status 200 → 410 on GET /v1/invoices/:id',
    'status-000000000004',
  ),
  row(
    'PAR-005',
    '`billing/legacy-receipt`',
    'status 200 → 410 on GET /v1/receipts/:id',
    'status-000000000005',
  ),
  row(
    'PAR-006',
    '`billing/legacy-a`, `billing/legacy-b`, … (+4 more)',
    'status 200 → 410 on several GET endpoints',
    'status-000000000006',
  ),
  row(
    'PAR-007',
    '`billing/legacy-old`',
    'status 200 → 410 on GET /v1/old',
    'status-000000000007',
    '_resolved_',
  ),
  '<!-- parity:tracker:end -->',
  '',
].join('\n');

const ids = (cases: string) =>
  decideRows(parseTracker(TRACKER, 'T.md'), { ids: [], status: 'wontfix', cases }).decided.map(
    (d) => d.id,
  );

describe('parity decide --case', () => {
  it('decides the rows every case of which matches, on two libraries of other names', () => {
    expect(ids('discovery/dumb-*')).toEqual(['PAR-001', 'PAR-002']);
    expect(ids('billing/legacy-*')).toEqual(['PAR-004', 'PAR-005']);
  });

  it('keeps apart a row that also lists a case outside the glob, and one whose cases are cut', () => {
    // PAR-003 also holds a smart-protocol case: deciding it would decide that one too.
    expect(ids('discovery/**')).toEqual(['PAR-001', 'PAR-002', 'PAR-003']);
    expect(ids('discovery/dumb-*')).not.toContain('PAR-003');
    // PAR-006 shows two of its six cases: the four it does not show may lie anywhere.
    expect(ids('billing/*')).toEqual(['PAR-004', 'PAR-005']);
    expect(
      rowCasesWithin({ caseIds: ['billing/legacy-a', 'billing/legacy-b'], hiddenCases: 4 }, '**'),
    ).toBe(false);
  });

  it('reads a glob without / on the id alone, as --filter does', () => {
    expect(ids('legacy-*')).toEqual(['PAR-004', 'PAR-005']);
    expect(ids('dumb-{refs,head,packs}')).toEqual(['PAR-001', 'PAR-002']);
  });

  it('refuses a glob that matches no open or decided row, naming it', () => {
    expect(usage(() => ids('billing/legacy-old'))).toBe(
      'T.md: no open or decided row matches --case billing/legacy-old (of 6 open or decided rows); nothing changed',
    );
  });
});
