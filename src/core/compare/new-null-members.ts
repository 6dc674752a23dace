/**
 * A new member that is `null` is a new member, not a `null` convention
 * (issue 43). `absent vs null` at two fields or more is read as one
 * encoder's convention (rule 5: a serialiser that writes a member with no
 * value as `null`, or leaves it out). That reading needs the side that
 * leaves the member out to know the member: an encoder that omits empty
 * members writes them where they have a value (`omitempty`,
 * `skip_serializing_if`), or writes them as `null` elsewhere.
 *
 * The rule: a `null-vs-absent` finding whose member (its field) the side
 * that leaves it out writes **nowhere** in the run's bodies (no member of
 * that name, at any depth, with any value, in any answer) is a member that
 * side does not have: the other side added it (or dropped it), with no value
 * yet. It never makes the pattern recur across fields, so it is not hidden
 * in the convention's row: it joins its answer's restructure where one
 * answer alone shows it (`null-members.ts`), or keeps its field's row.
 * **Kept apart** (still the convention): a member the omitting side writes
 * elsewhere in the run, even on another object or as `null`. Only bodies
 * the run holds count: where an answer lacks them, or a preview cut one of
 * the omitting side's bodies, nothing is called new. Pure.
 */
import type { Finding } from '../../contract/root-cause.js';
import { isJsonObject } from '../normalise/json.js';
import type { AnswerBodies } from './optional-members.js';
import { ownKey } from './recurring-causes.js';

/** One answer as this rule reads it: its findings and both bodies. */
interface Answer {
  readonly findings: readonly Pick<Finding, 'cause'>[];
  readonly bodies?: AnswerBodies;
}

type Side = 'baseline' | 'candidate';

/** Adds the name of every member of every object in `value`, at any depth, to `names`. */
function addMemberNames(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) {
    for (const element of value) addMemberNames(element, names);
  } else if (isJsonObject(value)) {
    for (const [name, member] of Object.entries(value)) {
      names.add(name);
      addMemberNames(member, names);
    }
  }
}

/**
 * The member names each side writes in the answers' bodies; undefined for a
 * side the run cannot tell (an answer without its bodies, a body a preview cut).
 */
function writtenNames(answers: readonly Answer[]): Record<Side, Set<string> | undefined> {
  const names: Record<Side, Set<string> | undefined> = {
    baseline: new Set<string>(),
    candidate: new Set<string>(),
  };
  for (const { bodies } of answers) {
    for (const side of ['baseline', 'candidate'] as const) {
      if (bodies === undefined || bodies.cut?.[side] !== undefined) names[side] = undefined;
      const seen = names[side];
      if (seen !== undefined) addMemberNames(bodies?.[side], seen);
    }
  }
  return names;
}

/**
 * Own keys (`ownKey`) of the `null-vs-absent` findings whose member the side
 * that leaves it out writes nowhere in the answers' bodies (see the module
 * comment).
 */
export function newNullMembers(answers: readonly Answer[]): ReadonlySet<string> {
  const names = writtenNames(answers);
  const out = new Set<string>();
  for (const { findings } of answers) {
    for (const { cause } of findings) {
      if (cause.type !== 'pattern' || cause.pattern !== 'null-vs-absent') continue;
      const omits: Side = cause.params[0] === 'candidate-null' ? 'baseline' : 'candidate';
      const written = names[omits];
      if (written !== undefined && cause.field !== '' && !written.has(cause.field)) {
        out.add(ownKey(cause));
      }
    }
  }
  return out;
}
