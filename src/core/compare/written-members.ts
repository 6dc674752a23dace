/**
 * What one side wrote at a member over the run's answers: a zero value, a
 * value that is not, or both (issue 43). A member one side leaves out in one
 * answer reads two ways: the side lacks it (a feature it does not have), or
 * its encoder leaves it out where it holds its zero value (Go's
 * `omitempty`, serde's `skip_serializing_if`, the protobuf JSON mapping).
 * The side's other answers tell them apart: an encoder that omits zeros
 * writes the member wherever it holds something else, and never writes it
 * at its zero value; a side that lacks the member never writes it at all.
 * One walk of each side's bodies serves every reader of that evidence: a
 * write's outcome left out where it is `false` (`judge/results/outcome-writes.ts`)
 * and one side's defaults left out (`omitted-defaults.ts`). Pure.
 */
import { joinPointer } from '../../util/json-pointer.js';
import { isJsonObject } from '../normalise/json.js';
import { isZeroValue } from './patterns/util.js';

/** What one side wrote at one member: at its zero value, at another value. */
export interface Written {
  zero: boolean;
  other: boolean;
}

/** By member key (the caller's `MemberKey`): what one side wrote there. */
export type WrittenMembers = ReadonlyMap<string, Readonly<Written>>;

/**
 * The key a member is read under: its object's place (the pointer to the
 * object, `''` for the body's top), its name and its value; undefined for a
 * member the caller does not read.
 */
export type MemberKey = (place: string, name: string, value: unknown) => string | undefined;

/** The key marking a container a preview cut (`judge/results/preview.ts`'s `CUT_KEY`): no member. */
const CUT = '…';

/** At most this many values of one body are looked at: a preview is bounded, a body need not be. */
const MAX_NODES = 4096;

/**
 * What one side wrote at each member `keyOf` reads, over its `bodies` (one
 * side's parsed JSON bodies), each walked to `depth` objects deep (`0`: the
 * body's top only). A `null` counts as neither value: writing `null` for a
 * member is a choice of its own (`null-vs-absent`).
 */
export function writtenMembers(
  bodies: Iterable<unknown>,
  keyOf: MemberKey,
  depth = Number.POSITIVE_INFINITY,
): Map<string, Written> {
  const written = new Map<string, Written>();
  for (const body of bodies) {
    let budget = MAX_NODES;
    const walk = (value: unknown, place: string, level: number): void => {
      if (--budget < 0 || level > depth) return;
      if (Array.isArray(value)) {
        for (const [i, element] of value.entries()) walk(element, joinPointer(place, i), level);
        return;
      }
      if (!isJsonObject(value)) return;
      for (const [name, member] of Object.entries(value)) {
        if (name === CUT || member === null) continue;
        const key = keyOf(place, name, member);
        if (key !== undefined) {
          const seen = written.get(key) ?? { zero: false, other: false };
          if (isZeroValue(member)) seen.zero = true;
          else seen.other = true;
          written.set(key, seen);
        }
        walk(member, joinPointer(place, name), level + 1);
      }
    };
    walk(body, '', 0);
  }
  return written;
}
