/**
 * Stable fingerprints: the same divergence gives the same 16 hex characters
 * across runs and machines, whatever the values involved.
 */
import { createHash } from 'node:crypto';
import type { Change } from '../model/comparison.js';
import type { SideOutcome } from '../model/exchange.js';
import { isJsonObject, jsonType } from '../normalise/json.js';
import { isBodyKindChange } from './explain-shape.js';
import type { DivergenceInput } from './input.js';
import { isIdKey } from './map-like.js';
import { fullyExplained, patternKeys, recognitionOf } from './patterns/registry.js';

/** `/items/3/id` → `/items/*\/id`: numeric segments are taken for array indices. */
export function wildcardPath(path: string): string {
  // Id-like keys (uuids, long hex, `usr_…`) are map keys: one path, not one per id.
  const wild = (segment: string) => /^\d+$/.test(segment) || isIdKey(segment);
  return path
    .split('/')
    .map((segment, n) => (n > 0 && wild(segment) ? '*' : segment))
    .join('/');
}

function sideType(value: unknown, bodyKind: boolean): string {
  if (value === undefined) return '-';
  // Body-kind changes carry descriptors: the kinds, not the object type, are the skeleton.
  if (bodyKind && isJsonObject(value))
    return `${String(value['kind'])}:${String(value['type'] ?? '')}`;
  return jsonType(value);
}

/** One skeleton line per change: op, wildcard path and the JSON types of both sides. */
export function skeletonOf(changes: readonly Change[]): string[] {
  const lines = new Set<string>();
  for (const change of changes) {
    const bodyKind = isBodyKindChange(change);
    const types = `${sideType(change.baseline, bodyKind)} ${sideType(change.candidate, bodyKind)}`;
    lines.add(`${change.op} ${wildcardPath(change.path)} ${types}`);
  }
  return [...lines].sort();
}

function outcomeCode(side: SideOutcome): string {
  return side.outcome === 'transport-error' ? side.error.code : 'response';
}

/** The canonical text that is hashed; exported for tests and debugging. */
export function fingerprintSource(input: DivergenceInput): string {
  if (input.kind === 'transport') {
    return JSON.stringify({
      case: input.caseId,
      kinds: ['transport'],
      transport: { baseline: outcomeCode(input.baseline), candidate: outcomeCode(input.candidate) },
    });
  }
  const { comparison } = input;
  if (fullyExplained(comparison)) {
    // One root cause, one decision: no case id, no endpoint, no values or variants.
    return JSON.stringify({
      patterns: patternKeys(recognitionOf(comparison).matches),
      kinds: input.kinds,
      status: null,
    });
  }
  return JSON.stringify({
    case: input.caseId,
    kinds: input.kinds,
    status: comparison.status.equal
      ? null
      : [comparison.status.baseline, comparison.status.candidate],
    headers: comparison.headers.map((h) => h.name).sort(),
    body: skeletonOf(comparison.body),
  });
}

/**
 * 16 hex characters of sha256 over the case id, the kinds, the status pair (if
 * it differs), the changed header names and the change skeleton (op, path with
 * indices as `*`, JSON types — never values); for transport failures, which
 * side failed and with which code. When recognised patterns explain every
 * change (same status, no header change), over the patterns' root-cause keys
 * and the kinds instead, so one root cause is one fingerprint across cases and
 * endpoints.
 */
export function fingerprint(input: DivergenceInput): string {
  return createHash('sha256').update(fingerprintSource(input)).digest('hex').slice(0, 16);
}
