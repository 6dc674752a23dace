/**
 * A/A learning for one case: compare two baseline responses to the same
 * request; what differs in value is noise for that case, what differs in
 * structure makes a flaky baseline (reported, never masked). Pure.
 */

import type { Response, SideOutcome } from '../../contract/model/exchange.js';
import type { Change, FlakyBaseline } from '../../contract/observation.js';
import type { Rules, SortRule } from '../../contract/rules/types.js';
import { compareBodies } from '../../core/compare/bodies.js';
import { compareHeaders } from '../../core/compare/comparison.js';
import { collapsePath, mapContainers } from '../../core/compare/map-like.js';
import { normaliseJson } from '../../core/normalise/body.js';
import { isJsonObject } from '../../core/normalise/json.js';
import { ownValue } from '../../core/wire/json-equal.js';
import { parsePointer } from '../../util/json-pointer.js';
import { shuffledArrays } from './shuffle.js';
import { skeletonDifference, skeletonOf } from './skeleton.js';
import type { CaseNoise, NoiseFinding } from './types.js';

const MAX_DIFFERENCES = 10;

const NOTHING: CaseNoise = { findings: [], flaky: undefined, containers: new Set() };

function flaky(reason: string, differences: readonly string[] = []): CaseNoise {
  return { ...NOTHING, flaky: { reason, differences: differences.slice(0, MAX_DIFFERENCES) } };
}

/** The rules with extra arrays sorted before comparing. */
export function withSorts(rules: Rules, sorts: readonly SortRule[]): Rules {
  return sorts.length === 0 ? rules : { ...rules, sortArrays: [...rules.sortArrays, ...sorts] };
}

/**
 * Learn from two baseline responses (`baseline`: the first call, `replica`:
 * the second) under the case's rules. A transport failure on one call only,
 * a different status or body kind, a header present once, or a different JSON
 * skeleton is a flaky baseline; value differences, shuffled arrays and
 * varying header values are findings.
 */
export function learnCase(rules: Rules, baseline: SideOutcome, replica: SideOutcome): CaseNoise {
  if (baseline.outcome !== 'response' || replica.outcome !== 'response') {
    if (baseline.outcome === replica.outcome) return NOTHING;
    return flaky('the baseline failed in transport on one call and answered the other');
  }
  const a = baseline.response;
  const b = replica.response;
  if (a.status !== b.status) return flaky(`the baseline answered ${a.status}, then ${b.status}`);
  const headers = compareHeaders(a, b, rules);
  const once = headers.filter((h) => h.baseline === undefined || h.candidate === undefined);
  if (once.length > 0) {
    const names = once.map((h) => `${h.baseline === undefined ? '+' : '-'} header ${h.name}`);
    return flaky('a response header was present on one call only', names);
  }
  const headerFindings: NoiseFinding[] = headers.map((h) => ({
    kind: 'header',
    pattern: h.name,
    sample: { baseline: h.baseline, replica: h.candidate },
  }));
  const body = learnBody(rules, a, b);
  return { ...body, findings: [...headerFindings, ...body.findings] };
}

function learnBody(rules: Rules, a: Response, b: Response): CaseNoise {
  if (a.body.kind !== b.body.kind) {
    return flaky(`the baseline answered a ${a.body.kind} body, then a ${b.body.kind} body`);
  }
  if (a.body.kind !== 'json' || b.body.kind !== 'json') {
    const changes = compareBodies(a.body, b.body, rules);
    return { ...NOTHING, findings: changes.map((c) => valueFinding(c, new Set())) };
  }
  return learnJson(rules, a.body.value, b.body.value);
}

