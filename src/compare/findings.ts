/**
 * Comparison → findings: one divergent case decomposed into its root causes
 * (see `root-cause.ts`). Pure; a case's findings depend on that case alone,
 * so any subset of cases, in any order, shows each cause under the same
 * fingerprint.
 *
 * - A status that differs is a `status` finding per endpoint template. When
 *   the status class differs too (`400 → 201`: one side accepted what the
 *   other rejected), the bodies and headers differ *because* of it: the case
 *   has that one finding.
 * - Each recognised pattern is a finding keyed by pattern, field and
 *   parameters (`/items/3/tags` and `/tags`: one nil slice at `tags`).
 * - A change of body kind (JSON vs text) is a `body-kind` finding (the
 *   `content-type` difference that comes with it is part of it).
 * - Each change no pattern explains is a `structure` finding per endpoint
 *   template and wildcarded path (its op and JSON types, never its values).
 * - Each allow-listed header that differs is a `header` finding.
 */
import type { Change, Comparison, HeaderChange } from '../model/comparison.js';
import { isJsonObject } from '../normalise/json.js';
import { formatPointer, parsePointer } from '../util/json-pointer.js';
import { compareText } from '../util/text.js';
import { isBodyKindChange } from './explain-shape.js';
import { sideType, wildcardPath } from './fingerprint.js';
import { isIdKey } from './map-like.js';
import { recognitionOf } from './patterns/registry.js';
import type { PatternMatch } from './patterns/types.js';
import {
  causeFingerprint,
  causeKey,
  type Finding,
  kindOfCause,
  type RootCause,
  type SkeletonChange,
} from './root-cause.js';
import { causeSummary } from './root-cause-words.js';
import { splitPath } from './wording/phrases.js';

/** What `findingsOf` derives the findings of one divergent case from. */
export interface FindingsInput {
  /** The case's endpoint template (`POST /v1/records/:id`). */
  readonly endpoint: string;
  readonly comparison: Comparison;
  /** Headers whose values are never shown: their value class is `[redacted]`. */
  readonly isSecretHeader?: (name: string) => boolean;
}

/** The class of a status code: `2xx`, `4xx`, … */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

function finding(cause: RootCause, paths: readonly string[]): Finding {
  return {
    fingerprint: causeFingerprint(cause),
    kind: kindOfCause(cause),
    cause,
    summary: causeSummary(cause),
    paths,
  };
}

/** The key a pattern occurs at: the anchor's last key; `''` for the body or an array element. */
export function fieldOf(anchor: string): string {
  const last = parsePointer(anchor).at(-1);
  return last === undefined || /^\d+$/.test(last) || isIdKey(last) ? '' : last;
}

function patternFindings(matches: readonly PatternMatch[]): Finding[] {
  const byKey = new Map<string, { cause: RootCause; paths: Set<string> }>();
  for (const match of matches) {
    const cause: RootCause = {
      type: 'pattern',
      pattern: match.name,
      field: fieldOf(match.anchor),
      params: match.params,
      detail: match.detail,
    };
    const key = causeKey(cause);
    const entry = byKey.get(key) ?? { cause, paths: new Set<string>() };
    byKey.set(key, entry);
    for (const change of match.covers) entry.paths.add(change.path);
  }
  return [...byKey.values()].map(({ cause, paths }) => finding(cause, [...paths]));
}

function bodyKindOf(descriptor: unknown): string {
  return isJsonObject(descriptor) ? String(descriptor['kind']) : 'unknown';
}

function skeletonChange(change: Change): SkeletonChange {
  // Two whole bodies of one kind that differ (text, bytes): reports keep them in
  // another form (bytes as a line of text), so their types are left out.
  if (change.path === '' && change.op === 'value') {
    return { op: 'value', path: '', baseline: 'body', candidate: 'body' };
  }
  return {
    op: change.op,
    path: wildcardPath(change.path),
    baseline: sideType(change.baseline),
    candidate: sideType(change.candidate),
  };
}

/** The object an added or removed member belongs to (wildcarded), or undefined for other changes. */
function memberParent(change: Change): string | undefined {
  if ((change.op !== 'added' && change.op !== 'removed') || change.path === '') return undefined;
  const { parent, name } = splitPath(change.path);
  return /^\d+$/.test(name) ? undefined : `${change.op} ${wildcardPath(parent)}`;
}

