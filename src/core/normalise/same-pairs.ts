/**
 * The same two values again: a pair of values (the baseline's, the
 * candidate's) the run found per-instance at one place, with evidence
 * (`generated.ts`, `changed.ts`), is per-instance wherever else the two sides
 * answer that same pair at one place: a server's uuid and version in its root
 * document, and again in its configuration or in a nested `vendor` object; a
 * revision found generated in a write, and again in a list; two keys a
 * later echo proved each side drew (`references.ts`), in another flow's list.
 * Only id-like values count (a UUID, a revision, hex digits, a release
 * version, a token: `idFormat`; or keys an echo proved), never a number, a
 * word or a flag, which two places share by chance. The memory is kept over the whole run and used once every answer is
 * in, so the order in which answers came back changes nothing. Pure, but for
 * the memory (`createSamePairs`).
 */

import { placeOfEntry } from '../../contract/model/entries.js';
import type { Exchange } from '../../contract/model/exchange.js';
import { valueAtPointer } from '../../util/json-pointer.js';
import { GENERATED_TOKEN, idFormat } from './generated.js';
import { structuredBody } from './sequence-walk.js';

/** Where a pair was first found per-instance. */
export interface PairOrigin {
  readonly caseId: string;
  readonly path: string;
}

/** The most pairs a run remembers. */
const MAX_PAIRS = 10_000;

export interface SamePairs {
  /**
   * Remembers the pairs `masked` (the exchange after `maskGeneratedValues`
   * and the second look) lists in `generated`, read from `before` (the same
   * exchange before those masks).
   */
  add(before: Exchange, masked: Exchange): void;
  /**
   * Remembers a pair a later echo proved per-instance where it first
   * appeared (`references.ts`): drawn keys of a list, whatever they hold.
   */
  addProven(pair: { readonly baseline: string; readonly candidate: string } & PairOrigin): void;
  /** Where the run found `baseline` and `candidate` per-instance, if it did, at another place than `path` of `caseId`. */
  originOf(
    baseline: unknown,
    candidate: unknown,
    caseId: string,
    path: string,
  ): PairOrigin | undefined;
}

const keyOf = (a: string, b: string) => `${a}\u0000${b}`;

export function createSamePairs(): SamePairs {
  const pairs = new Map<string, PairOrigin[]>();
  let size = 0;
  const remember = (a: string, b: string, origin: PairOrigin) => {
    const key = keyOf(a, b);
    const origins = pairs.get(key) ?? [];
    if (
      origins.length >= 2 ||
      origins.some((o) => o.caseId === origin.caseId && o.path === origin.path)
    ) {
      return;
    }
    origins.push(origin);
    pairs.set(key, origins);
    size++;
  };
  return {
    addProven({ baseline, candidate, caseId, path }) {
      if (size >= MAX_PAIRS || baseline === candidate) return;
      remember(baseline, candidate, { caseId, path: path === '' ? '/' : path });
    },
    add(before, masked) {
      const entries = masked.generated;
      if (entries === undefined || entries.length === 0 || size >= MAX_PAIRS) return;
      const left = structuredBody(before.baseline);
      const right = structuredBody(before.candidate);
      if (left === undefined || right === undefined) return;
      for (const entry of entries) {
        const path = placeOfEntry(entry);
        const a = safeAt(left.value, path);
        const b = safeAt(right.value, path);
        if (typeof a !== 'string' || typeof b !== 'string' || a === b) continue;
        if (a === GENERATED_TOKEN || idFormat(a) === undefined || idFormat(b) === undefined)
          continue;
        remember(a, b, { caseId: before.case.id, path: path === '' ? '/' : path });
      }
    },
    originOf(baseline, candidate, caseId, path) {
      if (typeof baseline !== 'string' || typeof candidate !== 'string') return undefined;
      const at = path === '' ? '/' : path;
      return pairs
        .get(keyOf(baseline, candidate))
        ?.find((o) => o.caseId !== caseId || o.path !== at);
    },
  };
}

function safeAt(root: unknown, pointer: string): unknown {
  try {
    const found = valueAtPointer(root, pointer);
    return found.found ? found.value : undefined;
  } catch {
    return undefined;
  }
}
