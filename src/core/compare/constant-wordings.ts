/**
 * One side's one message in place of the other's many (issue 43, rule 8).
 * A server that sanitises its errors answers one constant wording
 * (`Permission denied`) wherever the other release named each reason
 * (`unauthorized: master key is required`, `Cannot modify user …`, `Invalid
 * session token`). Each pair of wordings is a row of its own by rule 8's
 * templates, but it is one decision: to say the reason or not.
 *
 * The evidence, at one field (the last key of the value's path, wherever it
 * sits) on error answers whose status is **the same on both sides**: one
 * side writes **one wording** against **two or more different wordings** of
 * the other side. Those pairs are one change keyed by the field, the side
 * and the constant wording (`sentenceOf`), never by the other side's words.
 *
 * **Kept apart**, each a row of its own wording: a constant seen against one
 * wording only (an unrelated message on each side); a constant the other
 * side also writes at that field (it names that error alike, so the others
 * are messages of their own, reworded); a pair from an answer whose status
 * differs too (the status change is a decision of its own, and the message
 * travels with it); a pair a systematic edit already claims
 * (`message-edits.ts`); a constant that is a status's reason phrase (`Not
 * Found`: a side that names the status, `named-statuses.ts`, or another
 * status's phrase, a row of its own); wordings of the other side that are
 * one word each (`InvalidArgumentException`, `ResourceInUseException`
 * against one `ValidationException`): those name an error's kind, not its
 * reason, and each travels with its own message in its answer (rule 8: an
 * error's type and message that change together are one row). Pure.
 */

import { codeSpan } from '../../util/code-span.js';
import { isReasonPhrase, REASON_PHRASES } from '../../util/reason-phrases.js';

/** At least this many different wordings of the other side one constant stands for. */
const WORDINGS = 2;

/** One pair of wordings at a field, and whether its answer's status is the same on both sides. */
export interface WordedPair {
  readonly values: readonly [baseline: string, candidate: string];
  readonly sameStatus: boolean;
}

const SIDES = ['baseline', 'candidate'] as const;
type Side = (typeof SIDES)[number];

/** A status's reason phrase (`Not Found`): a side that names a status, rule 20's, never a constant here. */
function namesAStatus(wording: string): boolean {
  return Object.keys(REASON_PHRASES).some((status) => isReasonPhrase(wording, Number(status)));
}

/** A reason is said in words: one word alone (`ResourceInUseException`) names an error's kind. */
function saysAReason(wording: string): boolean {
  return /\S\s+\S/.test(wording.trim());
}

/** The edit in words of one side's constant: `` candidate writes `Permission denied` ``. */
export function constantWordingEdit(side: Side, wording: string): string {
  const other = side === 'candidate' ? 'baseline' : 'candidate';
  return `${side} writes ${codeSpan(wording)} wherever the ${other} names the reason`;
}

const SENTENCE =
  /^(baseline|candidate) writes (.+) wherever the (baseline|candidate) names the reason$/s;

/**
 * The row's words for a constant wording's edit at `where` (`` candidate
 * writes `Permission denied` at `/error` wherever the baseline names the
 * reason ``); undefined for an edit of another kind (`message-edits.ts`).
 */
export function sentenceOf(edit: string, where: string): string | undefined {
  const match = SENTENCE.exec(edit);
  if (match === null) return undefined;
  const [, side = '', wording = '', other = ''] = match;
  return `${side} writes ${wording} at ${where} wherever the ${other} names the reason`;
}

/** Whether an edit is one side's constant wording (see `sentenceOf`). */
export function isConstantWording(edit: string): boolean {
  return SENTENCE.test(edit);
}

/**
 * The pairs of wordings at one field where one side writes one constant
 * wording for two or more of the other side's (see the module comment), each
 * (`JSON.stringify([baseline, candidate])`) mapped to that edit in words;
 * pairs in `claimed` and pairs of no such constant are left out.
 */
export function constantWordings(
  pairs: readonly WordedPair[],
  claimed: ReadonlySet<string> = new Set(),
): Map<string, string> {
  // Every wording each side writes at the field, whatever the statuses.
  const written = [new Set<string>(), new Set<string>()] as const;
  for (const { values } of pairs) {
    written[0].add(values[0]);
    written[1].add(values[1]);
  }
  const out = new Map<string, string>();
  // The candidate's constants first: a release that sanitises its errors is the usual case.
  for (const index of [1, 0] as const) {
    const side = SIDES[index];
    const otherIndex = index === 0 ? 1 : 0;
    // Per constant wording of this side, the other side's wordings against it.
    const against = new Map<string, Set<string>>();
    for (const { values, sameStatus } of pairs) {
      const pair = JSON.stringify(values);
      if (!sameStatus || claimed.has(pair) || out.has(pair)) continue;
      const others = against.get(values[index]) ?? new Set<string>();
      against.set(values[index], others.add(values[otherIndex]));
    }
    for (const [wording, others] of against) {
      if (others.size < WORDINGS || written[otherIndex].has(wording)) continue;
      if (namesAStatus(wording) || ![...others].every(saysAReason)) continue;
      for (const other of others) {
        const pair = JSON.stringify(index === 0 ? [wording, other] : [other, wording]);
        out.set(pair, constantWordingEdit(side, wording));
      }
    }
  }
  return out;
}
