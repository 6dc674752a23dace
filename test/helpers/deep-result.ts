/**
 * A divergent result as large as a case's row in report.html can get: answers
 * of 200 levels of long keys above 2,000 differing members, and 500 changes at
 * their deepest level (the bounded-reports hostile test's deep answer, with
 * any key). For report.html's bound on one case (`html/row-bound.ts`).
 */
import type { AssessedObservation } from '../../src/contract/assessment.js';
import type { Change } from '../../src/contract/observation.js';
import { sampleResults } from '../unit/judge/results/report-fixtures.js';

/** 200 levels of `key(n)` above 2,000 members `m0…`. */
function deep(key: (n: number) => string, side: number): unknown {
  let body: unknown = Object.fromEntries(
    Array.from({ length: 2000 }, (_, n) => [`m${n}`, n + side]),
  );
  for (let n = 199; n >= 0; n--) body = { [key(n)]: body };
  return body;
}

/** The sample report's divergent `demo/drift` result. */
export function driftResult() {
  const template = sampleResults().find((r) => r.caseId === 'demo/drift');
  if (template?.verdict !== 'divergent') throw new Error('no divergent drift result');
  return template;
}

/** The case `h/ID`, divergent, whose answers are `deep(key)` with 500 changes. */
export function deepResult(id: string, key: (n: number) => string): AssessedObservation {
  const prefix = Array.from({ length: 200 }, (_, n) => `/${key(n)}`).join('');
  const changes: Change[] = Array.from({ length: 500 }, (_, n) => ({
    path: `${prefix}/m${n}`.slice(-4096),
    op: 'value',
    baseline: n,
    candidate: n + 1,
  }));
  return {
    ...driftResult(),
    caseId: `h/${id}`,
    changes,
    bodies: { baseline: deep(key, 0), candidate: deep(key, 1) },
  };
}

/** A 1,000-character key of level `n` (ASCII). */
export const asciiKey = (n: number): string => `${String(n).padStart(4, '0')}${'d'.repeat(996)}`;
