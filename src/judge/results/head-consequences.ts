/**
 * A `HEAD` answers the headers its `GET` would, without the body (RFC 9110,
 * 9.3.2). Where one side sends an error page and the other an empty 404,
 * `GET /missing.txt` shows `4xx bodies: text vs empty` (its `content-type`
 * difference claimed by that row), and `HEAD /missing.txt` shows the same
 * `content-type` difference alone. One decision: the HEAD's header finding
 * is a consequence of the GET's body finding.
 *
 * Only where the run shows it, whatever the order of the two cases: a GET
 * to the same path (its query aside), with the same status on each side as the
 * HEAD's, whose body differs (a finding at the body's root that is not
 * itself a consequence), and that answered the very same values of that
 * header on each side. The header must describe the representation (its
 * type, length, coding or language). A HEAD whose header differs from what
 * its GET answered, a header the GET's own row already names (the same
 * fingerprint, so the same row), or a GET whose body does not differ keeps
 * the HEAD's row. Pure.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import type { HeaderChange } from '../../contract/observation.js';
import type { Consequences } from './consequences.js';
import { hasFindings } from './types.js';

/** Headers that describe the body a GET would send (RFC 9110, 8.3-8.6). */
const REPRESENTATION: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
]);

/** The path (a result keeps no query) and how each side answered: a HEAD and its GET share it. */
const keyOf = (result: AssessedDivergence) =>
  `${result.request.path}\n${result.baseline.status}\n${result.candidate.status}`;

/** The GET's body finding at the root, and its header changes by name. */
interface BodyCause {
  readonly fingerprint: string;
  readonly fingerprints: ReadonlySet<string>;
  readonly headers: ReadonlyMap<string, HeaderChange>;
}

function bodyCauseOf(result: AssessedDivergence): BodyCause | undefined {
  const root = result.findings.find((f) => f.paths.includes('') && f.consequenceOf === undefined);
  if (root === undefined) return undefined;
  return {
    fingerprint: root.fingerprint,
    fingerprints: new Set(result.findings.map((f) => f.fingerprint)),
    headers: new Map(result.headerChanges.map((h) => [h.name, h])),
  };
}

const sameChange = (a: HeaderChange, b: HeaderChange | undefined) =>
  b !== undefined && a.baseline === b.baseline && a.candidate === b.candidate;

/** The HEADs' header findings that follow from their GET's body (see the module comment). */
export function headConsequencesOf(results: readonly AssessedObservation[]): Consequences {
  const gets = new Map<string, BodyCause>();
  for (const result of results) {
    if (result.request.method !== 'GET' || !hasFindings(result)) continue;
    const cause = bodyCauseOf(result);
    const key = keyOf(result);
    if (cause !== undefined && !gets.has(key)) gets.set(key, cause);
  }
  const out = new Map<string, Map<string, string>>();
  if (gets.size === 0) return out;
  for (const result of results) {
    if (result.request.method !== 'HEAD' || !hasFindings(result)) continue;
    const get = gets.get(keyOf(result));
    if (get === undefined) continue;
    const changes = new Map(result.headerChanges.map((h) => [h.name, h]));
    for (const finding of result.findings) {
      const { cause } = finding;
      if (cause.type !== 'header' || finding.consequenceOf !== undefined) continue;
      if (!REPRESENTATION.has(cause.name) || get.fingerprints.has(finding.fingerprint)) continue;
      const change = changes.get(cause.name);
      if (change === undefined || !sameChange(change, get.headers.get(cause.name))) continue;
      const marks = out.get(result.caseId) ?? new Map<string, string>();
      marks.set(finding.fingerprint, get.fingerprint);
      out.set(result.caseId, marks);
    }
  }
  return out;
}
