/**
 * Consequences across cases, whatever their order (`consequences.ts` reads
 * those of a flow or serial sequence).
 *
 * `digestConsequencesOf` (for a `HEAD`'s headers, `head-consequences.ts`): a
 * finding whose every changed value is, on each side, a digest of the body
 * that side answered in another case where the two bodies differ (a
 * package document's `shasum` and `integrity` of each side's own tarball)
 * follows from that body's difference: a consequence of the other case's
 * whole-body finding. Pure.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import { type BodyDigests, digestForm } from './body-digests.js';
import type { Consequences } from './consequences.js';
import { hasFindings } from './types.js';

/** The finding of a result that stands for its whole body differing: its change at the root. */
function wholeBodyFinding(result: AssessedDivergence): string | undefined {
  return result.findings.find((f) => f.paths.includes('') && f.consequenceOf === undefined)
    ?.fingerprint;
}

/**
 * The findings whose every changed value is, on each side, a digest of that
 * side's body in another case where the bodies differ, each with that
 * case's whole-body finding (see the module comment). Only the bodies that
 * differ were hashed (`body-digests.ts`); without any, or without a value
 * written as a digest, nothing is looked at further.
 */
export function digestConsequencesOf(
  results: readonly AssessedObservation[],
  digests: ReadonlyMap<string, BodyDigests> | undefined,
): Consequences {
  if (digests === undefined || digests.size === 0) return new Map();
  const bodies: { caseId: string; fingerprint: string; digests: BodyDigests }[] = [];
  for (const result of results) {
    const d = digests.get(result.caseId);
    if (d === undefined || !hasFindings(result)) continue;
    const fingerprint = wholeBodyFinding(result);
    if (fingerprint !== undefined) bodies.push({ caseId: result.caseId, fingerprint, digests: d });
  }
  const out = new Map<string, Map<string, string>>();
  if (bodies.length === 0) return out;
  for (const result of results) {
    if (!hasFindings(result)) continue;
    const changes = new Map(result.changes.map((c) => [c.path, c]));
    for (const finding of result.findings) {
      if (finding.consequenceOf !== undefined || finding.paths.length === 0) continue;
      const pairs = finding.paths.map((path) => {
        const change = changes.get(path);
        return change?.op === 'value'
          ? [digestForm(change.baseline), digestForm(change.candidate)]
          : [undefined, undefined];
      });
      const body = bodies.find(
        (b) =>
          b.caseId !== result.caseId &&
          pairs.every(
            ([x, y]) =>
              x !== undefined &&
              y !== undefined &&
              b.digests.baseline.has(x) &&
              b.digests.candidate.has(y),
          ),
      );
      if (body === undefined || body.fingerprint === finding.fingerprint) continue;
      const marks = out.get(result.caseId) ?? new Map<string, string>();
      marks.set(finding.fingerprint, body.fingerprint);
      out.set(result.caseId, marks);
    }
  }
  return out;
}

/**
 * `sequence` with the consequences found across cases added (digests,
 * `HEAD`s): a finding marked by several keeps its sequence's cause, else
 * the first that marks it.
 */
export function withCrossCaseConsequences(
  sequence: Consequences,
  ...across: readonly Consequences[]
): Consequences {
  if (across.every((c) => c.size === 0)) return sequence;
  // Laid on in reverse, so the first that marks a finding wins, and the sequence over all.
  const out = new Map<string, Map<string, string>>();
  for (const layer of [...across].reverse().concat([sequence])) {
    for (const [caseId, marks] of layer) {
      const merged = out.get(caseId) ?? new Map<string, string>();
      for (const [finding, cause] of marks) merged.set(finding, cause);
      out.set(caseId, merged);
    }
  }
  return out;
}
