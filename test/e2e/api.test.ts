/**
 * The programmatic API, imported by the package's own name as a project that
 * installed it would (`exports` resolves to the built `dist/index.js`, with
 * its `.d.ts`): the stable names, and a case library judged as an ordinary test.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('import ... from "http-parity"', () => {
  it('exposes exactly the stable surface', async () => {
    const api = await import('http-parity');
    expect(Object.keys(api).sort()).toEqual(
      [
        'compare',
        'judge',
        'loadCases',
        'parseReport',
        'readReport',
        'runLibrary',
        'runParity',
        'validateCases',
      ].sort(),
    );
  });

  it('loads a case library and judges two answers to one of its cases', async () => {
    const { loadCases, judge } = await import('http-parity');
    const cases = await loadCases([join(ROOT, 'cases/validator')], { cwd: ROOT, env: {} });
    const testCase = cases[0];
    expect(testCase?.id).toMatch(/^validator\//);
    if (testCase === undefined) return;
    const answer = (value: unknown) => ({
      outcome: 'response' as const,
      response: {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: { kind: 'json' as const, value },
        wireBytes: 0,
        durationMs: 1,
      },
    });
    const judged = judge({
      case: testCase,
      baseline: answer({ Schema: { field: 'name', reason: 'required' } }),
      candidate: answer({ Kind: 'schema', Field: 'name', Reason: 'required' }),
    });
    expect(judged.verdict).toBe('divergent');
    if (judged.verdict === 'divergent') {
      expect(judged.findings.map((f) => f.summary)).toEqual([
        'externally tagged enum vs `Kind` discriminator',
      ]);
    }
  });
});
