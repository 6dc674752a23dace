/**
 * One object kind wherever it sits (issue 43, rule 1: the same operation on
 * the same member of a recurring object is one cause across endpoints, list
 * elements **and nesting**). A change is keyed by its place within the
 * record (`findings.ts`), so a response header `{cluster_id, member_id,
 * revision, raft_term}` at the body's top and the same header one level down
 * (`/result/header`) were two places, and the member each lacks two causes.
 * Here an object is known by **what it is**, from the bodies the run holds:
 * two places hold one object kind when, in the answers whose changes sit
 * there, one side writes an object of
 *
 * - **the same member names** at both, three names or more (a transaction
 *   at `/result` and in a block's `/result/transactions/*`), or
 * - **the same name** (the last key, never a list index) with the members
 *   at one place all among those at the other, three shared or more (a
 *   header that omits a member the protobuf JSON mapping leaves out when it
 *   is zero).
 *
 * Each side is compared with itself only (the side that writes the object
 * whole names its kind; a slim side's one or two members name nothing). The
 * places joined this way, directly or through a third, are one kind, named
 * by its first place in key order; a change of a member of such an object
 * is keyed by the kind and the member's name (`change-keys.ts` `whatKey`),
 * so one change to one object kind is one cause at any depth. A member of
 * the body's top is the top of some answers and a listed record of others,
 * so each such change is an object of its own, told by the objects it was
 * seen in (`objectOf`); a value there is data, of no kind.
 *
 * Kept apart: objects that share a member name and nothing else (a
 * `header` and an unrelated `meta` that both hold `cluster_id`); two objects
 * of the same name whose members neither holds of the other's; objects of
 * fewer than three members (a name or two say too little); a place no body
 * shows whole (a preview cut it, or no bodies are held); and a place that
 * joins no other (keyed by its place as before). Two changes of one kind
 * (one member lacking, another retyped) are still two changes: only the
 * place is read as the kind. Pure.
 */
import type { Finding } from '../../contract/root-cause.js';
import { parsePointer } from '../../util/json-pointer.js';
import { compareText } from '../../util/text.js';
import { isJsonObject } from '../normalise/json.js';
import { valueAt } from '../normalise/replica.js';
import { membersOf, type ObjectKinds, objectOf } from './change-keys.js';
import { placeOf } from './constant-values.js';
import type { AnswerBodies } from './optional-members.js';
import { isObjectSignature } from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** One answer as its object kinds are read: its changes and its two bodies. */
export interface ObjectKindAnswer {
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly bodies?: AnswerBodies;
}

/** The fewest member names that tell an object's kind. */
const FEWEST_MEMBERS = 3;

/** The key marking a container a preview cut (`judge/results/preview.ts`'s `CUT_KEY`). */
const CUT = '…';

const SIDES = ['baseline', 'candidate'] as const;

/** The name an object sits under: its last key, none for a list's element or the body. */
function nameOf(place: string): string {
  if (!place.startsWith('/')) return '';
  const { name } = splitPath(place);
  return name === '*' || /^\d+$/.test(name) ? '' : name;
}

/** Member-name sets by their text (names sorted, as JSON). */
type NameSets = Map<string, readonly string[]>;

/** Per place, per side, the member-name sets its objects show. */
function namesByPlace(answers: Iterable<ObjectKindAnswer>): Map<string, [NameSets, NameSets]> {
  const out = new Map<string, [NameSets, NameSets]>();
  for (const { findings, bodies } of answers) {
    if (bodies === undefined) continue;
    for (const { cause, paths } of findings) {
      for (const change of membersOf(cause)) {
        const place = objectOf(change)?.object;
        if (place === undefined) continue;
        const member = isObjectSignature(change) ? undefined : change.path;
        for (const path of paths) {
          if (member !== undefined && !placeOf(path, member)) continue;
          const { parent } = splitPath(path);
          const sets = out.get(place) ?? [new Map(), new Map()];
          out.set(place, sets);
          SIDES.forEach((side, i) => {
            const object = valueAt(bodies[side], parsePointer(parent));
            if (!isJsonObject(object) || Object.hasOwn(object, CUT)) return;
            const names = Object.keys(object).sort(compareText);
            if (names.length >= FEWEST_MEMBERS) sets[i]?.set(JSON.stringify(names), names);
          });
        }
      }
    }
  }
  return out;
}

/** True when one side's objects at two places are one kind (see the module comment). */
function oneKind(a: NameSets, b: NameSets, sameName: boolean): boolean {
  for (const [one, mine] of a) {
    if (b.has(one)) return true;
    if (!sameName) continue;
    for (const theirs of b.values()) {
      const [small, large] = mine.length <= theirs.length ? [mine, theirs] : [theirs, mine];
      const held = new Set(large);
      if (small.every((name) => held.has(name))) return true;
    }
  }
  return false;
}

/** The run's object kinds that sit at two places or more (see the module comment). */
export function objectKinds(answers: Iterable<ObjectKindAnswer>): ObjectKinds {
  const names = namesByPlace(answers);
  const places = [...names.keys()].sort(compareText);
  // Union-find over places: each joins the first place of its kind.
  const root = new Map(places.map((place) => [place, place]));
  const find = (place: string): string => {
    let at = place;
    for (let up = root.get(at); up !== undefined && up !== at; up = root.get(at)) at = up;
    return at;
  };
  for (const [i, a] of places.entries()) {
    for (const b of places.slice(i + 1)) {
      const [sa, sb] = [names.get(a), names.get(b)];
      if (sa === undefined || sb === undefined) continue;
      const sameName = nameOf(a) !== '' && nameOf(a) === nameOf(b);
      const joined = SIDES.some((_, s) =>
        oneKind(sa[s] ?? new Map(), sb[s] ?? new Map(), sameName),
      );
      if (!joined) continue;
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) continue;
      if (compareText(ra, rb) < 0) root.set(rb, ra);
      else root.set(ra, rb);
    }
  }
  const kinds = new Map<string, string>();
  for (const place of places) {
    const first = find(place);
    if (first !== place) kinds.set(place, first);
  }
  // The first place of a kind that holds another is keyed by its kind too.
  for (const first of kinds.values()) kinds.set(first, first);
  return kinds;
}