function learnJson(rules: Rules, a: unknown, b: unknown): CaseNoise {
  const left = normaliseJson(a, rules);
  const right = normaliseJson(b, rules);
  const containers = mapContainers(right, mapContainers(left));
  const shuffled = shuffledArrays(left, right, containers).map((path) => ({
    path,
    by: undefined,
  }));
  let sorted = withSorts(rules, shuffled);
  let changes = compareBodies({ kind: 'json', value: a }, { kind: 'json', value: b }, sorted);
  // Elements matched by an array key and found elsewhere: sort by that key, diff again.
  const moved = movedArrays(changes, left, rules.arrayKeys, containers);
  if (moved.length > 0) {
    sorted = withSorts(sorted, moved);
    changes = compareBodies({ kind: 'json', value: a }, { kind: 'json', value: b }, sorted);
  }
  const orders: NoiseFinding[] = [...shuffled, ...moved].map((sort) => ({
    kind: 'order',
    pattern: sort.path,
    by: sort.by,
    sample: { baseline: 'order', replica: 'order' },
  }));
  const differences = skeletonDifference(skeletonOf(left), skeletonOf(right));
  // An element of a list on one call only is shape, never noise: masked, it would hide
  // every element the candidate adds or lacks on the endpoint.
  const elements = changes.filter((c) => listElement(c, left, right));
  // With different skeletons, structural changes are the flakiness, not noise.
  const kept =
    differences.length === 0
      ? changes.filter((c) => !listElement(c, left, right))
      : changes.filter((c) => c.op === 'value');
  const findings = [...orders, ...dedupe(kept.map((c) => valueFinding(c, containers)))];
  return { findings, flaky: flakyOf(differences, elements), containers };
}

/** True for an element added to or removed from a list (not an entry of an object). */
function listElement(change: Change, left: unknown, right: unknown): boolean {
  if (change.op !== 'added' && change.op !== 'removed') return false;
  const parent = parsePointer(change.path).slice(0, -1);
  return Array.isArray(valueAt(change.op === 'added' ? right : left, parent));
}

function flakyOf(skeleton: readonly string[], elements: readonly Change[]) {
  if (skeleton.length > 0) {
    return {
      reason: 'the two baseline bodies differ in structure (keys or types)',
      differences: skeleton.slice(0, MAX_DIFFERENCES),
    } satisfies FlakyBaseline;
  }
  if (elements.length === 0) return undefined;
  return {
    reason: 'a list held an element on one baseline call only',
    differences: elements
      .slice(0, MAX_DIFFERENCES)
      .map((c) => `${c.op === 'added' ? '+' : '-'} ${c.path}`),
  } satisfies FlakyBaseline;
}

function valueFinding(change: Change, containers: ReadonlySet<string>): NoiseFinding {
  return {
    kind: change.op === 'moved' ? 'order' : 'value',
    pattern:
      change.op === 'moved'
        ? parentOf(collapsePath(change.path, containers))
        : collapsePath(change.path, containers),
    sample: { baseline: change.baseline, replica: change.candidate },
  };
}

function dedupe(findings: readonly NoiseFinding[]): NoiseFinding[] {
  const seen = new Map<string, NoiseFinding>();
  for (const f of findings)
    if (!seen.has(`${f.kind} ${f.pattern}`)) seen.set(`${f.kind} ${f.pattern}`, f);
  return [...seen.values()];
}

function parentOf(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/** Arrays with `moved` elements, as sort rules by the array key their elements carry. */
function movedArrays(
  changes: readonly Change[],
  body: unknown,
  arrayKeys: readonly string[],
  containers: ReadonlySet<string>,
): SortRule[] {
  const out = new Map<string, SortRule>();
  for (const change of changes) {
    if (change.op !== 'moved') continue;
    const segments = parsePointer(change.path);
    const element = valueAt(body, segments);
    const by = isJsonObject(element) ? arrayKeys.find((key) => key in element) : undefined;
    const path = parentOf(collapsePath(change.path, containers));
    if (!out.has(path)) out.set(path, { path, by });
  }
  return [...out.values()];
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let node = value;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isJsonObject(node)) node = ownValue(node, segment);
    else return undefined;
  }
  return node;
}
