/**
 * report.html holds at most 2 MiB per case (docs/failure-handling.md): a
 * case's row is cut to `ROW_MAX_BYTES` (its change lines and body lines, each
 * with a note the page shows), report.json keeps everything, and a row within
 * the bound is embedded as it was.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../../../src/reporters/report/html/render.js';
import {
  changesCutNote,
  ROW_MAX_BYTES,
} from '../../../../../src/reporters/report/html/row-bound.js';
import type { htmlView } from '../../../../../src/reporters/report/html/view.js';
import { asciiKey, deepResult, driftResult } from '../../../../helpers/deep-result.js';
import { sampleReport, sampleResults } from '../../../judge/results/report-fixtures.js';

const PER_CASE = 2 * 1024 * 1024;

/** The data block's text, and the view parsed from it. */
function embedded(html: string): {
  readonly text: string;
  readonly view: ReturnType<typeof htmlView>;
} {
  const text = /<script type="application\/json" id="parity-data">([^<]*)<\/script>/.exec(
    html,
  )?.[1];
  if (text === undefined) throw new Error('no data block');
  return { text, view: JSON.parse(text) };
}

/** Every row's embedded JSON, in bytes, by case (a row is an element of the `rows` array). */
function rowBytes(html: string): Map<string, number> {
  const { view } = embedded(html);
  return new Map(view.rows.map((row) => [row.id, Buffer.byteLength(JSON.stringify(row), 'utf8')]));
}

describe('report.html: one case within its bound', () => {
  // ASCII keys, keys of `<` (each escaped to six characters in the page) and
  // keys of CJK characters (three bytes each in UTF-8).
  const KEYS: Record<string, (n: number) => string> = {
    ascii: asciiKey,
    escaped: (n) => `${String(n).padStart(4, '0')}${'<'.repeat(996)}`,
    wide: (n) => `${String(n).padStart(4, '0')}${'字'.repeat(996)}`,
  };

  it('cuts the change and body lines of a row past the bound, with notes, and keeps the rest', () => {
    const results = Object.entries(KEYS).map(([id, key]) => deepResult(id, key));
    const html = renderHtml(sampleReport([...sampleResults(), ...results]));
    const { text, view } = embedded(html);
    // Each deep case's row, as the page embeds it (escapes included), is within the bound.
    const escapedRows = text.split('{"id":"h/').slice(1);
    expect(escapedRows).toHaveLength(3);
    for (const row of escapedRows) {
      expect(Buffer.byteLength(row, 'utf8')).toBeLessThanOrEqual(ROW_MAX_BYTES + 64);
    }
    for (const [id, bytes] of rowBytes(html)) {
      expect(bytes, id).toBeLessThanOrEqual(ROW_MAX_BYTES);
    }
    for (const id of Object.keys(KEYS)) {
      const row = view.rows.find((r) => r.id === `h/${id}`);
      // The page says where the rest is: the last change line, and each side's `cut`.
      expect(row?.changes.at(-1), id).toMatch(
        /^ {2}\(… \d+ more change lines? not shown here.*report\.json lists them\)$/,
      );
      expect(row?.diff?.baseline.cut, id).toBe(true);
      expect(row?.diff?.candidate.cut, id).toBe(true);
      // What is shown is a head of what report.json holds, not nothing.
      expect(row?.diff?.baseline.lines.length, id).toBeGreaterThan(10);
      expect(row?.summary, id).toBe(results[0]?.summary);
    }
    // Three such cases: the page is at most 2 MiB a case.
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(3 * PER_CASE);
  });

  it('holds a page of one such case under 2 MiB', () => {
    const html = renderHtml(sampleReport([deepResult('ascii', asciiKey)]));
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(PER_CASE);
  });

  it('embeds a row within the bound as it was', () => {
    const small = renderHtml(sampleReport());
    const drift = embedded(small).view.rows.find((r) => r.id === 'demo/drift');
    expect(drift?.changes.some((line) => line.includes('not shown here'))).toBe(false);
    expect(drift?.diff?.candidate.cut).toBe(false);
    // The same page, with or without a deep case beside it, for the small rows.
    const both = renderHtml(sampleReport([...sampleResults(), deepResult('ascii', asciiKey)]));
    const again = embedded(both).view.rows.find((r) => r.id === 'demo/drift');
    expect(again).toEqual(drift);
  });

  it('cuts any other long string of a row that is still over the bound', () => {
    const template = driftResult();
    // A curl pair of a case that sends 3 MB (the repro holds the body).
    const body = 'b'.repeat(3_000_000);
    const huge = { ...template, repro: { baseline: `curl -d '${body}'`, candidate: 'curl' } };
    const html = renderHtml(sampleReport([huge]));
    const row = embedded(html).view.rows[0];
    expect(Buffer.byteLength(JSON.stringify(row), 'utf8')).toBeLessThanOrEqual(ROW_MAX_BYTES);
    expect(row?.repro?.[0]).toMatch(/^curl -d 'b+…$/);
    expect(row?.repro?.[0].length).toBe(4097);
    expect(row?.repro?.[1]).toBe('curl');
  });

  it('names how many change lines it leaves out', () => {
    expect(changesCutNote(1)).toContain('1 more change line not');
    expect(changesCutNote(12)).toContain('12 more change lines not');
  });
});
