// The corpus matcher (corpus/lib/match.js) on an inline truth and report: it
// decides the numbers `npm run corpus` prints, so each count is checked here,
// offline, without the corpus's servers.
import { describe, expect, it } from 'vitest';
import { globToRegExp, scorePair, type Truth } from '../../../corpus/lib/match.js';

/** A report.json cut to what the matcher reads: root causes and the results' findings. */
function report(): unknown {
  return {
    rootCauses: [
      {
        fingerprint: 'structure-a',
        kind: 'shape',
        summary: '/items: candidate adds `/meta/links`',
        caseIds: ['shop/list-items'],
        endpoints: ['GET /items'],
        row: { id: 'PAR-001' },
      },
      {
        fingerprint: 'structure-b',
        kind: 'shape',
        summary: '/items/:id: candidate adds `/meta/links`',
        caseIds: ['shop/get-item'],
        endpoints: ['GET /items/:id'],
        row: { id: 'PAR-002' },
      },
      {
        fingerprint: 'structure-c',
        kind: 'value',
        summary: '/items: value of `/createdAt` differs',
        caseIds: ['shop/create-item'],
        endpoints: ['POST /items'],
        row: { id: 'PAR-003' },
      },
      {
        fingerprint: 'status-d',
        kind: 'status',
        summary: 'status 404 → 200 on DELETE /items/:id',
        caseIds: ['shop/delete-item'],
        endpoints: ['DELETE /items/:id'],
        row: { id: 'PAR-004' },
      },
      {
        fingerprint: 'structure-e',
        kind: 'value',
        summary: '/health: value of `/uptime` differs',
        caseIds: ['shop/health'],
        endpoints: ['GET /health'],
        row: { id: 'PAR-005' },
      },
    ],
    results: [
      {
        caseId: 'shop/list-items',
        findings: [{ fingerprint: 'structure-a', kind: 'shape', paths: ['/meta/links'] }],
        changes: [{ path: '/meta/links', op: 'added', candidate: {} }],
      },
      {
        caseId: 'shop/get-item',
        findings: [{ fingerprint: 'structure-b', kind: 'shape', paths: ['/meta/links'] }],
        changes: [{ path: '/meta/links', op: 'added', candidate: {} }],
      },
      {
        caseId: 'shop/create-item',
        findings: [{ fingerprint: 'structure-c', kind: 'value', paths: ['/createdAt'] }],
        changes: [
          {
            path: '/createdAt',
            op: 'value',
            baseline: '2026-01-01T10:00:00Z',
            candidate: '2026-01-01T10:00:01Z',
          },
        ],
      },
      { caseId: 'shop/delete-item', findings: [{ fingerprint: 'status-d', kind: 'status' }] },
      {
        caseId: 'shop/health',
        findings: [{ fingerprint: 'structure-e', kind: 'value', paths: ['/uptime'] }],
        changes: [{ path: '/uptime', op: 'value', baseline: 3, candidate: 4 }],
      },
    ],
  };
}

const truth: Truth = {
  pair: 'shop',
  heldOut: true,
  decisions: [
    { id: 'links', rows: [{ paths: ['/meta/links'] }] },
    { id: 'delete-missing', rows: [{ kind: 'status', endpoints: ['DELETE /items/:id'] }] },
    { id: 'renamed-total', rows: [{ paths: ['/total', '/count'] }] },
  ],
  perInstance: [{ name: 'write time', paths: ['/createdAt'], values: ['^\\d{4}-\\d\\d-\\d\\dT'] }],
};

