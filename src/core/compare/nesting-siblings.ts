/**
 * A member beside a nesting travels with it (tracker rule 57, issue 43).
 * A server that moves a listing into a container writes the envelope around
 * it in one place: remoteStorage's rewrite answers `{"@context": …,
 * "items": {…}}` where the first server answers the bare map, an API
 * answers `{"kind": "listing", "entries": {…}}` for `{name: size}`. The
 * nesting pattern's row (`nesting.ts`: the members moved, or the map moved
 * with each value rewritten, `moved-entries.ts`) and a row for the member
 * added beside the container, in exactly the same answers, were two rows
 * for one decision.
 *
 * The rule, once the run has seen every answer: a member added or removed
 * (one change alone, no value difference) whose parent object is the
 * parent of a nesting row's container (the moved-members or moved-map row),
 * seen in **exactly that row's answers**, two or more, and nowhere else,
 * is part of the nesting row (`same-answers.ts`, as rules 52 and 53).
 *
 * **Kept apart**: a member added in other answers too (a choice of its
 * own), a member at another object, a value change (no member added or
 * removed), a member the run already joined to other members, and a member
 * beside two nesting rows in the same answers (nothing says which: it
 * joins neither). Pure.
 */
import type { Finding, RootCause } from '../../contract/root-cause.js';
import { changeKey } from './change-keys.js';
import { fieldOf } from './findings.js';
import { ownKey } from './recurring-causes.js';
import { soleHost } from './same-answers.js';
import { splitPath } from './wording/phrases.js';

/** One answer as the rule reads it: its case and findings. */
interface NestedAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/** The answers of a nesting must be two or more (rule 2's bound: one answer tells nothing apart). */
const LEAST = 2;

/** A nesting row's parent (its pattern field): the moved-members or moved-map variant, else undefined. */
function nestingParent(cause: RootCause): string | undefined {
  if (cause.type !== 'pattern' || cause.pattern !== 'nesting') return undefined;
  const variant = cause.params[2];
  return variant === undefined || variant === 'entries' ? cause.field : undefined;
}

/** A member added or removed alone, its parent as a pattern's field (`fieldOf`); undefined otherwise. */
function memberParent(cause: RootCause): string | undefined {
  if (cause.type !== 'structure' || cause.difference !== undefined) return undefined;
  if (cause.together !== undefined) return undefined;
  const { op, path } = cause.change;
  if (op !== 'added' && op !== 'removed') return undefined;
  return fieldOf(splitPath(path).parent);
}

/**
 * By change key (`changeKey`) of a member added or removed: the nesting row
 * it travels with (see the module comment). `recurring` gives a nesting's
 * row where the run joined it already; `joined` says whether a change key
 * is part of a cause of other members already (left to it).
 */
export function siblingsOfNestings(
  answers: readonly NestedAnswer[],
  recurring: ReadonlyMap<string, RootCause>,
  joined: (key: string) => boolean,
): ReadonlyMap<string, RootCause> {
  // By nesting own key: its parent, answers and row.
  const hosts = new Map<string, { parent: string; answers: Set<string>; row: RootCause }>();
  // By change key: the member's parent and answers.
  const riders = new Map<string, { parent: string; answers: Set<string> }>();
  for (const { caseId, findings } of answers) {
    for (const { cause } of findings) {
      const nesting = nestingParent(cause);
      if (nesting !== undefined) {
        const key = ownKey(cause);
        const row = recurring.get(key) ?? cause;
        const host = hosts.get(key) ?? { parent: nesting, answers: new Set<string>(), row };
        hosts.set(key, host);
        host.answers.add(caseId);
        continue;
      }
      const parent = memberParent(cause);
      if (parent === undefined || cause.type !== 'structure') continue;
      const key = changeKey(cause.change);
      const rider = riders.get(key) ?? { parent, answers: new Set<string>() };
      riders.set(key, rider);
      rider.answers.add(caseId);
    }
  }
  const out = new Map<string, RootCause>();
  if (hosts.size === 0) return out;
  for (const [key, { parent, answers: shown }] of riders) {
    if (joined(key)) continue;
    const beside = [...hosts.values()].filter((host) => host.parent === parent);
    const row = soleHost(shown, beside, LEAST);
    if (row !== undefined) out.set(key, row);
  }
  return out;
}
