import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../../../src/contract/report.js';
import {
  chartsOf,
  ENDPOINT_BARS,
} from '../../../../../../src/reporters/report/html/charts-view.js';
import {
  acrossChart,
  binPosition,
  edgeLabel,
  endpointChart,
  latencyChart,
  type Shape,
} from '../../../../../../src/reporters/report/html/page/charts.js';
import { htmlView } from '../../../../../../src/reporters/report/html/view.js';
import {
  HOSTILE_NAME,
  sampleReport,
  sampleResults,
} from '../../../../judge/results/report-fixtures.js';

/** Every shape of the tree, depth first. */
function* walk(shape: Shape): Generator<Shape> {
  yield shape;
  for (const kid of shape.kids ?? []) yield* walk(kid);
}
const all = (shape: Shape, pick: (s: Shape) => boolean) => [...walk(shape)].filter(pick);
const texts = (shape: Shape) => all(shape, (s) => s.tag === 'text').map((s) => s.text);
const descOf = (shape: Shape) => shape.kids?.find((k) => k.tag === 'desc')?.text ?? '';

const HISTOGRAM = { edgesMs: [1, 1.5, 2, 3], baseline: [2, 0, 1], candidate: [0, 3, 0] };

describe('report.html charts: the data', () => {
  it('takes the latency histogram from report.json, and bins a complete older report itself', () => {
    const report = sampleReport();
    const view = chartsOf(report);
    expect(view.latency).toEqual({
      histogram: report.summary.latency?.histogram,
      basis: '3 cases both sides answered',
      p50: { baseline: { ms: 2, label: '2.00 ms' }, candidate: { ms: 3, label: '3.00 ms' } },
    });
    const { histogram: _h, ...older } = report.summary.latency ?? { all: {}, endpoints: [] };
    const old = { ...report, summary: { ...report.summary, latency: older } } as RunReport;
    expect(chartsOf(old).latency).toEqual(view.latency);
    // A run's report in memory holds only notable results: it says why there is no chart.
    const partial = { ...old, results: old.results.slice(0, 2) };
    expect(chartsOf(partial).latency).toEqual({
      note: expect.stringContaining('written before report.json carried the latency distribution'),
    });
  });

  it('counts divergent and accepted cases and root causes per endpoint, most diverging first', () => {
    const report = sampleReport();
    const { bars, more } = chartsOf(report).endpoints;
    const causesAt = (endpoint: string) =>
      (report.rootCauses ?? []).filter((c) => c.endpoints.includes(endpoint)).length;
    // One case each: the endpoint with more root causes first.
    expect(bars).toEqual([
      {
        endpoint: 'POST /v1/validate',
        divergent: 1,
        accepted: 0,
        causes: causesAt('POST /v1/validate'),
      },
      { endpoint: 'GET /accepted', divergent: 0, accepted: 1, causes: causesAt('GET /accepted') },
    ]);
    expect(causesAt('POST /v1/validate')).toBeGreaterThan(causesAt('GET /accepted'));
    expect(more).toBe(0);
    // The failed case (transport) is an error, not a divergence; the equal one is no bar.
    expect(bars.map((b) => b.endpoint)).not.toContain('GET /down');
  });

  it('shows at most ENDPOINT_BARS endpoints and says how many more', () => {
    const [, , drift] = sampleResults();
    if (drift === undefined) throw new Error('no sample');
    const many = Array.from({ length: ENDPOINT_BARS + 3 }, (_, i) => ({
      ...drift,
      caseId: `demo/e${i}`,
      endpoint: `GET /e${String(i).padStart(2, '0')}`,
    }));
    const { bars, more } = chartsOf(sampleReport(many)).endpoints;
    expect(bars).toHaveLength(ENDPOINT_BARS);
    expect(more).toBe(3);
  });

  it('counts root causes across runs only from --compare-to, each cause once', () => {
    const report = sampleReport();
    expect(chartsOf(report).across).toEqual({
      note: expect.stringContaining('Run with --compare-to'),
    });
    const comparedTo = { runId: 'run-0', startedAt: '2026-11-19T10:00:00.000Z' };
    const fixed = (fingerprint: string) => ({
      fingerprint,
      kinds: ['shape' as const],
      endpoints: ['GET /x'],
      caseIds: ['x/1'],
      summary: fingerprint,
    });
    const regression = {
      comparedTo,
      new: [],
      persisting: [],
      // `p` was fixed in one case and still shows in another: still there, not fixed.
      fixed: [fixed('f1'), fixed('p')],
      notSeen: [{ ...fixed('s1'), reason: 'not-compared' as const }],
      causes: { new: ['n1', 'n2'], persisting: ['p'], before: 5 },
    };
    expect(chartsOf({ ...report, regression }).across).toEqual({
      comparedTo: 'run-0',
      thisRun: report.runId,
      persisting: 1,
      new: 2,
      fixed: 1,
      notSeen: 1,
      notRun: 2,
    });
    const { causes: _c, ...older } = regression;
    expect(chartsOf({ ...report, regression: older }).across).toEqual({
      note: expect.stringContaining('Compared to run-0, but this report was written before'),
    });
  });

  it('travels in the page data', () => {
    expect(htmlView(sampleReport()).charts).toEqual(chartsOf(sampleReport()));
  });
});

