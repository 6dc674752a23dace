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
 * same member under other parents); any other by its `changeKey`.
 */
export function whatKey(change: SkeletonChange): string {
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
  return changeKey(change);
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
