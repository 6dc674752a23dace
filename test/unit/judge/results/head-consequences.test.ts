import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../../../src/contract/model/case.js';
import type { DivergentObservation, HeaderChange } from '../../../../src/contract/observation.js';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { withCrossCaseConsequences } from '../../../../src/judge/results/cross-case-consequences.js';
import { headConsequencesOf } from '../../../../src/judge/results/head-consequences.js';

const textVsEmpty: RootCause = {
  type: 'body-kind',
  statusClass: '4xx',
  baseline: 'text',
  candidate: 'empty',
};
const header = (name: string): RootCause => ({
  type: 'header',
  name,
  difference: 'missing-in-candidate',
});
const html: HeaderChange = { name: 'content-type', baseline: 'text/html', candidate: undefined };

interface Shape {
  readonly method: HttpMethod;
  readonly path?: string;
  readonly statuses?: readonly [number, number];
  readonly causes: readonly (readonly [RootCause, readonly string[]])[];
  readonly headers?: readonly HeaderChange[];
}

function result(caseId: string, shape: Shape): DivergentObservation {
  const [b, c] = shape.statuses ?? [404, 404];
  const path = shape.path ?? '/missing.txt';
  return {
    verdict: 'divergent',
    caseId,
    suite: 's',
    endpoint: `${shape.method} ${path}`,
    request: { method: shape.method, path },
    baseline: { status: b, durationMs: 1 },
    candidate: { status: c, durationMs: 1 },
    kinds: ['shape'],
    fingerprint: caseId,
    findings: shape.causes.map(([cause, paths]) => findingOf(cause, paths)),
    explanation: caseId,
    summary: caseId,
    changes: [],
    headerChanges: shape.headers ?? [html],
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
  };
}

const get = (more: Partial<Shape> = {}) =>
  result('s/get', { method: 'GET', causes: [[textVsEmpty, ['']]], ...more });
const head = (more: Partial<Shape> = {}) =>
  result('s/head', { method: 'HEAD', causes: [[header('content-type'), []]], ...more });
const fingerprintOf = (cause: RootCause) => findingOf(cause, []).fingerprint;

describe("a HEAD's representation headers", () => {
  it("follow from its GET's body difference, whichever case ran first", () => {
    for (const order of [
      [get(), head()],
      [head(), get()],
    ]) {
      expect(headConsequencesOf(order)).toEqual(
        new Map([
          [
            's/head',
            new Map([[fingerprintOf(header('content-type')), fingerprintOf(textVsEmpty)]]),
          ],
        ]),
      );
    }
  });

  it('keep their row where the run does not show that they follow from the body', () => {
    // The GET answered other statuses (a 200 against a 404 is another decision).
    expect(headConsequencesOf([get({ statuses: [200, 404] }), head()]).size).toBe(0);
    // Another path, or no GET at all.
    expect(headConsequencesOf([get({ path: '/other.txt' }), head()]).size).toBe(0);
    expect(headConsequencesOf([head()]).size).toBe(0);
    // The HEAD's header differs from what its GET answered.
    const plain: HeaderChange = { ...html, baseline: 'text/plain' };
    expect(headConsequencesOf([get(), head({ headers: [plain] })]).size).toBe(0);
    // A header that does not describe the body.
    const server: HeaderChange = { name: 'server', baseline: 'x', candidate: undefined };
    const other = head({ causes: [[header('server'), []]], headers: [server] });
    expect(headConsequencesOf([get({ headers: [server] }), other]).size).toBe(0);
    // The GET's body does not differ (only its headers do).
    const headersOnly = get({ causes: [[header('content-type'), []]] });
    expect(headConsequencesOf([headersOnly, head()]).size).toBe(0);
  });

  it('keep their sequence cause where a flow marked them too', () => {
    const mine = fingerprintOf(header('content-type'));
    const sequence = new Map([['s/head', new Map([[mine, 'write-cause']])]]);
    const merged = withCrossCaseConsequences(
      sequence,
      new Map(),
      headConsequencesOf([get(), head()]),
    );
    expect(merged.get('s/head')).toEqual(new Map([[mine, 'write-cause']]));
  });
});