describe('the corpus matcher', () => {
  it('counts rows per decision, decisions without a row, per-instance and false rows', () => {
    const score = scorePair(truth, report());
    expect(score.rows).toBe(5);
    expect(score.decisions).toBe(3);
    expect(score.rowsPerDecision).toBeCloseTo(5 / 3);
    expect(score.byDecision).toEqual({
      links: ['PAR-001', 'PAR-002'],
      'delete-missing': ['PAR-004'],
      'renamed-total': [],
    });
    expect(score.decisionsWithoutRow).toEqual(['renamed-total']);
    expect(score.perInstanceRows).toBe(1);
    expect(score.falseRows).toBe(1);
    expect(score.assignments.find((a) => a.false)?.row).toBe('PAR-005');
    expect(score.heldOut).toBe(true);
  });

  it('counts a `runError` decision seen as a run error apart, and one never seen as without a row', () => {
    const withErrors = report() as { results: unknown[] };
    withErrors.results.push(
      { caseId: 'shop/oneway-call', verdict: 'error', findings: [] },
      { caseId: 'shop/ping', verdict: 'equal', findings: [] },
    );
    const decisions = [
      ...truth.decisions,
      { id: 'oneway-unanswered', runError: true, rows: [{ cases: ['shop/oneway-*'] }] },
      { id: 'ping-dropped', runError: true, rows: [{ cases: ['shop/ping'] }] },
    ];
    const score = scorePair({ ...truth, decisions }, withErrors);
    expect(score.runErrorDecisions).toEqual(['oneway-unanswered']);
    expect(score.decisionsWithoutRow).toEqual(['renamed-total', 'ping-dropped']);
    expect(score.decisions).toBe(4);
    expect(score.rowsPerDecision).toBeCloseTo(5 / 4);
    // Without the mark, a run error is no row.
    const unmarked = decisions.map(({ runError: _, ...d }) => d);
    expect(scorePair({ ...truth, decisions: unmarked }, withErrors).decisionsWithoutRow).toEqual([
      'renamed-total',
      'oneway-unanswered',
      'ping-dropped',
    ]);
  });

  it('counts a row on a per-instance path as false when its values do not look per-instance', () => {
    const strict: Truth = {
      ...truth,
      perInstance: [{ paths: ['/createdAt'], values: ['^[0-9a-f]{8}-'] }],
    };
    expect(scorePair(strict, report()).falseRows).toBe(2);
  });

  it('takes a whole-body row as per-instance only where an entry names it', () => {
    const named: Truth = {
      ...truth,
      perInstance: [...(truth.perInstance ?? []), { rows: [{ cases: 'shop/health' }] }],
    };
    const score = scorePair(named, report());
    expect(score.perInstanceRows).toBe(2);
    expect(score.falseRows).toBe(0);
  });

  it("tells a member's presence from its value at one place by the change's operation", () => {
    const byOp: Truth = {
      pair: 'shop',
      decisions: [
        { id: 'write-time-added', rows: { paths: '/createdAt', ops: 'added' } },
        { id: 'uptime-counter', rows: { paths: ['/createdAt', '/uptime'], ops: ['value'] } },
      ],
    };
    const score = scorePair(byOp, report());
    expect(score.byDecision).toEqual({
      'write-time-added': [],
      'uptime-counter': ['PAR-003', 'PAR-005'],
    });
    expect(scorePair({ ...byOp, decisions: [byOp.decisions[0]!] }, report()).falseRows).toBe(5);
  });

  it('gives a row that alone stands for two decisions to the first, and counts it once', () => {
    const twice: Truth = {
      ...truth,
      decisions: [...truth.decisions, { id: 'deletes', rows: { cases: 'shop/delete-*' } }],
    };
    const score = scorePair(twice, report());
    expect(score.assignments.find((a) => a.row === 'PAR-004')).toMatchObject({
      decision: 'delete-missing',
      alsoMatches: ['deletes'],
    });
    expect(score.decisionsWithoutRow).toEqual(['renamed-total', 'deletes']);
  });

  it('moves a row to a later decision that has no other, when the first keeps a row', () => {
    const twice: Truth = {
      ...truth,
      decisions: [...truth.decisions, { id: 'list-links', rows: { cases: 'shop/list-*' } }],
    };
    const score = scorePair(twice, report());
    expect(score.assignments.find((a) => a.row === 'PAR-001')).toMatchObject({
      decision: 'list-links',
      alsoMatches: ['links'],
    });
    expect(score.byDecision).toMatchObject({ links: ['PAR-002'], 'list-links': ['PAR-001'] });
    expect(score.decisionsWithoutRow).toEqual(['renamed-total']);
  });

  it('moves rows along a chain so that each decision keeps one', () => {
    // The first match gives PAR-001 and PAR-002 to `links`, PAR-004 to `item-calls`;
    // `delete-status` has only PAR-004, so `item-calls` takes PAR-002 from `links`.
    const chain: Truth = {
      pair: 'shop',
      decisions: [
        { id: 'links', rows: { paths: '/meta/links' } },
        { id: 'item-calls', rows: [{ cases: 'shop/get-item' }, { kind: 'status' }] },
        { id: 'delete-status', rows: { endpoints: 'DELETE /items/:id' } },
      ],
    };
    const score = scorePair(chain, report());
    expect(score.byDecision).toEqual({
      links: ['PAR-001'],
      'item-calls': ['PAR-002'],
      'delete-status': ['PAR-004'],
    });
    expect(score.decisionsWithoutRow).toEqual([]);
  });

  // Two shapes of a row awaiting evidence (a list in each side's drawn order under
  // `/docs`; UUIDs under `/tokens/*`), beside a real decision that keeps its row.
  for (const [name, path, values] of [
    ['a list in drawn order', '/docs', [[{ n: 1 }], [{ n: 2 }]]],
    [
      'fresh tokens',
      '/tokens/0',
      ['0f9c2a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6', 'c1d2e3f4-a5b6-4c7d-9e8f-001122334455'],
    ],
  ] as const) {
    it(`${name}: a row awaiting evidence is counted apart, never as a row`, () => {
      const waiting = (status?: string) => ({
        rootCauses: [
          {
            fingerprint: 'structure-w',
            kind: 'value',
            summary: `value of \`${path}\` differs`,
            caseIds: ['store/query'],
            endpoints: ['POST /store/_find'],
            unsettled: true,
            row: { id: 'PAR-001', ...(status === undefined ? {} : { status }) },
          },
          {
            fingerprint: 'structure-x',
            kind: 'value',
            summary: 'value of `/warning` differs',
            caseIds: ['store/query'],
            endpoints: ['POST /store/_find'],
            row: { id: 'PAR-002', status: 'open' },
          },
        ],
        results: [
          {
            caseId: 'store/query',
            findings: [
              { fingerprint: 'structure-w', kind: 'value', paths: [path] },
              { fingerprint: 'structure-x', kind: 'value', paths: ['/warning'] },
            ],
            changes: [
              { path, op: 'value', baseline: values[0], candidate: values[1] },
              { path: '/warning', op: 'value', baseline: 'no index', candidate: 'No index.' },
            ],
          },
        ],
      });
      const store: Truth = {
        pair: 'store',
        decisions: [
          { id: 'warning', rows: { paths: '/warning' } },
          { id: 'hidden', rows: { paths: path } },
        ],
      };
      // Its row says `awaiting`, as a run writes it (an earlier report's open row reads so too).
      expect(scorePair(store, waiting('awaiting'))).toEqual(scorePair(store, waiting()));
      const score = scorePair(store, waiting());
      expect(score.rows).toBe(1);
      expect(score.awaitingRows).toBe(1);
      expect(score.rowsPerDecision).toBe(0.5);
      expect(score.falseRows).toBe(0);
      // A decision seen only in a row awaiting evidence is no open decision: no row.
      expect(score.decisionsWithoutRow).toEqual(['hidden']);
      expect(score.assignments.find((a) => a.row === 'PAR-001')).toMatchObject({
        awaiting: true,
        decision: 'hidden',
      });
      expect(score.byDecision).toEqual({ warning: ['PAR-002'], hidden: [] });
      // Without a decision of its own it is false, and still counted apart.
      const alone = scorePair({ ...store, decisions: [store.decisions[0]!] }, waiting());
      expect([alone.rows, alone.falseRows, alone.awaitingRows]).toEqual([1, 0, 1]);
      // A person's decision (accepted) makes it a row like any other.
      expect(scorePair(store, waiting('accepted'))).toMatchObject({ rows: 2, awaitingRows: 0 });
    });
  }

  it('reads `*` within one segment and `**` across segments', () => {
    expect(globToRegExp('/a/*/c').test('/a/b/c')).toBe(true);
    expect(globToRegExp('/a/*/c').test('/a/b/x/c')).toBe(false);
    expect(globToRegExp('/a/**/c').test('/a/b/x/c')).toBe(true);
    expect(globToRegExp('shop/get-item').test('shop/get+item')).toBe(false);
  });
});
