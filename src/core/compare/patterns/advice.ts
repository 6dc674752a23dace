/**
 * Fix hints in a runtime's own terms: an action every runtime understands
 * ("omit `x` when it has no value"), then how the side's runtime does it
 * (Go's `omitempty`, serde's `skip_serializing_if`, Jackson's
 * `@JsonInclude`), only when that side's runtime is known. A side of
 * unknown runtime gets the action alone: never another runtime's advice.
 * The helpers every pattern's `hint` is written with. Pure.
 */

import type { Side, SideRuntimes } from '../../../contract/model/runtime.js';
import type { Runtime } from '../../../contract/vocabulary.js';
import { codeSpan } from '../../../util/code-span.js';
import { yamlScalar } from '../../../util/yaml-scalar.js';
import type { FixHint } from './types.js';

/** How each runtime does an action; a runtime without an entry gets the action alone. */
export type Advice = Partial<Readonly<Record<Runtime, string>>>;

/** `action`, or `action: how` in the runtime's terms when it has them. */
export function phrase(action: string, runtime: Runtime | undefined, advice: Advice): string {
  const how = runtime === undefined ? undefined : advice[runtime];
  return how === undefined ? action : `${action}: ${how}`;
}

/** The side that is not `side`. */
export const otherSide = (side: Side): Side => (side === 'baseline' ? 'candidate' : 'baseline');

/** The advice for the side named `side` (`forSide`) and for the other (`forOther`), each in its runtime's terms. */
export function bySide(
  runtimes: SideRuntimes,
  side: Side,
  forSide: readonly [string, Advice],
  forOther: readonly [string, Advice],
): Omit<FixHint, 'rule'> {
  const other = otherSide(side);
  const text = {
    [side]: phrase(forSide[0], runtimes[side], forSide[1]),
    [other]: phrase(forOther[0], runtimes[other], forOther[1]),
  };
  return { baseline: text['baseline'] ?? '', candidate: text['candidate'] ?? '' };
}

/** The same action for both sides, each in its runtime's terms. */
export function both(
  runtimes: SideRuntimes,
  baseline: string,
  candidate: string,
  advice: Advice,
): Omit<FixHint, 'rule'> {
  return {
    baseline: phrase(baseline, runtimes.baseline, advice),
    candidate: phrase(candidate, runtimes.candidate, advice),
  };
}

/** The side a parameter names (`candidate-null` → candidate); baseline otherwise. */
export function sideOf(param: string | undefined): Side {
  return param?.startsWith('candidate') === true ? 'candidate' : 'baseline';
}

/** The field in a hint: `` `tags` ``, or "the field" for the body or an element. */
export const theField = (field: string): string =>
  field === '' ? 'the field' : field === '*' ? 'each such field' : `${codeSpan(field)}`;

/**
 * The name a struct tag gives the member at `field` (its last segment), or
 * `fallback` for a cause of any field (`*`) or a list position.
 */
export const tagName = (field: string, fallback: string): string => {
  const last = field.split('/').at(-1) ?? '';
  return last === '' || last === '*' || /^\d+$/.test(last) ? fallback : last;
};

/** The pointer to `key` in the object at `field`, as a YAML scalar for a rule. */
export const rulePointer = (field: string, key: string): string =>
  yamlScalar(field === '' ? `/${key}` : `/${field}/${key}`);
