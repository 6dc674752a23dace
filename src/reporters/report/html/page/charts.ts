/**
 * report.html's charts as plain shape trees (tag, attributes, text): the page
 * turns each into inline SVG with `createElementNS`, `setAttribute` and
 * `textContent`, so a server's words (a target's name, an endpoint) are only
 * ever text. Nothing is fetched and no chart library is loaded: three small
 * drawings, hand-written. Each chart has a `<title>` and a `<desc>` that
 * says its values in words, and every bar a `<title>` with its value. Pure
 * (no DOM), so Node tests check the geometry and the page script draws it.
 */
import type { AcrossRuns, EndpointBars, LatencyChartData, Median } from '../charts-view.js';

export type ShapeTag = 'svg' | 'g' | 'rect' | 'text' | 'line' | 'title' | 'desc';

/** One SVG element: attribute values are set as strings, `text` as a text node. */
export interface Shape {
  readonly tag: ShapeTag;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly kids?: readonly Shape[];
}

export const CHART_COLOURS = {
  baseline: '#0969da',
  candidate: '#bf8700',
  divergent: '#cf222e',
  accepted: '#2e7d32',
  causes: '#8250df',
  persisting: '#9a6700',
  new: '#cf222e',
  fixed: '#1a7f37',
  notSeen: '#8c959f',
  notRun: '#d0d7de',
  axis: '#8c959f',
  text: '#1f2328',
} as const;

const WIDTH = 760;

function shape(tag: ShapeTag, attrs: Record<string, string | number>, ...kids: Shape[]): Shape {
  const strings: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) strings[k] = typeof v === 'number' ? num(v) : v;
  return kids.length === 0 ? { tag, attrs: strings } : { tag, attrs: strings, kids };
}

function text(attrs: Record<string, string | number>, words: string): Shape {
  return { ...shape('text', { fill: CHART_COLOURS.text, 'font-size': 12, ...attrs }), text: words };
}

function titled(tag: ShapeTag, attrs: Record<string, string | number>, title: string): Shape {
  return shape(tag, attrs, { tag: 'title', attrs: {}, text: title });
}

/** Two decimals at most, so the page's attributes stay short. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The frame every chart shares: a labelled image, its title and its values in words. */
function frame(name: string, height: number, title: string, desc: string, kids: Shape[]): Shape {
  return shape(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      'aria-labelledby': `chart-${name}-title chart-${name}-desc`,
      'data-chart': name,
      class: 'chart',
    },
    { tag: 'title', attrs: { id: `chart-${name}-title` }, text: title },
    { tag: 'desc', attrs: { id: `chart-${name}-desc` }, text: desc },
    ...kids,
  );
}

function swatch(x: number, y: number, colour: string, label: string): Shape[] {
  return [
    shape('rect', { x, y: y - 9, width: 10, height: 10, fill: colour }),
    text({ x: x + 14, y }, label),
  ];
}

