/**
 * A body of another kind on a route one side refuses whole is that route's
 * (tracker rule 38). aws-ses-v2-local 1 lacks the v2 templates API and
 * answers every template request, whatever its method, `404` with one page
 * (`<UnknownOperationException/>`); 2 serves it: `200`s, `400` and `404`
 * JSON refusals. Where 2 accepts, the status row says it; where both refuse
 * (a template read after its deletion, one never made: `404` and `404`), the
 * bodies differ in kind (text against JSON), which was a row of its own.
 * Both follow from one decision, so the body change shows under the route's
 * row.
 *
 * The evidence, read from the run's answers: a resource (an endpoint's path
 * without trailing ids, `/v2/email/templates`) and every answer on it and
 * under it (`/v2/email/templates/order-shipped/render`), two or more, where
 * one side answers **the very same refusal** (one status ≥ 400, one body)
 * while the other answers **two statuses or more**, at least one a success
 * (`2xx`: that side serves the route). Then, on those answers where both
 * sides refused **in one status class**, a change of body kind or a whole
 * text body that differs is a consequence of the route's row: the status
 * finding of its first answer the other side accepted (or the row that
 * finding already shows under).
 *
 * **Kept apart**: a body change on a route both sides serve (the refusing
 * side answers something else somewhere under it), on another resource (the
 * same kinds on an endpoint outside the route keep their row there), where
 * the statuses are of two classes (rule 10 joins those to the status), a
 * route no answer of which the other side accepted (a not-found page on
 * every path: rule 24), a body the report cut, and RPC paths (no resource
 * of their own). Pure.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import { collectionOf } from '../../core/compare/endpoint.js';
import { hasFindings } from './types.js';

/**
 * Per case id, per finding fingerprint, the row it shows under (`Consequences`
 * in `consequences.ts`, which calls this module: written out, not imported).
 */
type Consequences = ReadonlyMap<string, ReadonlyMap<string, string>>;

type Side = 'baseline' | 'candidate';

const classOf = (status: number) => Math.floor(status / 100);

/** True when `prefix` is `path` or a folder of it. */
function under(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, k) => path[k] === segment);
}

/** The status finding of an answer `side` refused and the other accepted (2xx). */
function acceptedByOther(result: AssessedDivergence, side: Side): AssessedFinding | undefined {
  const own = result[side].status;
  const other = result[side === 'baseline' ? 'candidate' : 'baseline'].status;
  if (own === undefined || other === undefined || own < 400 || classOf(other) !== 2) {
    return undefined;
  }
  return result.findings.find((f) => f.cause.type === 'status');
}

/** An answer that differs, its resource, and each side's refusal key once read. */
interface Entry {
  readonly result: AssessedDivergence;
  readonly resource: readonly string[];
  readonly refusal: Partial<Record<Side, string | null>>;
}

/** `side`'s answer as one refusal's key (status and body), or null when it is none or cut. */
function refusalOf(entry: Entry, side: Side): string | null {
  const known = entry.refusal[side];
  if (known !== undefined) return known;
  const { result } = entry;
  const status = result[side].status;
  const { bodies } = result;
  const key =
    status === undefined || status < 400 || bodies.cut?.[side] !== undefined
      ? null
      : JSON.stringify([status, bodies[side] ?? null]);
  entry.refusal[side] = key;
  return key;
}

/** True for a finding that says the bodies differ whole: another kind, or a text keyed by what changed. */
function wholeBody(finding: AssessedFinding): boolean {
  const { cause } = finding;
  return (
    cause.type === 'body-kind' || (cause.type === 'structure' && cause.difference !== undefined)
  );
}

/** The answers on and under `resource`, when `side` refuses them whole (see the module comment). */
function refusedWhole(
  entries: readonly Entry[],
  resource: readonly string[],
  side: Side,
): AssessedDivergence[] | undefined {
  // Only answers that differ are kept; an answer alike on both sides says nothing of either.
  const on = entries.filter((entry) => under(entry.resource, resource));
  const [first] = on;
  if (first === undefined || on.length < 2) return undefined;
  const refusal = refusalOf(first, side);
  if (refusal === null || on.some((entry) => refusalOf(entry, side) !== refusal)) return undefined;
  const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
  if (new Set(on.map((entry) => entry.result[other].status)).size < 2) return undefined;
  return on.map((entry) => entry.result);
}

/** The whole-body changes on routes one side refuses whole, by case id, each with the route's row. */
export function refusedRouteConsequences(
  results: readonly AssessedObservation[],
  marks: Consequences,
): Consequences {
  const out = new Map<string, Map<string, string>>();
  const entries: Entry[] = [];
  for (const result of results) {
    if (!hasFindings(result)) continue;
    entries.push({ result, resource: collectionOf(result.endpoint), refusal: {} });
  }
  const seen = new Set<string>();
  for (const { result, resource } of entries) {
    for (const side of ['baseline', 'candidate'] as const) {
      const status = acceptedByOther(result, side);
      if (status === undefined || resource.length === 0) continue;
      // Each resource is read once per side; a finding keeps the first route's row.
      const key = JSON.stringify([side, resource]);
      if (seen.has(key)) continue;
      seen.add(key);
      const route = refusedWhole(entries, resource, side);
      if (route === undefined) continue;
      const row =
        marks.get(result.caseId)?.get(status.fingerprint) ??
        status.consequenceOf ??
        status.fingerprint;
      for (const answer of route) joinBodies(answer, row, marks, out);
    }
  }
  return out;
}

/** Marks in `out` the whole-body findings of `answer` (both refused, one class) under `row`. */
function joinBodies(
  answer: AssessedDivergence,
  row: string,
  marks: Consequences,
  out: Map<string, Map<string, string>>,
): void {
  const b = answer.baseline.status;
  const c = answer.candidate.status;
  if (b === undefined || c === undefined || b < 400 || c < 400 || classOf(b) !== classOf(c)) return;
  for (const finding of answer.findings) {
    if (!wholeBody(finding) || finding.consequenceOf !== undefined) continue;
    if (marks.get(answer.caseId)?.has(finding.fingerprint)) continue;
    if (out.get(answer.caseId)?.has(finding.fingerprint)) continue;
    const kept = out.get(answer.caseId) ?? new Map<string, string>();
    out.set(answer.caseId, kept.set(finding.fingerprint, row));
  }
}
