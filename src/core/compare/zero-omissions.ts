/**
 * Whether a side leaves a member out because it holds its zero value (issue
 * 43 rule 18's evidence from the answers themselves). A side whose encoder
 * omits zero values (Go's `omitempty`, serde's `skip_serializing_if`, the
 * protobuf JSON mapping) writes the member wherever it holds something else
 * and never writes it at its zero value; a side that lacks the member (a
 * feature it does not have) never writes it at all; a side that writes it
 * at its zero value somewhere does not omit zeros. So a member one side
 * lacks where the other writes its zero value is **omitted at zero** when
 * that side writes the same member (the same object kind, `object-kinds.ts`,
 * and the same name) elsewhere in the run with a value that is not zero,
 * and never with a zero value (`written-members.ts`, the walk a write's
 * outcome left out at `false` reads too). A place is read without its list
 * indices (`/kvs/3` is `/kvs`), and the body's top is one place on every
 * endpoint, as a member path within the record is (rule 1). Only the
 * answers the run kept (those with findings) hold bodies: an answer equal on
 * both sides shows nothing here. Pure.
 */
import type { Side } from '../../contract/model/runtime.js';
import type { ObjectKinds } from './change-keys.js';
import { wildcardPath } from './fingerprint.js';
import type { AnswerBodies } from './optional-members.js';
import { splitPath } from './wording/phrases.js';
import { type WrittenMembers, writtenMembers } from './written-members.js';

/**
 * The member at `path` (a member's pointer, concrete or with `*`) as one
 * member of one object kind (its key), when `side` leaves it out only at its
 * zero value; undefined otherwise.
 */
export type OmitsZero = (side: Side, path: string) => string | undefined;

/** A place without its list indices (and map keys that are ids): `/kvs/3/value` → `/kvs/value`. */
function bare(place: string): string {
  return wildcardPath(place)
    .split('/')
    .filter((segment) => segment !== '*')
    .join('/');
}

/**
 * `omitsZero(side, path)`: the member's key when `side` writes the member at
 * `path` elsewhere in `bodies` with a value that is not zero, and never with
 * a zero value. `kinds`: the run's object
 * kinds (`objectKinds`), by place; `names`: the member names that will be
 * asked about (the walk reads no others). Each side's bodies are walked once,
 * at the first question about that side.
 */
export function zeroOmissions(
  bodies: Iterable<AnswerBodies>,
  kinds: ObjectKinds,
  names: ReadonlySet<string>,
): OmitsZero {
  const kindOf = new Map<string, string>();
  for (const [place, kind] of kinds) kindOf.set(bare(place), bare(kind));
  const key = (parent: string, name: string): string => {
    const place = bare(parent);
    return JSON.stringify([kindOf.get(place) ?? place, name]);
  };
  const answers = [...bodies];
  const written = new Map<Side, WrittenMembers>();
  const of = (side: Side): WrittenMembers => {
    const known = written.get(side);
    if (known !== undefined) return known;
    const walked = writtenMembers(
      answers.map((answer) => answer[side]),
      (place, name) => (names.has(name) ? key(place, name) : undefined),
    );
    written.set(side, walked);
    return walked;
  };
  return (side, path) => {
    const { parent, name } = splitPath(path);
    const member = key(parent, name);
    const seen = of(side).get(member);
    return seen?.other === true && !seen.zero ? member : undefined;
  };
}
