/**
 * A member one side never writes is a new member, whatever its value
 * (issue 43). Every "absent on one side against an empty value on the
 * other" family is first read as an encoder's convention: `absent vs null`
 * (`null-vs-absent`), `absent vs []` and `absent vs {}` (`nil-slice`,
 * `nil-map`: a collection left out when empty), and an object's zero-valued
 * members (`0`, `""`, `false`: a struct that writes every field, or an
 * encoder that leaves defaults out). That reading needs evidence on the side
 * that leaves the member out: it knows the member (it writes a member of
 * that name somewhere in the run, with a value where it has one, as
 * `omitempty` and `skip_serializing_if` do), or its encoder leaves every
 * such value out (it writes no `null`, no `[]`, … anywhere in the run: every
 * member it lacks may be one it dropped, as the protobuf JSON mapping does).
 *
 * The rule: such a finding whose every member (its name, at any depth, in
 * any answer) the omitting side writes **nowhere** in the run's bodies,
 * where that side does write that kind of empty value elsewhere (an encoder
 * that keeps them, so its missing member is no empty value it dropped), is a
 * member that side does not have: the other side added it (or dropped it),
 * with no value yet. It never makes its pattern recur across fields (so it
 * is not hidden in the convention's row), and it travels as a member
 * (`new-member-joins.ts`): with the same member added with a value
 * elsewhere, or with the other members the same answers gain. **Kept
 * apart** (still the convention): a member the omitting side writes
 * elsewhere in the run, even on another object or as an empty value, and
 * every member of a side that writes no such value at all. Only bodies the
 * run holds count: where an answer lacks them, or a preview cut one of the
 * omitting side's bodies, nothing is called new. Pure.
 */
import type { Finding, RootCause, SkeletonChange } from '../../contract/root-cause.js';
import { parsePointer } from '../../util/json-pointer.js';
import { isJsonObject } from '../normalise/json.js';
import { valueAt } from '../normalise/replica.js';
import { changeKey } from './change-keys.js';
import { recordPlace } from './findings.js';
import { sideType } from './fingerprint.js';
import type { AnswerBodies } from './optional-members.js';
import { ownKey } from './recurring-causes.js';
import { ZERO_VALUED_MEMBERS } from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** One answer as this rule reads it: its case, endpoint, findings and both bodies. */
interface Answer {
  readonly caseId: string;
  readonly endpoint: string;
  /** How each side's body decoded: an XML body's members are placed as XML's. */
  readonly baseline?: { readonly bodyKind?: string | undefined };
  readonly candidate?: { readonly bodyKind?: string | undefined };
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly bodies?: AnswerBodies;
}

type Side = 'baseline' | 'candidate';

/** A finding whose members one side never writes (see the module comment). */
export interface NewMember {
  /** Its finding's key: the pattern's own key (`ownKey`), or the signature's change key (`changeKey`). */
  readonly key: string;
  /** True for an object's zero-valued members (a structure change, looked up by change key). */
  readonly signature: boolean;
  /** `added` where the candidate writes it, `removed` where the baseline does. */
  readonly op: 'added' | 'removed';
  /** The names of its members. */
  readonly names: ReadonlySet<string>;
  /** The case ids of the answers that show it. */
  readonly answers: ReadonlySet<string>;
  /** Its members as changes of the row they join: each within its record, or the signature. */
  readonly changes: readonly SkeletonChange[];
}

/** A new member while it is collected. */
interface Entry extends NewMember {
  readonly names: Set<string>;
  readonly answers: Set<string>;
  readonly changes: SkeletonChange[];
}

/** `null`, `[]`, `{}`, `""`, `0` or `false` as a word; undefined for a value with content. */
function emptyOf(value: unknown): string | undefined {
  if (value === null || value === '' || value === 0 || value === false)
    return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isJsonObject(value)) return Object.keys(value).length === 0 ? '{}' : undefined;
  return undefined;
}

/** What one side writes in the run's bodies. */
interface Written {
  /** The name of every member of every object, at any depth. */
  readonly names: Set<string>;
  /** The empty values it writes anywhere (`emptyOf`: a member's value or a list's element). */
  readonly empties: Set<string>;
}

