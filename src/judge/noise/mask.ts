import type { Comparison } from '../../contract/model/comparison.js';
import type { Change } from '../../contract/observation.js';
import { collapsePath } from '../../core/compare/map-like.js';
import { GENERATED_TOKEN } from '../../core/normalise/generated.js';
import { parsePointer } from '../../util/json-pointer.js';
import type { NoiseFinding } from './types.js';

/** The noise patterns to drop from one comparison. */
export interface NoiseMask {
  /** Pointer patterns: changes at or under them are dropped (`*` = any one segment). */
  readonly values: readonly string[];
  /** Array pointer patterns: `moved` changes of their elements are dropped. */
  readonly orders: readonly string[];
  /** Header names whose value changes are dropped. */
  readonly headers: readonly string[];
  /**
   * Pointers where a type change's values are per-instance (each side's own
   * port, written as a string on one side): the change is kept, its types
   * intact, with its text side set aside as `{{generated}}`, so the type is
   * one question and the values, each side's own, no second one.
   */
  readonly retyped?: readonly string[];
}

/** `change` with its text side set aside, when `mask` says its values are per-instance. */
function retypedChange(mask: NoiseMask, change: Change): Change {
  if (change.op !== 'type' || mask.retyped === undefined || !mask.retyped.includes(change.path)) {
    return change;
  }
  if (typeof change.baseline === 'string') return { ...change, baseline: GENERATED_TOKEN };
  if (typeof change.candidate === 'string') return { ...change, candidate: GENERATED_TOKEN };
  return change;
}

export const EMPTY_MASK: NoiseMask = { values: [], orders: [], headers: [] };

/** The mask of a list of findings. */
export function maskOf(findings: readonly NoiseFinding[]): NoiseMask {
  const pick = (kind: NoiseFinding['kind']) =>
    findings.filter((f) => f.kind === kind).map((f) => f.pattern);
  return { values: pick('value'), orders: pick('order'), headers: pick('header') };
}

/** True when `pattern` names `segments` or one of their ancestors (`*` matches any segment). */
export function coversSegments(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length > segments.length) return false;
  return pattern.every((p, i) => p === '*' || p === segments[i]);
}

function coversExactly(pattern: readonly string[], segments: readonly string[]): boolean {
  return pattern.length === segments.length && coversSegments(pattern, segments);
}

/**
 * True when the mask drops this change. A noisy field's value is noise, and
 * so is whatever happens under it (the elements of a noisy list), and any
 * entry of a container whose keys are noise (`/sessions/*`: keyed by random
 * ids); a named field itself gone is a shape change the noise does not
 * explain: it is kept. A value of another type is never noise, wherever it
 * sits: the baseline's own answers never differ in type where noise was
 * learned (that is a flaky baseline), so a type difference under a noisy
 * list or container (`/counts/*` learned from `[1, 2]` then `[3, 4]`, the
 * candidate answering `["1", "2"]`) is the candidate's, and kept.
 */
export function masksChange(mask: NoiseMask, change: Change): boolean {
  if (change.op === 'type') return false;
  const segments = parsePointer(change.path);
  for (const value of mask.values) {
    const pattern = parsePointer(value);
    if (!coversSegments(pattern, segments)) continue;
    const entries = pattern.at(-1) === '*';
    if (change.op === 'value' || entries || pattern.length < segments.length) return true;
  }
  if (change.op !== 'moved') return false;
  const parent = segments.slice(0, -1);
  return mask.orders.some((o) => coversExactly(parsePointer(o), parent));
}

/**
 * The comparison without the changes the mask drops. A noisy header's value
 * is noise; the header missing on one side is not.
 */
export function maskComparison(comparison: Comparison, mask: NoiseMask): Comparison {
  const headers = new Set(mask.headers);
  const noisy = (h: Comparison['headers'][number]) =>
    headers.has(h.name) && h.baseline !== undefined && h.candidate !== undefined;
  // What the comparison says of its bodies (`xml`, `textType`) holds for the masked one too.
  return {
    ...comparison,
    headers: comparison.headers.filter((h) => !noisy(h)),
    body: comparison.body.filter((c) => !masksChange(mask, c)).map((c) => retypedChange(mask, c)),
  };
}

/**
 * The raw differences of a comparison as skeleton keys, for the statistics:
 * `value /items/*\/ts`, `order /items`, `header etag`.
 */
export function rawSkeleton(comparison: Comparison, containers: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const change of comparison.body) {
    const path = collapsePath(change.path, containers);
    if (change.op === 'moved')
      out.add(`order ${path.slice(0, Math.max(0, path.lastIndexOf('/')))}`);
    else out.add(`value ${path}`);
  }
  for (const header of comparison.headers) out.add(`header ${header.name}`);
  return out;
}
