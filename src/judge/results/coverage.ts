/**
 * Coverage: which endpoints (method + path template) a run exercised, and,
 * with an OpenAPI document, which of its operations no case exercised. Counted
 * as results stream past (one map entry per endpoint, never per case), so a
 * large run stays small; `parity merge` adds shards' counts up. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { CoverageSection } from '../../contract/report.js';
import type { OperationMatcher } from '../../io/openapi/match.js';
import { compareText } from '../../util/text.js';

/** The operations of a document a collector matches against. */
export interface CoverageDocument {
  readonly file: string;
  /** Operation keys (`GET /v1/records/{id}`) in document order. */
  readonly operations: readonly string[];
  readonly match: OperationMatcher;
}

export interface CoverageCollector {
  add(result: Pick<AssessedObservation, 'endpoint' | 'request'>): void;
  section(): CoverageSection;
}

const sortedCounts = (counts: ReadonlyMap<string, number>) =>
  [...counts].sort(([a], [b]) => compareText(a, b));

/** Counts results per endpoint (and per operation of `document`). */
export function createCoverageCollector(document: CoverageDocument | undefined): CoverageCollector {
  const endpoints = new Map<string, number>();
  const operations = new Map<string, number>(document?.operations.map((key) => [key, 0]));
  const unmatched = new Set<string>();
  return {
    add(result) {
      endpoints.set(result.endpoint, (endpoints.get(result.endpoint) ?? 0) + 1);
      if (document === undefined) return;
      const key = document.match(result.request.method, result.request.path);
      if (key === undefined) unmatched.add(result.endpoint);
      else operations.set(key, (operations.get(key) ?? 0) + 1);
    },
    section() {
      const list = sortedCounts(endpoints).map(([endpoint, cases]) => ({ endpoint, cases }));
      if (document === undefined) return { endpoints: list };
      return {
        endpoints: list,
        openapi: {
          document: document.file,
          operations: [...operations].map(([operation, cases]) => ({ operation, cases })),
          unmatched: [...unmatched].sort(compareText),
        },
      };
    },
  };
}

/** The coverage of shards combined (`parity merge`): counts added, unmatched united. */
export function combineCoverage(sections: readonly CoverageSection[]): CoverageSection | undefined {
  if (sections.length === 0) return undefined;
  const endpoints = new Map<string, number>();
  for (const s of sections) {
    for (const e of s.endpoints)
      endpoints.set(e.endpoint, (endpoints.get(e.endpoint) ?? 0) + e.cases);
  }
  const list = sortedCounts(endpoints).map(([endpoint, cases]) => ({ endpoint, cases }));
  const withDocument = sections.flatMap((s) => (s.openapi === undefined ? [] : [s.openapi]));
  const first = withDocument[0];
  if (first === undefined) return { endpoints: list };
  const operations = new Map<string, number>();
  for (const o of withDocument.flatMap((d) => d.operations)) {
    operations.set(o.operation, (operations.get(o.operation) ?? 0) + o.cases);
  }
  const unmatched = new Set(withDocument.flatMap((d) => d.unmatched));
  return {
    endpoints: list,
    openapi: {
      document: first.document,
      operations: [...operations].map(([operation, cases]) => ({ operation, cases })),
      unmatched: [...unmatched].sort(compareText),
    },
  };
}

/** The operations no case exercised. */
export function uncoveredOperations(section: CoverageSection): string[] {
  return (section.openapi?.operations ?? []).filter((o) => o.cases === 0).map((o) => o.operation);
}
