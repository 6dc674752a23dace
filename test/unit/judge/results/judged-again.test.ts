/**
 * The end of a run masks, it never observes again: the assessment holds each
 * masking with its reason, the observation stays as it was, and a reader sees
 * it judged again under them. assessment.json of version 1 (whole results
 * judged again) is still read. A report's results split back into
 * observations and an assessment give the same results combined again.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import type { Observation } from '../../../../src/contract/observation.js';
import { assessed, NOT_ASSESSED, splitAssessed } from '../../../../src/judge/results/assessment.js';
import {
  assessmentJson,
  readAssessedResults,
} from '../../../../src/judge/results/assessment-file.js';
import { maskingOf } from '../../../../src/judge/results/judged-again.js';
import { divergentObservation } from '../../../helpers/divergent.js';
import { findingsFor } from '../../../helpers/findings.js';
import { sampleResults } from './report-fixtures.js';

/** A divergence at `/ts` (a value) and at `/id` (another one), on `GET /a`. */
function observation(paths: readonly string[]): Observation {
  const changes = paths.map((path) => ({ path, op: 'value' as const, baseline: 1, candidate: 2 }));
  return divergentObservation({
    caseId: 't/a',
    suite: 't',
    endpoint: 'GET /a',
    request: { method: 'GET', path: '/a' },
    fingerprint: 'f',
    findings: findingsFor({ endpoint: 'GET /a', status: [200, 200], changes }),
    changes,
    repro: { baseline: 'curl a', candidate: 'curl b' },
    bodies: { baseline: {}, candidate: {} },
  });
}

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('masking laid over an observation', () => {
  it('keeps the observation and reads it judged again under each step, in order, with its reason', () => {
    const seen = observation(['/ts', '/id']);
    const frozen = JSON.stringify(seen);
    const masked = maskingOf(
      new Map([
        [
          't/a',
          [
            { by: 'noise' as const, values: ['/ts'], orders: [], headers: [] },
            { by: 'echoed' as const, places: ['/id'] },
          ],
        ],
      ]),
    );
    const shown = assessed(seen, { ...NOT_ASSESSED, masked });
    expect(shown).toMatchObject({ verdict: 'equal', echoed: ['/id'] });
    expect(JSON.stringify(seen)).toBe(frozen);
    // Only the noise step: still divergent at /id, nothing listed as echoed.
    const noiseOnly = maskingOf(
      new Map([['t/a', [{ by: 'noise' as const, values: ['/ts'], orders: [], headers: [] }]]]),
    );
    const partly = assessed(seen, { ...NOT_ASSESSED, masked: noiseOnly });
    expect(partly.verdict).toBe('divergent');
    expect(partly.changes?.map((c) => c.path)).toEqual(['/id']);
    expect(partly.echoed).toBeUndefined();
    // A case without a step reads as observed, the same object.
    const other = { ...seen, caseId: 't/b' };
    expect(assessed(other, { ...NOT_ASSESSED, masked })).toBe(other);
  });

  it('writes the steps, never a result, and reads them back', async () => {
    const seen = observation(['/ts']);
    const steps = new Map([['t/a', [{ by: 'sequenced' as const, places: ['/ts'] }]]]);
    const json = assessmentJson({ ...NOT_ASSESSED, masked: maskingOf(steps) }, [seen]);
    expect(json.schemaVersion).toBe(2);
    expect(json.masks).toEqual({ 't/a': [{ by: 'sequenced', places: ['/ts'] }] });
    dir = await mkdtemp(join(tmpdir(), 'parity-masks-'));
    await writeFile(join(dir, 'results.ndjson'), `${JSON.stringify(seen)}\n`);
    await writeFile(join(dir, 'assessment.json'), JSON.stringify(json));
    const [read] = await readAssessedResults(dir);
    expect(read).toMatchObject({ verdict: 'equal', sequenced: ['/ts'] });
  });

  it('still reads a version 1 file, whose masked cases were held whole', async () => {
    const seen = observation(['/ts']);
    const { fingerprint: _f, findings: _g, explanation: _e, summary: _s, ...rest } = seen;
    const { changes: _c, headerChanges: _h, repro: _r, bodies: _b, ...plain } = rest;
    const judgedAgain = { ...plain, verdict: 'equal', kinds: [] };
    dir = await mkdtemp(join(tmpdir(), 'parity-masks-v1-'));
    await writeFile(join(dir, 'results.ndjson'), `${JSON.stringify(seen)}\n`);
    const v1 = {
      schemaVersion: 1,
      masked: { 't/a': judgedAgain },
      regression: {},
      consequences: {},
      rows: null,
    };
    await writeFile(join(dir, 'assessment.json'), JSON.stringify(v1));
    const [read] = await readAssessedResults(dir);
    expect(read).toEqual(judgedAgain);
  });
});

describe('a report’s results split into observations and their assessment', () => {
  it('gives back each result, byte for byte, once the two are combined again', () => {
    const results = sampleResults();
    // A consequence and a regression mark besides the sample's accepted row.
    const marked = results.map((r): AssessedObservation => {
      if (r.verdict === 'equal') return { ...r, regression: 'fixed' };
      if (r.verdict !== 'divergent') return r;
      const [first, ...rest] = r.findings;
      if (first === undefined) return r;
      // As a run assesses: the consequence first, then the row (of the cause it follows from).
      const { tracker, ...seen } = first;
      const following = { ...seen, consequenceOf: 'status-000000000000' };
      return {
        ...r,
        findings: [tracker === undefined ? following : { ...following, tracker }, ...rest],
        regression: 'new',
      };
    });
    const { observations, assessment } = splitAssessed(marked);
    expect(observations.map((o) => o.verdict)).not.toContain('accepted');
    for (const observation of observations) {
      expect(Object.hasOwn(observation, 'regression')).toBe(false);
      if (observation.verdict !== 'divergent') continue;
      for (const finding of observation.findings) {
        expect(Object.hasOwn(finding, 'tracker') || Object.hasOwn(finding, 'consequenceOf')).toBe(
          false,
        );
      }
    }
    const again = observations.map((o) => JSON.stringify(assessed(o, assessment)));
    expect(again).toEqual(marked.map((r) => JSON.stringify(r)));
  });
});
