import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bodyLines, marksFor } from '../../../../../src/reporters/report/html/diff-lines.js';
import { CLIENT_SCRIPT } from '../../../../../src/reporters/report/html/page-script.js';
import {
  embedJson,
  renderHtml,
  scriptHash,
} from '../../../../../src/reporters/report/html/render.js';
import type { htmlView } from '../../../../../src/reporters/report/html/view.js';
import { HOSTILE_NAME, HOSTILE_X, sampleReport } from '../../../judge/results/report-fixtures.js';

/** The embedded data block of a rendered page, parsed the way the page does. */
function embedded(html: string): ReturnType<typeof htmlView> {
  const match = /<script type="application\/json" id="parity-data">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no data block');
  return JSON.parse(match[1]);
}

describe('report.html', () => {
  const html = renderHtml(sampleReport());

  it('is self-contained: no URL is fetched, one hashed script allowed by the CSP', () => {
    // The SVG namespace is a name the charts' createElementNS takes, never fetched.
    const page = html
      .replace(/(id="parity-data">)[^<]*/, '$1')
      .replaceAll('"http://www.w3.org/2000/svg"', '"svg-namespace"');
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b|\bsrc=|\bhref=|https?:/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${scriptHash(CLIENT_SCRIPT)}`);
    expect(html).toContain(`<script>${CLIENT_SCRIPT}</script>`);
  });

  it('embeds the typed page script, bundled as one strict call', () => {
    // One arrow function called once: the page script's helpers, `drawReport`, and its call.
    expect(CLIENT_SCRIPT).toMatch(/^'use strict';\(\(\)=>\{(var|function) /);
    expect(CLIENT_SCRIPT).toMatch(/function drawReport\(\)\{/);
    expect(CLIENT_SCRIPT).toMatch(/drawReport\(\);\}\)\(\);\n$/);
    expect(CLIENT_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(() => new Script(CLIENT_SCRIPT)).not.toThrow();
  });

  it('embeds page/draw.ts as it is now (the bundled string is not stale)', () => {
    const check = spawnSync(process.execPath, ['scripts/page-script.mjs', '--check'], {
      cwd: join(import.meta.dirname, '../../../../..'),
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('never lets a server string close the data block or become markup', () => {
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const view = embedded(html);
    const drift = view.rows.find((r) => r.id === 'demo/drift');
    expect(drift?.summary).toBe(`shape: ${HOSTILE_NAME}`);
    expect(drift?.diff?.candidate.lines.map(([text]) => text).join('\n')).toContain(HOSTILE_X);
    expect(embedJson({ s: '\u2028</script><!--&' })).toBe(
      '{"s":"\\u2028\\u003c/script\\u003e\\u003c!--\\u0026"}',
    );
  });

  it('carries the counts, endpoints, latency and rows the page shows', () => {
    const view = embedded(html);
    expect(view.counts).toContainEqual(['divergent', 'Divergent', '1']);
    expect(view.counts).toContainEqual(['accepted', 'Accepted', '1']);
    expect(view.counts).toContainEqual(['status-parity', 'Status parity', '3/3']);
    expect(view.kinds.find(([k]) => k === 'shape')?.[2]).toBe(1);
    expect(
      view.rows.map((r) => [r.id, r.kind, r.regression ?? '', r.rows.map(([, s]) => s).join()]),
    ).toEqual([
      ['demo/accepted', 'accepted', '', 'accepted'],
      ['demo/down', 'error', '', ''],
      ['demo/drift', 'shape', 'new', 'open'],
    ]);
    // The page opens with the decisions: open first, each with its next action and fix.
    expect(view.decisions.headline).toBe(
      '4 root causes: 3 open · 1 accepted · 0 wontfix · 0 resolved',
    );
    const first = view.decisions.items[0];
    expect(first?.status).toBe('open');
    expect(first?.next).toContain('parity decide PAR-001 accepted');
    expect(first?.fix?.candidate).toBeTruthy();
    expect(view.endpoints.map((e) => e.endpoint)).toContain('POST /v1/validate');
    expect(view.latency.rows.find((r) => r[0] === 'POST /v1/validate')?.slice(2, 4)).toEqual([
      '1.50 ms',
      '0.50 ms',
    ]);
  });
});

describe('side-by-side body lines', () => {
  const changes = [
    { path: '/Schema', op: 'removed' as const, baseline: { field: 'x' } },
    { path: '/Kind', op: 'added' as const, candidate: 'schema' },
    { path: '/list/0', op: 'moved' as const, baseline: 0, candidate: 1 },
  ];

  it('marks the lines of removed values on the baseline side only', () => {
    const { lines, cut } = bodyLines(
      { Schema: { field: 'x' }, list: ['a', 'b'] },
      changes,
      'baseline',
    );
    expect(cut).toBe(false);
    expect(lines).toEqual([
      ['{', ''],
      ['  "Schema": {', 'del'],
      ['    "field": "x"', 'del'],
      ['  },', 'del'],
      ['  "list": [', ''],
      ['    "a",', 'mov'],
      ['    "b"', ''],
      ['  ]', ''],
      ['}', ''],
    ]);
  });

  it('marks added values and moved targets on the candidate side', () => {
    expect(marksFor(changes, 'candidate')).toEqual(
      new Map([
        ['/Kind', 'add'],
        ['/list/1', 'mov'],
      ]),
    );
    const { lines } = bodyLines({ Kind: 'schema', 'a/b': [] }, changes, 'candidate');
    expect(lines).toEqual([
      ['{', ''],
      ['  "Kind": "schema",', 'add'],
      ['  "a/b": []', ''],
      ['}', ''],
    ]);
  });

  it('prints text bodies line by line and cuts very long bodies', () => {
    const text = bodyLines(
      'a\nb',
      [{ path: '', op: 'value', baseline: 'a\nb', candidate: 'c' }],
      'baseline',
    );
    expect(text.lines).toEqual([
      ['a', 'chg'],
      ['b', 'chg'],
    ]);
    const long = bodyLines(
      Array.from({ length: 5000 }, (_, i) => i),
      [],
      'candidate',
    );
    expect(long.cut).toBe(true);
    expect(long.lines.length).toBe(2000);
  });
});

describe('report.html of a large run (only non-equal results kept)', () => {
  it('counts each endpoint’s cases from the latency summary', async () => {
    const { htmlView } = await import('../../../../../src/reporters/report/html/view.js');
    const base = sampleReport();
    const kept = base.results.filter((r) => r.verdict !== 'equal');
    const endpoint = kept[0]?.endpoint ?? '';
    const stats = { count: 5000, p50Ms: 1, p95Ms: 2 };
    const report = {
      ...base,
      results: kept,
      summary: {
        ...base.summary,
        latency: {
          all: { baseline: stats, candidate: stats },
          endpoints: [{ endpoint, baseline: stats, candidate: stats }],
        },
      },
    };
    const row = htmlView(report).endpoints.find((e) => e.endpoint === endpoint);
    expect(row?.cases).toBe(5000);
  });
});
