/**
 * A result judged before a secret it holds was known (a plain case that ran
 * before the flow that captures the value), redacted once it is: its text
 * through the run's final redactor, and its root causes' fingerprints (and the
 * case's) made again from the redacted causes, so no fingerprint depends on
 * the secret's value. Pure.
 */

import type { Observation } from '../../contract/observation.js';
import { fingerprint } from '../../core/compare/fingerprint.js';
import { causeFingerprint } from '../../core/compare/root-cause.js';
import type { Redactor } from '../../core/redact/redact.js';

/** `result` with every secret `redact` knows taken out, fingerprints included. */
export function redactLearned(result: Observation, redact: Redactor): Observation {
  const out = redact.same(result);
  if (out.verdict !== 'divergent') return out;
  let changed = false;
  const findings = out.findings.map((finding) => {
    const print = causeFingerprint(finding.cause);
    if (print === finding.fingerprint) return finding;
    changed = true;
    return { ...finding, fingerprint: print };
  });
  if (!changed) return out;
  const caseFingerprint = fingerprint({ kind: 'comparison', caseId: out.caseId, findings });
  return { ...out, findings, fingerprint: caseFingerprint };
}