/** `1.5`, `700`, `1.5 s`: a bin edge in ms as its axis shows it. */
export function edgeLabel(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toPrecision(3))} s` : String(ms);
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A round number at or above `max` for the top of a count axis. */
function niceTop(max: number): number {
  if (max <= 5) return Math.max(1, max);
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

/** Where `ms` lies on the bins' axis, in bins from the first edge (log-spaced within a bin). */
export function binPosition(edges: readonly number[], ms: number): number {
  const last = edges.length - 2;
  let i = 0;
  while (i < last && (edges[i + 1] as number) <= ms) i++;
  const lo = edges[i] as number;
  const hi = edges[i + 1] as number;
  const within = ms <= lo ? 0 : Math.min(1, Math.log(ms / lo) / Math.log(hi / lo));
  return i + within;
}

/**
 * The latency histogram: per bin, the baseline's bar beside the candidate's,
 * and each side's median as a dashed line.
 */
export function latencyChart(
  data: LatencyChartData,
  names: { readonly baseline: string; readonly candidate: string },
): Shape {
  const { histogram: h, basis } = data;
  const height = 250;
  const [left, right, top, bottom] = [48, 12, 28, 44];
  const plotW = WIDTH - left - right;
  const plotH = height - top - bottom;
  const bins = h.baseline.length;
  const band = plotW / bins;
  const ymax = niceTop(Math.max(...h.baseline, ...h.candidate));
  const y = (count: number) => top + plotH - (count / ymax) * plotH;
  const kids: Shape[] = [
    ...swatch(left, 14, CHART_COLOURS.baseline, `${names.baseline} (baseline)`),
    ...swatch(left + 260, 14, CHART_COLOURS.candidate, `${names.candidate} (candidate)`),
  ];
  for (const count of [0, ymax / 2, ymax]) {
    if (count !== Math.round(count)) continue;
    kids.push(
      shape('line', { x1: left, x2: left + plotW, y1: y(count), y2: y(count), stroke: '#eaeef2' }),
      text({ x: left - 6, y: y(count) + 4, 'text-anchor': 'end' }, String(count)),
    );
  }
  const sides = [
    ['baseline', names.baseline, h.baseline],
    ['candidate', names.candidate, h.candidate],
  ] as const;
  const bars: Shape[] = [];
  sides.forEach(([side, name, counts], s) => {
    counts.forEach((count, i) => {
      const range = `${edgeLabel(h.edgesMs[i] as number)}–${edgeLabel(h.edgesMs[i + 1] as number)} ms`;
      const x = left + i * band + band * (0.1 + 0.4 * s);
      const attrs = {
        x,
        y: y(count),
        width: band * 0.4,
        height: top + plotH - y(count),
        fill: CHART_COLOURS[side],
        'data-side': side,
        'data-count': count,
      };
      bars.push(titled('rect', attrs, `${name} ${range}: ${plural(count, 'case')}`));
    });
  });
  kids.push(shape('g', { 'data-bars': 'latency' }, ...bars));
  const medians: [side: 'baseline' | 'candidate', name: string, m: Median | undefined][] = [
    ['baseline', names.baseline, data.p50.baseline],
    ['candidate', names.candidate, data.p50.candidate],
  ];
  medians.forEach(([side, name, m], s) => {
    if (m === undefined) return;
    const x = left + binPosition(h.edgesMs, m.ms) * band;
    const words = `p50 ${name} ${m.label}`;
    const right = x > left + plotW * 0.7;
    kids.push(
      shape(
        'g',
        { 'data-p50': side },
        titled(
          'line',
          {
            x1: x,
            x2: x,
            y1: top,
            y2: top + plotH,
            stroke: CHART_COLOURS[side],
            'stroke-width': 1.5,
            'stroke-dasharray': '4 3',
          },
          words,
        ),
        text(
          {
            x: right ? x - 4 : x + 4,
            y: top + 10 + 14 * s,
            'text-anchor': right ? 'end' : 'start',
            'font-size': 11,
          },
          words,
        ),
      ),
    );
  });
  const every = Math.ceil((bins + 1) / 12);
  h.edgesMs.forEach((edge, i) => {
    if (i % every !== 0 && i !== bins) return;
    const x = left + i * band;
    kids.push(
      shape('line', {
        x1: x,
        x2: x,
        y1: top + plotH,
        y2: top + plotH + 4,
        stroke: CHART_COLOURS.axis,
      }),
      text({ x, y: top + plotH + 16, 'text-anchor': 'middle', 'font-size': 11 }, edgeLabel(edge)),
    );
  });
  kids.push(
    shape('line', {
      x1: left,
      x2: left + plotW,
      y1: top + plotH,
      y2: top + plotH,
      stroke: CHART_COLOURS.axis,
    }),
    text(
      { x: left + plotW / 2, y: height - 6, 'text-anchor': 'middle' },
      `response time, ms (log scale) · ${basis}`,
    ),
  );
  const words = sides.map(
    ([, name, counts]) =>
      `${name}: ${counts.map((c, i) => `${edgeLabel(h.edgesMs[i] as number)}–${edgeLabel(h.edgesMs[i + 1] as number)} ms ${c}`).join(', ')}`,
  );
  const p50 = medians.flatMap(([, name, m]) => (m === undefined ? [] : [`${name} ${m.label}`]));
  const middle = p50.length === 0 ? '' : ` Medians: ${p50.join(', ')}.`;
  return frame(
    'latency',
    height,
    'Latency distribution per side',
    `Cases per response-time bin. ${words.join('. ')}.${middle}`,
    kids,
  );
}

/** A label of at most `max` characters (the whole is in the bar's title). */
function clip(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** Per endpoint: a bar of its divergent (and accepted) cases, and one of its root causes. */
export function endpointChart(bars: readonly EndpointBars[]): Shape {
  const row = 50;
  const height = bars.length * row + 34;
  const [left, valueW] = [8, 170];
  const plotW = WIDTH - left - valueW;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.divergent + b.accepted, b.causes)));
  const w = (n: number) => (n / max) * plotW;
  const kids: Shape[] = [
    ...swatch(left, 14, CHART_COLOURS.divergent, 'divergent cases'),
    ...swatch(left + 150, 14, CHART_COLOURS.accepted, 'accepted cases'),
    ...swatch(left + 300, 14, CHART_COLOURS.causes, 'root causes'),
  ];
  bars.forEach((b, i) => {
    const y0 = 30 + i * row;
    const cases = `${b.divergent} divergent${b.accepted > 0 ? ` · ${b.accepted} accepted` : ''}`;
    const causes = plural(b.causes, 'root cause');
    kids.push(
      shape(
        'g',
        { 'data-endpoint': b.endpoint },
        text(
          { x: left, y: y0 + 12, 'font-family': 'ui-monospace,monospace' },
          clip(b.endpoint, 96),
        ),
        titled(
          'rect',
          {
            x: left,
            y: y0 + 17,
            width: w(b.divergent),
            height: 12,
            fill: CHART_COLOURS.divergent,
            'data-series': 'divergent',
            'data-count': b.divergent,
          },
          `${b.endpoint}: ${plural(b.divergent, 'divergent case')}`,
        ),
        titled(
          'rect',
          {
            x: left + w(b.divergent),
            y: y0 + 17,
            width: w(b.accepted),
            height: 12,
            fill: CHART_COLOURS.accepted,
            'data-series': 'accepted',
            'data-count': b.accepted,
          },
          `${b.endpoint}: ${plural(b.accepted, 'accepted case')}`,
        ),
        text({ x: left + w(b.divergent + b.accepted) + 6, y: y0 + 27 }, cases),
        titled(
          'rect',
          {
            x: left,
            y: y0 + 31,
            width: w(b.causes),
            height: 12,
            fill: CHART_COLOURS.causes,
            'data-series': 'causes',
            'data-count': b.causes,
          },
          `${b.endpoint}: ${causes}`,
        ),
        text({ x: left + w(b.causes) + 6, y: y0 + 41 }, causes),
      ),
    );
  });
  const words = bars.map(
    (b) =>
      `${b.endpoint}: ${b.divergent} divergent, ${b.accepted} accepted, ${plural(b.causes, 'root cause')}`,
  );
  return frame(
    'endpoints',
    height,
    'Divergences and root causes per endpoint',
    `${words.join('. ')}.`,
    kids,
  );
}

type Segment = readonly [key: keyof typeof CHART_COLOURS, label: string, count: number];

/** Root causes across two runs: the compared run's and this run's, each a stacked bar. */
export function acrossChart(a: AcrossRuns): Shape {
  const height = 150;
  const left = 8;
  const plotW = WIDTH - left - 16;
  const before: Segment[] = [
    ['persisting', 'still there', a.persisting],
    ['fixed', 'fixed', a.fixed],
    ['notSeen', 'not seen', a.notSeen],
    ['notRun', 'not run now', a.notRun],
  ];
  const now: Segment[] = [
    ['persisting', 'still there', a.persisting],
    ['new', 'new', a.new],
  ];
  const total = (s: readonly Segment[]) => s.reduce((n, [, , c]) => n + c, 0);
  const max = Math.max(1, total(before), total(now));
  const kids: Shape[] = [];
  const bar = (segments: readonly Segment[], y0: number, run: string, label: string) => {
    kids.push(
      text({ x: left, y: y0 }, `${label} ${run}: ${plural(total(segments), 'root cause')}`),
    );
    let x = left;
    const parts: Shape[] = [];
    for (const [key, name, count] of segments) {
      const width = (count / max) * plotW;
      parts.push(
        titled(
          'rect',
          {
            x,
            y: y0 + 6,
            width,
            height: 22,
            fill: CHART_COLOURS[key],
            'data-series': key,
            'data-count': count,
          },
          `${name}: ${count}`,
        ),
      );
      if (count > 0 && width >= 28) {
        parts.push(
          text(
            {
              x: x + width / 2,
              y: y0 + 21,
              'text-anchor': 'middle',
              fill: key === 'notRun' ? CHART_COLOURS.text : '#fff',
            },
            String(count),
          ),
        );
      }
      x += width;
    }
    kids.push(shape('g', { 'data-run': label === 'compared run' ? 'compared' : 'this' }, ...parts));
  };
  bar(before, 18, a.comparedTo, 'compared run');
  bar(now, 72, a.thisRun, 'this run');
  let x = left;
  for (const [key, label, count] of [...before, now[1] as Segment]) {
    kids.push(...swatch(x, height - 12, CHART_COLOURS[key], `${label} ${count}`));
    x += 40 + (label.length + String(count).length) * 7;
  }
  const desc = `Root causes of ${a.comparedTo}: ${a.persisting} still there, ${a.fixed} fixed, ${a.notSeen} not seen, ${a.notRun} in cases not run now. Root causes of ${a.thisRun}: ${a.persisting} still there, ${a.new} new.`;
  return frame('across', height, 'Root causes across runs', desc, kids);
}