describe('report.html charts: the drawings', () => {
  it('draws one bar per bin and side, with its count, and says every value in words', () => {
    const data = {
      histogram: HISTOGRAM,
      basis: '3 cases',
      p50: { baseline: { ms: 1.2, label: '1.20 ms' } },
    };
    const chart = latencyChart(data, { baseline: HOSTILE_NAME, candidate: 'go' });
    expect(chart.tag).toBe('svg');
    expect(chart.attrs['role']).toBe('img');
    expect(chart.attrs['aria-labelledby']).toBe('chart-latency-title chart-latency-desc');
    const bars = all(chart, (s) => s.tag === 'rect' && s.attrs['data-side'] !== undefined);
    expect(bars.map((b) => [b.attrs['data-side'], b.attrs['data-count']])).toEqual([
      ['baseline', '2'],
      ['baseline', '0'],
      ['baseline', '1'],
      ['candidate', '0'],
      ['candidate', '3'],
      ['candidate', '0'],
    ]);
    // Taller bars for larger counts, all standing on one axis.
    const height = (b: Shape) => Number(b.attrs['height']);
    expect(height(bars[4] as Shape)).toBeGreaterThan(height(bars[0] as Shape));
    expect(height(bars[1] as Shape)).toBe(0);
    expect(bars[1]?.kids?.[0]?.text).toBe(`${HOSTILE_NAME} 1.5–2 ms: 0 cases`);
    expect(texts(chart)).toEqual(expect.arrayContaining(['1', '1.5', '2', '3']));
    expect(texts(chart)).toContain(`${HOSTILE_NAME} (baseline)`);
    expect(descOf(chart)).toBe(
      `Cases per response-time bin. ${HOSTILE_NAME}: 1–1.5 ms 2, 1.5–2 ms 0, 2–3 ms 1. go: 1–1.5 ms 0, 1.5–2 ms 3, 2–3 ms 0. Medians: ${HOSTILE_NAME} 1.20 ms.`,
    );
    // A side's median is a dashed line at its place on the axis (no median: no line).
    const medians = all(chart, (s) => s.attrs['data-p50'] !== undefined);
    expect(medians.map((m) => m.attrs['data-p50'])).toEqual(['baseline']);
    expect(texts(medians[0] as Shape)).toEqual([`p50 ${HOSTILE_NAME} 1.20 ms`]);
    expect(edgeLabel(1500)).toBe('1.5 s');
  });

  it('places a duration on the bins axis, log-spaced within its bin', () => {
    const edges = [1, 1.5, 2, 3];
    expect(binPosition(edges, 1)).toBe(0);
    expect(binPosition(edges, 2)).toBe(2);
    expect(binPosition(edges, 3)).toBe(3);
    expect(binPosition(edges, Math.sqrt(2 * 3))).toBeCloseTo(2.5);
    // Outside the edges: clamped to the axis.
    expect(binPosition(edges, 0.2)).toBe(0);
    expect(binPosition(edges, 50)).toBe(3);
  });

  it('draws two bars per endpoint and labels each with its value', () => {
    const long = `GET /${'x'.repeat(120)}`;
    const chart = endpointChart([
      { endpoint: 'POST /v1/validate', divergent: 5, accepted: 1, causes: 2 },
      { endpoint: long, divergent: 1, accepted: 0, causes: 1 },
    ]);
    const groups = all(chart, (s) => s.attrs['data-endpoint'] !== undefined);
    expect(groups.map((g) => g.attrs['data-endpoint'])).toEqual(['POST /v1/validate', long]);
    const series = (g: Shape) =>
      all(g, (s) => s.tag === 'rect').map((r) => [r.attrs['data-series'], r.attrs['data-count']]);
    expect(series(groups[0] as Shape)).toEqual([
      ['divergent', '5'],
      ['accepted', '1'],
      ['causes', '2'],
    ]);
    expect(texts(groups[0] as Shape)).toEqual([
      'POST /v1/validate',
      '5 divergent · 1 accepted',
      '2 root causes',
    ]);
    // A long endpoint is clipped where it is drawn, and whole in the words.
    expect(texts(groups[1] as Shape)[0]).toHaveLength(96);
    expect(descOf(chart)).toContain(`${long}: 1 divergent, 0 accepted, 1 root cause.`);
  });

  it('draws the two runs as stacked bars whose parts are the counts', () => {
    const chart = acrossChart({
      comparedTo: 'run-0',
      thisRun: 'run-1',
      persisting: 3,
      new: 1,
      fixed: 2,
      notSeen: 0,
      notRun: 1,
    });
    const run = (name: string) =>
      all(chart, (s) => s.attrs['data-run'] === name)
        .flatMap((g) => all(g, (s) => s.tag === 'rect'))
        .map((r) => [r.attrs['data-series'], r.attrs['data-count']]);
    expect(run('compared')).toEqual([
      ['persisting', '3'],
      ['fixed', '2'],
      ['notSeen', '0'],
      ['notRun', '1'],
    ]);
    expect(run('this')).toEqual([
      ['persisting', '3'],
      ['new', '1'],
    ]);
    expect(texts(chart)).toContain('compared run run-0: 6 root causes');
    expect(texts(chart)).toContain('this run run-1: 4 root causes');
    expect(descOf(chart)).toBe(
      'Root causes of run-0: 3 still there, 2 fixed, 0 not seen, 1 in cases not run now. Root causes of run-1: 3 still there, 1 new.',
    );
  });
});
