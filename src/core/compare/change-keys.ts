/**
 * What a member change is, wherever it shows (issue 43: keyed by what
 * changed, not by where): the keys the clustering (`cause-clusters.ts`)
 * counts a change under, and the member changes a structural cause stands
 * for. Pure.
 */
import type { RootCause, SkeletonChange } from '../../contract/root-cause.js';
import { fieldOfPath } from './recurring-causes.js';
import { isObjectSignature } from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** A change wherever it shows: op, member path, JSON types (and a value change's templates, or the edit that rewords it). */
export function changeKey(change: SkeletonChange): string {
  const { op, path, baseline, candidate, values, edit } = change;
  const rest = edit === undefined ? (values ?? []) : ['edit', edit];
  return JSON.stringify([op, path, baseline, candidate, ...rest]);
}

/** The member changes a cause stands for: none for a whole body or a cause of another family. */
export function membersOf(cause: RootCause): readonly SkeletonChange[] {
  if (cause.type !== 'structure') return [];
  const { change } = cause;
  if (change.path === '' && !isObjectSignature(change)) return [];
  return cause.together === undefined ? [change] : [change, ...cause.together];
}

/** `/a/b/#text` → `b`: the field a value sits at (an XML element's text is the element's). */
export function fieldOfValue(path: string): string {
  return fieldOfPath(path.endsWith('/#text') ? path.slice(0, -'/#text'.length) : path);
}

/**
 * What a change is wherever it shows (`cause-clusters.ts`, rules 3 and 4): a
 * value change of its own templates by its field and templates (a set of
 * messages one edit rewords, by its field and the edit); a member one
 * side adds or lacks whose value is an object, by its name and shape (the
 * same member under other parents); a change of a member of an object
 * kind the run shows at two places or more, by the kind and the member
 * (`object-kinds.ts`: one object kind at any depth); any other by its
 * `changeKey`.
 */
export function whatKey(change: SkeletonChange, kinds?: ObjectKinds): string {
  if (change.edit !== undefined)
    return JSON.stringify(['edit', fieldOfValue(change.path), change.edit]);
  if (change.values !== undefined) {
    const field = fieldOfValue(change.path);
    if (field !== '') return JSON.stringify(['value', field, ...change.values]);
  }
  if (change.shape !== undefined && !isElements(change) && !isObjectSignature(change)) {
    const { name } = splitPath(change.path);
    if (name !== '') {
      return JSON.stringify([change.op, name, change.baseline, change.candidate, change.shape]);
    }
  }
  const kind = kinds === undefined ? undefined : kindKey(change, kinds);
  return kind ?? changeKey(change);
}

/**
 * The object a change is of (`object-kinds.ts`) and the member's path within
 * it: a member's parent, an object's signature its own place. A member of
 * the body's top is the top of some answers and a listed record of others
 * (`/3/version` is `/version`), so each such change is an object of its own
 * (`top ["removed","/version",…]`), told by the objects it was seen in; its
 * values are data keyed by their place, of no kind.
 */
export function objectOf(change: SkeletonChange): { object: string; member: string } | undefined {
  if (change.path === '' || change.path === '/*' || change.path.endsWith('/*')) return undefined;
  if (isObjectSignature(change)) return { object: change.path, member: '' };
  const { parent, name } = splitPath(change.path);
  if (name.startsWith('@') || name.startsWith('#')) return undefined;
  if (parent !== '') return { object: parent, member: change.path.slice(parent.length) };
  // A value there is data keyed by its place (`data-places.ts`): no kind of its own.
  if (change.op === 'value') return undefined;
  const { op, path, baseline, candidate } = change;
  return { object: `${TOP} ${JSON.stringify([op, path, baseline, candidate])}`, member: path };
}

/** By place of an object (`objectOf`): the first place of its kind (`object-kinds.ts`). */
export type ObjectKinds = ReadonlyMap<string, string>;

/** What names an object of the body's top, one per member (`objectOf`). */
export const TOP = 'top';

/** A change keyed by its object's kind and its member's name; undefined outside a kind. */
function kindKey(change: SkeletonChange, kinds: ObjectKinds): string | undefined {
  const of = objectOf(change);
  const kind = of === undefined ? undefined : kinds.get(of.object);
  if (of === undefined || kind === undefined) return undefined;
  const { member } = of;
  const { op, baseline, candidate, values } = change;
  return JSON.stringify(['kind', kind, op, member, baseline, candidate, ...(values ?? [])]);
}

/** A value change without its templates: keyed by its place alone. */
export function placeOnly(change: SkeletonChange): SkeletonChange {
  if (change.values === undefined) return change;
  const { values: _templates, ...rest } = change;
  return rest;
}

/** `/items/*`: elements one side adds to (or lacks of) a list. */
export function isElements(change: SkeletonChange): boolean {
  return change.path === '/*' || change.path.endsWith('/*');
}
