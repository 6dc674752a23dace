/**
 * A call one side accepted and the other refused wrote, whatever its verb,
 * where a later list shows what it sent (tracker rule 38). cognito-local 3
 * answers `DescribeUserPool` for a pool id that never existed by making a
 * pool of defaults, which its `ListUserPools` then lists; 5 refuses it
 * `400`. Rule 34 reads `Describe…` as a read, so the later list's extra pool
 * was a row of its own. The evidence is in the answers, not in a name: the
 * call sent a value (`request.echoed`: the refusing side's reason says it, or
 * the accepting side's answer holds it), and a later answer of the same
 * serial file or flow has list elements **only the accepting side** holds,
 * one of which holds that value as a whole string. That list difference is
 * the call's consequence: it shows under the call's row.
 *
 * A call answered with a result on one side and refused in the body on the
 * other, one status (rule 29: an XML-RPC fault, a JSON-RPC `error`), reads
 * the same: its answer's finding that holds the refusal member is its row.
 *
 * **Kept apart**: a later difference that names nothing the call sent (a
 * list the accepting side holds more of for another reason), elements the
 * refusing side holds more of, a call both sides accepted or both refused,
 * and cases with no order (neither serial nor a flow). Pure.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import { isRefusalMember } from '../../core/compare/body-refusals.js';
import { holdsString } from '../../core/compare/refusal.js';
import { refusedInBodyBy } from '../../core/compare/refused-answers.js';
import { hasFindings } from './types.js';

/**
 * Per case id, per finding fingerprint, the row it shows under (`Consequences`
 * in `consequences.ts`, which calls this module: written out, not imported).
 */
type Consequences = ReadonlyMap<string, ReadonlyMap<string, string>>;

type Side = 'baseline' | 'candidate';

/** A call accepted on one side only whose request sent values an answer says back. */
interface EchoedCall {
  /** The row the call's status shows under. */
  readonly row: string;
  readonly accepting: Side;
  readonly echoed: readonly string[];
}

/** The order a result ran in: its serial file, or its flow; undefined when unordered. */
function sequenceOf(result: AssessedObservation): string | undefined {
  if (result.serial !== undefined) return `serial:${result.serial}`;
  if (result.flow !== undefined) return `flow:${result.flow.id}`;
  return undefined;
}

/** The side that accepted (2xx) a call the other refused (≥ 400), from a status finding. */
function acceptingSide(finding: AssessedFinding): Side | undefined {
  const { cause } = finding;
  if (cause.type !== 'status' || cause.document === true) return undefined;
  const ok = (status: number) => status >= 200 && status < 300;
  if (ok(cause.baseline) && cause.candidate >= 400) return 'baseline';
  if (ok(cause.candidate) && cause.baseline >= 400) return 'candidate';
  return undefined;
}

/** The side whose list holds elements the other lacks, for a list-elements finding. */
function extraSide(finding: AssessedFinding): Side | undefined {
  const { cause } = finding;
  if (cause.type !== 'structure' || !cause.change.path.endsWith('/*')) return undefined;
  if (cause.change.op === 'removed') return 'baseline';
  if (cause.change.op === 'added') return 'candidate';
  return undefined;
}

/**
 * With one status, the side that answered a result where the other refused
 * in its body (rule 29: a fault or a JSON-RPC `error` against a result), for
 * the finding that holds the refusal member (`/methodResponse/fault`, `/error`).
 */
function acceptingInBody(result: AssessedDivergence, finding: AssessedFinding): Side | undefined {
  if (result.baseline.status !== result.candidate.status) return undefined;
  const refusal = finding.paths.some((path) =>
    isRefusalMember(path.slice(path.lastIndexOf('/') + 1)),
  );
  if (!refusal) return undefined;
  const refusing = refusedInBodyBy(result.bodies.baseline, result.bodies.candidate);
  if (refusing === undefined) return undefined;
  return refusing === 'baseline' ? 'candidate' : 'baseline';
}

/** The call `finding` of `result` is, when it is one (see the module comment). */
function callOf(
  result: AssessedDivergence,
  finding: AssessedFinding,
  marks: ReadonlyMap<string, string> | undefined,
): EchoedCall | undefined {
  const echoed = result.request.echoed;
  if (echoed === undefined || echoed.length === 0) return undefined;
  const accepting = acceptingSide(finding) ?? acceptingInBody(result, finding);
  if (accepting === undefined) return undefined;
  const row = marks?.get(finding.fingerprint) ?? finding.consequenceOf ?? finding.fingerprint;
  return { row, accepting, echoed };
}

/** The call whose sent value one of the finding's extra elements holds, if any. */
function writerOf(
  result: AssessedDivergence,
  finding: AssessedFinding,
  calls: readonly EchoedCall[],
): EchoedCall | undefined {
  const side = extraSide(finding);
  if (side === undefined) return undefined;
  const elements = result.changes
    .filter((change) => finding.paths.includes(change.path))
    .map((change) => change[side]);
  return calls.find(
    (call) =>
      call.accepting === side &&
      call.echoed.some((value) => elements.some((element) => holdsString(element, value))),
  );
}

/**
 * The list differences that follow from an earlier call of their sequence
 * (see the module comment), by case id; `marks`: the consequences already
 * found, which a call's row and a finding already marked keep.
 */
export function echoedWriteConsequences(
  results: readonly AssessedObservation[],
  marks: Consequences,
): Consequences {
  const calls = new Map<string, EchoedCall[]>();
  const out = new Map<string, Map<string, string>>();
  for (const result of results) {
    const sequence = sequenceOf(result);
    if (sequence === undefined || !hasFindings(result)) continue;
    const earlier = calls.get(sequence) ?? [];
    const own = marks.get(result.caseId);
    for (const finding of result.findings) {
      if (earlier.length === 0 || own?.has(finding.fingerprint)) continue;
      if (finding.consequenceOf !== undefined) continue;
      const writer = writerOf(result, finding, earlier);
      if (writer === undefined || writer.row === finding.fingerprint) continue;
      const kept = out.get(result.caseId) ?? new Map<string, string>();
      out.set(result.caseId, kept.set(finding.fingerprint, writer.row));
    }
    for (const finding of result.findings) {
      const call = callOf(result, finding, own);
      if (call !== undefined) earlier.push(call);
    }
    calls.set(sequence, earlier);
  }
  return out;
}
