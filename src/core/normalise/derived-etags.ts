/**
 * ETags proven derived by another answer of the run. An `ETag` names one
 * representation: `HEAD /pkg` answers the very tag `GET /pkg` answers, but
 * with no body, so the HEAD shows no per-instance value of its own and its
 * tag cannot be judged derived where it stands (`derived.ts`). Where another
 * answer of the run compared the same two tags (this baseline's, this
 * candidate's) as `{{derived}}`, the evidence is that answer's: both sides
 * name the same two representations there, each holding its own stamps and
 * address. Such a case is judged again without its `etag` once every answer
 * is in (`engine/run/echo-origins.ts`), listed as `derived: ["header etag"]`. A
 * pair no other answer proved, or a tag on one side only, still differs.
 * Pure, but for the memory a run keeps (`createDerivedEtags`).
 */
import type { Exchange } from '../../contract/model/exchange.js';
import { ETAG_PLACE, etagFormat } from './derived.js';
import { isComparedHeader } from './headers.js';

export interface DerivedEtags {
  /**
   * One answer, as it was (`raw`: before revisions were masked) and as it is
   * judged (`judged`: after): a pair of tags it proved derived, or one it
   * leaves differing, is remembered.
   */
  add(raw: Exchange, judged: Exchange): void;
  /** By case id, `["header etag"]` for each case whose differing tags another answer proved derived. */
  proven(): ReadonlyMap<string, readonly string[]>;
}

/** The two tags of an answer, when both sides sent one and they differ in one form; else undefined. */
function etagPair(exchange: Exchange): string | undefined {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return undefined;
  const [x, y] = [baseline.response.headers['etag'], candidate.response.headers['etag']];
  if (x === undefined || y === undefined || x === y) return undefined;
  const format = etagFormat(x);
  if (format === undefined || format !== etagFormat(y)) return undefined;
  return JSON.stringify([x, y]);
}

export function createDerivedEtags(): DerivedEtags {
  const provenPairs = new Set<string>();
  const differing = new Map<string, string>();
  return {
    add(raw, judged) {
      if (!isComparedHeader('etag', raw.case.rules)) return;
      const pair = etagPair(raw);
      if (pair === undefined) return;
      if (judged.derived?.includes(ETAG_PLACE)) provenPairs.add(pair);
      else differing.set(raw.case.id, pair);
    },
    proven() {
      const out = new Map<string, readonly string[]>();
      for (const [caseId, pair] of differing)
        if (provenPairs.has(pair)) out.set(caseId, [ETAG_PLACE]);
      return out;
    },
  };
}
