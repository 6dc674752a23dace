/**
 * A new member that is `null` is a new member, not a `null` convention
 * (issue 43). `absent vs null` at two fields or more is read as one
 * encoder's convention (rule 5: a serialiser that writes a member with no
 * value as `null`, or leaves it out). That reading needs evidence on the
 * side that leaves the member out: it knows the member (it writes it
 * elsewhere, with a value where it has one as `omitempty` and
 * `skip_serializing_if` do, or as `null`), or its encoder leaves every
 * `null` out (it writes `null` nowhere in the run).
 *
 * The rule: a `null-vs-absent` finding whose member (its field) the side
 * that leaves it out writes **nowhere** in the run's bodies (no member of
 * that name, at any depth, with any value, in any answer), where that side
 * does write `null` elsewhere (an encoder that keeps nulls, so its missing
 * member is no null it dropped), is a member that side does not have: the
 * other side added it (or dropped it), with no value yet. It never makes
 * the pattern recur across fields, so it is not hidden in the convention's
 * row: it joins its answer's restructure where one answer alone shows it
 * (`null-members.ts`), or keeps its field's row. **Kept apart** (still the
 * convention): a member the omitting side writes elsewhere in the run, even
 * on another object or as `null`, and every member of a side that writes no
 * `null` at all. Only bodies the run holds count: where an answer lacks
 * them, or a preview cut one of the omitting side's bodies, nothing is
 * called new. Pure.
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

/** What one side writes in the run's bodies. */
interface Written {
  /** The name of every member of every object, at any depth. */
  readonly names: Set<string>;
  /** Whether it writes `null` anywhere (a member's value or a list's element). */
  nulls: boolean;
}

function addWritten(value: unknown, written: Written): void {
  if (value === null) written.nulls = true;
  else if (Array.isArray(value)) {
    for (const element of value) addWritten(element, written);
  } else if (isJsonObject(value)) {
    for (const [name, member] of Object.entries(value)) {
      written.names.add(name);
      addWritten(member, written);
    }
  }
}

/**
 * What each side writes in the answers' bodies; undefined for a side the run
 * cannot tell (an answer without its bodies, a body a preview cut).
 */
function writtenBySide(answers: readonly Answer[]): Record<Side, Written | undefined> {
  const out: Record<Side, Written | undefined> = {
    baseline: { names: new Set(), nulls: false },
    candidate: { names: new Set(), nulls: false },
  };
  for (const { bodies } of answers) {
    for (const side of ['baseline', 'candidate'] as const) {
      if (bodies === undefined || bodies.cut?.[side] !== undefined) out[side] = undefined;
      const written = out[side];
      if (written !== undefined) addWritten(bodies?.[side], written);
    }
  }
  return out;
}

/**
 * Own keys (`ownKey`) of the `null-vs-absent` findings whose member is new
 * to the side that leaves it out (see the module comment).
 */
export function newNullMembers(answers: readonly Answer[]): ReadonlySet<string> {
  const written = writtenBySide(answers);
  const out = new Set<string>();
  for (const { findings } of answers) {
    for (const { cause } of findings) {
      if (cause.type !== 'pattern' || cause.pattern !== 'null-vs-absent') continue;
      const omitting = written[cause.params[0] === 'candidate-null' ? 'baseline' : 'candidate'];
      if (omitting === undefined || !omitting.nulls || cause.field === '') continue;
      if (!omitting.names.has(cause.field)) out.add(ownKey(cause));
    }
  }
  return out;
}
