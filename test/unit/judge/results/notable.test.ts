/**
 * A run keeps only its notable results in memory (`isNotable`): report.md,
 * report.html and the console summary must render the same from them as from
 * a report that holds every result (`parity report --from`, `parity merge`).
 */
import { describe, expect, it } from 'vitest';
import { isNotable } from '../../../../src/judge/results/types.js';
import { renderSummary } from '../../../../src/reporters/console-summary.js';
import { renderHtml } from '../../../../src/reporters/report/html/render.js';
import { renderMarkdown } from '../../../../src/reporters/report/markdown.js';
import { colorsFor } from '../../../../src/util/colors.js';
import { sampleReport, sampleResults } from './report-fixtures.js';

describe('renderers of notable results', () => {
  const results = sampleResults();
  const whole = sampleReport(results);
  const notable = { ...whole, results: results.filter(isNotable) };
  const plain = colorsFor({ write: () => true }, { NO_COLOR: '1' });

  it('leaves a plainly equal result out of the notable ones', () => {
    expect(notable.results.length).toBeLessThan(whole.results.length);
  });

  it('render report.md, report.html and the console summary the same either way', () => {
    expect(renderMarkdown(notable)).toBe(renderMarkdown(whole));
    expect(renderHtml(notable)).toBe(renderHtml(whole));
    expect(renderSummary(notable, plain, 'reports/x')).toBe(
      renderSummary(whole, plain, 'reports/x'),
    );
  });
});
