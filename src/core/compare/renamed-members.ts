/**
 * A member renamed inside an object's restructure (issue 43: a whole
 * restructure of one object is one cause). An attachment described by other
 * members on the other side (`fileName` → `filename`, `length` → `size`,
 * `contentId` and `checksum` gone) shows as a `key-rename` finding (the same
 * value under a name of other words) beside the members added and removed,
 * which co-occurrence (`co-travel.ts`) makes one cause. The rename is a
 * pattern, so it stayed a row of its own, though it changed in the same
 * answers and the same objects as the others: one decision, how that side
 * describes the object.
 *
 * The rule, once the run has seen every answer: a `key-rename` whose
 * answers are **exactly** those of a group of members of one object that
 * travel together, and whose renamed member sits, in every one of those
 * answers, in an object where that group's members changed, is a member of
 * that group's row: its old name removed and its new one added (``candidate
 * adds `/attachments/*\/filename`, `/attachments/*\/size`; candidate lacks
 * …``). **Kept apart**: a rename seen in an answer the group is not (or the
 * group in one the rename is not: another reason), in another object, a
 * group whose members sit in two objects, and a rename two groups could
 * hold. Pure.
 */
import type { Finding, SkeletonChange } from '../../contract/root-cause.js';
import { escapeSegment } from '../../util/json-pointer.js';
import { sideType } from './fingerprint.js';
import type { ConcreteChange } from './moved-values.js';
import { ownKey } from './recurring-causes.js';
import type { Seen } from './seen-changes.js';
import { splitPath } from './wording/phrases.js';

/** One answer's findings and concrete changes, as the clustering reads them. */
interface Answer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly changes?: readonly ConcreteChange[];
}

/** A rename that joins a group: its pattern's own key and the member changes it stands for. */
export interface RenamedMember {
  /** The pattern cause's own key (`ownKey`): the row it joins is looked up by it. */
  readonly key: string;
  /** The old name removed and the new one added, at the group's object. */
  readonly changes: readonly SkeletonChange[];
}

interface Rename {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** Per answer, the concrete objects the member was renamed in. */
  readonly objects: Map<string, Set<string>>;
  /** The JSON types of the old and the new member's value. */
  types: readonly [string, string];
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** The run's `key-rename` findings, by their own key. */
function renamesOf(answers: readonly Answer[]): Map<string, Rename> {
  const out = new Map<string, Rename>();
  for (const { caseId, findings, changes } of answers) {
    for (const { cause, paths } of findings) {
      if (cause.type !== 'pattern' || cause.pattern !== 'key-rename') continue;
      const [from = '', to = ''] = cause.params;
      const key = ownKey(cause);
      const rename = out.get(key) ?? { key, from, to, objects: new Map(), types: ['-', '-'] };
      out.set(key, rename);
      const objects = rename.objects.get(caseId) ?? new Set<string>();
      rename.objects.set(caseId, objects);
      for (const path of paths) objects.add(parentOf(path));
      const at = new Set(paths);
      for (const change of changes ?? []) {
        if (!at.has(change.path)) continue;
        if (change.op === 'removed') rename.types = [sideType(change.baseline), rename.types[1]];
        if (change.op === 'added') rename.types = [rename.types[0], sideType(change.candidate)];
      }
    }
  }
  return out;
}

const MEMBER_OPS: ReadonlySet<string> = new Set(['added', 'removed', 'type']);

/**
 * The one object a group's members sit in (their record's path), when each
 * is a member added, removed or retyped; undefined otherwise.
 */
function objectOf(group: readonly Seen[]): string | undefined {
  const members = group.every(
    ({ change }) =>
      MEMBER_OPS.has(change.op) && change.values === undefined && !change.path.endsWith('/*'),
  );
  if (!members) return undefined;
  const parents = new Set(group.map((one) => splitPath(one.change.path).parent));
  const [parent] = parents;
  return parents.size === 1 ? parent : undefined;
}

/** True when the group travels in exactly the rename's answers and objects. */
function holds(group: readonly Seen[], rename: Rename): boolean {
  const answers = [...rename.objects.keys()];
  for (const one of group) {
    if (one.answers.size !== answers.length) return false;
    if (!answers.every((answer) => one.answers.has(answer))) return false;
  }
  return answers.every((answer) => {
    const objects = new Set(
      group.flatMap((one) => [...(one.concrete.get(answer) ?? [])].map(parentOf)),
    );
    return [...(rename.objects.get(answer) ?? [])].every((object) => objects.has(object));
  });
}

/** By group: the renames that join it (see the module comment). */
export function renamedMembers(
  answers: readonly Answer[],
  groups: readonly Seen[][],
): ReadonlyMap<Seen[], readonly RenamedMember[]> {
  const out = new Map<Seen[], RenamedMember[]>();
  for (const rename of renamesOf(answers).values()) {
    const holders = groups.filter((group) => objectOf(group) !== undefined && holds(group, rename));
    const [group] = holders;
    if (group === undefined || holders.length > 1) continue;
    const object = objectOf(group) ?? '';
    const [from, to] = rename.types;
    const changes: SkeletonChange[] = [
      {
        op: 'removed',
        path: `${object}/${escapeSegment(rename.from)}`,
        baseline: from,
        candidate: '-',
      },
      { op: 'added', path: `${object}/${escapeSegment(rename.to)}`, baseline: '-', candidate: to },
    ];
    out.set(group, [...(out.get(group) ?? []), { key: rename.key, changes }]);
  }
  return out;
}