/**
 * Members one side adds (or lacks) together in one object share one
 * signature: one cause named by the set of their names,
 * `/items/*\/{Max,Min,Reason}` (a struct that writes every field, a version
 * that adds a few). A lone member keeps its own skeleton change.
 */
function memberSets(changes: readonly Change[]): Map<Change, SkeletonChange> {
  const byParent = new Map<string, Change[]>();
  for (const change of changes) {
    const parent = memberParent(change);
    if (parent !== undefined) byParent.set(parent, [...(byParent.get(parent) ?? []), change]);
  }
  const sets = new Map<Change, SkeletonChange>();
  for (const [key, members] of byParent) {
    const names = [...new Set(members.map((c) => formatPointer([splitPath(c.path).name])))];
    if (names.length < 2) continue;
    const op = key.startsWith('added') ? 'added' : 'removed';
    const parent = key.slice(op.length + 1);
    const path = `${parent}/{${names
      .map((n) => n.slice(1))
      .sort(compareText)
      .join(',')}}`;
    const line: SkeletonChange =
      op === 'added'
        ? { op, path, baseline: '-', candidate: 'members' }
        : { op, path, baseline: 'members', candidate: '-' };
    for (const member of members) sets.set(member, line);
  }
  return sets;
}

/**
 * Residual changes, one root cause per endpoint template and skeleton change
 * (members added or removed together in one object: one per set, see
 * `memberSets`): a rule that removes one of them (an ignore, a learned noise
 * path) never renames another kind of change.
 */
function structureFindings(endpoint: string, changes: readonly Change[]): Finding[] {
  const byKey = new Map<string, { change: SkeletonChange; paths: string[] }>();
  const sets = memberSets(changes);
  for (const change of changes) {
    const line = sets.get(change) ?? skeletonChange(change);
    const key = JSON.stringify(line);
    const entry = byKey.get(key) ?? { change: line, paths: [] };
    byKey.set(key, entry);
    entry.paths.push(change.path);
  }
  return [...byKey.values()].map(({ change, paths }) =>
    finding({ type: 'structure', endpoint, change }, paths),
  );
}

/** Quoted strings, digit runs and long tokens elided: the shape of a header value, not its data. */
export function headerValueClass(value: string): string {
  const cls = value
    .toLowerCase()
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, '0')
    .split(/([\s,;=])/)
    .map((token) => (token.length > 24 ? '…' : token))
    .join('');
  return cls.length > 60 ? `${cls.slice(0, 59)}…` : cls;
}

function headerFinding(change: HeaderChange, secret: (name: string) => boolean): Finding {
  const { name, baseline, candidate } = change;
  const classOf = (value: string) => (secret(name) ? '[redacted]' : headerValueClass(value));
  if (baseline === undefined || candidate === undefined) {
    const difference = baseline === undefined ? 'missing-in-baseline' : 'missing-in-candidate';
    return finding({ type: 'header', name, difference }, []);
  }
  const classes = [classOf(baseline), classOf(candidate)] as const;
  return finding({ type: 'header', name, difference: 'value', classes }, []);
}

/** The findings of one divergent comparison, in order: status, patterns, body kind, structure, headers. */
export function findingsOf(input: FindingsInput): Finding[] {
  const { comparison, endpoint } = input;
  const { status } = comparison;
  const found: Finding[] = [];
  if (!status.equal) {
    const { baseline, candidate } = status;
    found.push(finding({ type: 'status', endpoint, baseline, candidate }, []));
    // One side accepted what the other rejected: the rest follows from that.
    if (statusClass(status.baseline) !== statusClass(status.candidate)) return found;
  }
  const { matches, unexplained } = recognitionOf(comparison);
  found.push(...patternFindings(matches));
  const kindChange = unexplained.find(isBodyKindChange);
  if (kindChange !== undefined) {
    const cause: RootCause = {
      type: 'body-kind',
      statusClass: statusClass(status.baseline),
      baseline: bodyKindOf(kindChange.baseline),
      candidate: bodyKindOf(kindChange.candidate),
    };
    found.push(finding(cause, ['']));
  }
  const residual = unexplained.filter((change) => change !== kindChange);
  found.push(...structureFindings(endpoint, residual));
  const secret = input.isSecretHeader ?? (() => false);
  // Another body kind comes with another content type: that is the body-kind finding.
  const headers = comparison.headers.filter(
    (change) => kindChange === undefined || change.name !== 'content-type',
  );
  found.push(...headers.map((change) => headerFinding(change, secret)));
  return found;
}