function addWritten(value: unknown, written: Written): void {
  const empty = emptyOf(value);
  if (empty !== undefined) written.empties.add(empty);
  if (Array.isArray(value)) {
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
    baseline: { names: new Set(), empties: new Set() },
    candidate: { names: new Set(), empties: new Set() },
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

/** The side that writes the members of a finding of the families above; undefined for any other. */
function writerOf(cause: RootCause): Side | undefined {
  if (cause.type === 'pattern') {
    const [side, other] = cause.params;
    if (cause.pattern === 'null-vs-absent')
      return side === 'candidate-null' ? 'candidate' : 'baseline';
    if ((cause.pattern === 'nil-slice' || cause.pattern === 'nil-map') && other === 'absent') {
      return side === 'candidate-empty' ? 'candidate' : 'baseline';
    }
    return undefined;
  }
  if (cause.type !== 'structure' || cause.difference !== undefined) return undefined;
  if (cause.change.candidate === ZERO_VALUED_MEMBERS) return 'candidate';
  return cause.change.baseline === ZERO_VALUED_MEMBERS ? 'baseline' : undefined;
}

/** One answer's sighting of a finding: undefined when one of its members is known or unread. */
function sighting(
  answer: Answer,
  { cause, paths }: Pick<Finding, 'cause' | 'paths'>,
  writer: Side,
  omitting: Written,
): { names: string[]; changes: SkeletonChange[] } | undefined {
  const names: string[] = [];
  const changes: SkeletonChange[] = [];
  const added = writer === 'candidate';
  for (const path of paths) {
    const { name } = splitPath(path);
    const value = valueAt(answer.bodies?.[writer], parsePointer(path));
    const empty = emptyOf(value);
    if (name === '' || /^\d+$/.test(name) || empty === undefined) return undefined;
    if (omitting.names.has(name) || !omitting.empties.has(empty)) return undefined;
    names.push(name);
    const type = sideType(value);
    const xml = answer.baseline?.bodyKind === 'xml' || answer.candidate?.bodyKind === 'xml';
    const place = recordPlace(answer.endpoint, path, xml);
    changes.push({
      op: added ? 'added' : 'removed',
      path: place,
      baseline: added ? '-' : type,
      candidate: added ? type : '-',
    });
  }
  if (names.length === 0) return undefined;
  // An object's zero-valued members stay its one signature in the row they join.
  return cause.type === 'structure' ? { names, changes: [cause.change] } : { names, changes };
}

/**
 * The findings whose members are new to the side that leaves them out (see
 * the module comment), by key: a pattern's own key, a signature's change key.
 */
export function newMembers(answers: readonly Answer[]): ReadonlyMap<string, NewMember> {
  // The bodies are walked once, and only when a finding of the families above asks (most runs have none).
  let written: Record<Side, Written | undefined> | undefined;
  const found = new Map<string, Entry>();
  const known = new Set<string>();
  for (const answer of answers) {
    for (const finding of answer.findings) {
      const { cause } = finding;
      const writer = writerOf(cause);
      if (writer === undefined) continue;
      const key = cause.type === 'structure' ? changeKey(cause.change) : ownKey(cause);
      written ??= writtenBySide(answers);
      const omitting = written[writer === 'candidate' ? 'baseline' : 'candidate'];
      const seen = omitting === undefined ? undefined : sighting(answer, finding, writer, omitting);
      if (seen === undefined) {
        known.add(key);
        continue;
      }
      const entry: Entry = found.get(key) ?? {
        key,
        signature: cause.type === 'structure',
        op: writer === 'candidate' ? 'added' : 'removed',
        names: new Set(),
        answers: new Set(),
        changes: [],
      };
      found.set(key, entry);
      for (const name of seen.names) entry.names.add(name);
      entry.answers.add(answer.caseId);
      const have = new Set(entry.changes.map(changeKey));
      entry.changes.push(...seen.changes.filter((change) => !have.has(changeKey(change))));
    }
  }
  // A finding whose member one answer shows known is the convention's in every answer.
  for (const key of known) found.delete(key);
  return found;
}
