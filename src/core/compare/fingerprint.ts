/**
 * Case-level fingerprints: the same divergence of the same case gives the
 * same 16 hex characters across runs and machines, whatever the values
 * involved (`--compare-to` matches runs by it). The root causes have their
 * own fingerprints (`root-cause.ts`); a case's is built from them.
 */
import * as crypto from 'node:crypto';
import type { SideOutcome } from '../../contract/model/exchange.js';
import type { Finding } from '../../contract/root-cause.js';
import { jsonType } from '../normalise/json.js';
import type { DivergenceInput } from './input.js';
import { isIdKey } from './map-like.js';

/**
 * `wildcardPath` of the paths seen (a pure function of the path): thousands
 * of divergent cases differ at a few paths, and each segment is tried against
 * six patterns. Bounded: past this many paths the memo starts over.
 */
const WILD = new Map<string, string>();
const MAX_WILD = 4096;

/** `/items/3/id` → `/items/*\/id`: numeric segments are taken for array indices. */
export function wildcardPath(path: string): string {
  const known = WILD.get(path);
  if (known !== undefined) return known;
  // Id-like keys (uuids, long hex, `usr_…`) are map keys: one path, not one per id.
  const wild = (segment: string) => /^\d+$/.test(segment) || isIdKey(segment);
  const wildcarded = path
    .split('/')
    .map((segment, n) => (n > 0 && wild(segment) ? '*' : segment))
    .join('/');
  if (WILD.size >= MAX_WILD) WILD.clear();
  WILD.set(path, wildcarded);
  return wildcarded;
}

/** The JSON type of one side of a change, `-` when absent. */
export function sideType(value: unknown): string {
  return value === undefined ? '-' : jsonType(value);
}

function outcomeCode(side: SideOutcome): string {
  return side.outcome === 'transport-error' ? side.error.code : 'response';
}

/** What a case-level fingerprint is computed from. */
export type FingerprintInput =
  | Extract<DivergenceInput, { kind: 'transport' }>
  | {
      readonly kind: 'comparison';
      readonly caseId: string;
      readonly findings: readonly Finding[];
    };

/** The canonical text that is hashed; exported for tests and debugging. */
export function fingerprintSource(input: FingerprintInput): string {
  if (input.kind === 'transport') {
    return JSON.stringify({
      case: input.caseId,
      kinds: ['transport'],
      transport: { baseline: outcomeCode(input.baseline), candidate: outcomeCode(input.candidate) },
    });
  }
  const causes = [...new Set(input.findings.map((f) => f.fingerprint))].sort();
  return JSON.stringify({ case: input.caseId, causes });
}

/**
 * 16 hex characters of sha256 over the case id and its root causes'
 * fingerprints (sorted); for a transport failure, over which side failed and
 * with which code.
 */
export function fingerprint(input: FingerprintInput): string {
  return sha256Hex(fingerprintSource(input)).slice(0, 16);
}

/**
 * sha256 of a string's UTF-8, in hex: one call (`crypto.hash`, Node 20.12+)
 * instead of a Hash object per divergence; the same digest either way.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
