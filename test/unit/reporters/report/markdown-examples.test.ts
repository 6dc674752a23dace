/**
 * report.md shows a few cases of each root cause in full and lists the rest
 * by id: 2,000 cases of one cause are one decision, not 2,000 sections. A
 * case with a root cause not yet shown, and a regression, always get theirs.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../src/contract/observation.js';
import { EXAMPLES_PER_CAUSE, renderMarkdown } from '../../../../src/reporters/report/markdown.js';
import { findingsFor } from '../../../helpers/findings.js';
import { sampleReport } from '../../judge/results/report-fixtures.js';

const PRICE = [{ path: '/price', op: 'value', baseline: 1, candidate: 2 }] as const;
const BOTH = [...PRICE, { path: '/name', op: 'value', baseline: 'a', candidate: 'b' }] as const;

function divergent(n: number, changes: typeof PRICE | typeof BOTH, extra = {}): Observation {
  return {
    caseId: `shop/item-${n}`,
    suite: 'shop',
    endpoint: 'GET /items/:id',
    request: { method: 'GET' as const, path: `/items/${n}` },
    baseline: { status: 200, durationMs: 1 },
    candidate: { status: 200, durationMs: 1 },
    verdict: 'divergent',
    kinds: ['value'],
    fingerprint: `f${n}`,
    findings: findingsFor(
      { endpoint: 'GET /items/:id', status: [200, 200], changes },
      { id: 'PAR-001', status: 'open' },
    ),
    summary: 'value differs',
    explanation: `case ${n} differs`,
    changes,
    headerChanges: [],
    repro: { baseline: `curl b/${n}`, candidate: `curl c/${n}` },
    bodies: { baseline: { price: 1 }, candidate: { price: 2 } },
    ...extra,
  };
}

const sections = (md: string) => md.match(/^### shop\/item-\d+ /gm) ?? [];

describe('report.md sections per root cause', () => {
  it('shows the first cases of a cause in full and lists the rest by id', () => {
    const results = Array.from({ length: 25 }, (_, n) => divergent(n, PRICE));
    const md = renderMarkdown(sampleReport(results));
    expect(sections(md)).toHaveLength(EXAMPLES_PER_CAUSE);
    expect(md).toContain('## Value divergences (25)');
    expect(md).toContain(
      `… and ${25 - EXAMPLES_PER_CAUSE} more case(s) of PAR-001, each root cause shown in ${EXAMPLES_PER_CAUSE} cases above: \`shop/item-5\``,
    );
    expect(md).toContain(
      '`shop/item-14` and 10 more (report.html and report.json have every case).',
    );
  });

  it('shows a case whose root causes are not all shown yet, and every regression', () => {
    const results = [
      ...Array.from({ length: 8 }, (_, n) => divergent(n, PRICE)),
      divergent(8, BOTH),
      divergent(9, PRICE, { regression: 'new' }),
    ];
    const md = renderMarkdown(sampleReport(results));
    const shown = sections(md).map((s) => s.slice(4).trim());
    expect(shown).toEqual([
      'shop/item-0',
      'shop/item-1',
      'shop/item-2',
      'shop/item-3',
      'shop/item-4',
      'shop/item-8',
      'shop/item-9',
    ]);
    expect(md).toContain('… and 3 more case(s) of PAR-001');
  });
});
