/**
 * Which requests are mirrored: a share of them (`--sample 10%`), drawn at
 * random, or by a hash of one header or query value (`--sample-by
 * header:x-session`), so that every request of one session is mirrored, or
 * none. A request without the value is drawn at random.
 */
import { createHash } from 'node:crypto';
import type { Pairs } from '../../contract/model/case.js';

export interface SampleSpec {
  /** The share kept, 0 to 1. */
  readonly rate: number;
  /** Where the value to hash is. */
  readonly by?: { readonly kind: 'header' | 'query'; readonly name: string } | undefined;
}

/** `10%`, `0.1` or `1` → a share; undefined when it is not one. */
export function parseRate(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === '' || trimmed === '%' || !Number.isFinite(number)) return undefined;
  const rate = percent ? number / 100 : number;
  return rate >= 0 && rate <= 1 ? rate : undefined;
}

/** `header:NAME` or `query:NAME`; undefined when it is neither. */
export function parseSampleBy(text: string): SampleSpec['by'] {
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const name = text.slice(colon + 1).trim();
  if (colon < 0 || name === '' || (kind !== 'header' && kind !== 'query')) return undefined;
  return { kind, name: kind === 'header' ? name.toLowerCase() : name };
}

/** A value's place in [0, 1), the same for the same value in every process. */
function hashShare(value: string): number {
  return createHash('sha256').update(value).digest().readUInt32BE(0) / 2 ** 32;
}

function queryValue(target: string, name: string): string | undefined {
  const q = target.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(target.slice(q + 1)).get(name) ?? undefined;
}

/** Whether a request (its lower-case headers and its target) is mirrored. */
export function sampler(
  spec: SampleSpec,
  random: () => number = Math.random,
): (headers: Pairs, target: string) => boolean {
  const { rate, by } = spec;
  if (rate >= 1) return () => true;
  if (rate <= 0) return () => false;
  return (headers, target) => {
    const value =
      by === undefined
        ? undefined
        : by.kind === 'header'
          ? headers.find(([n]) => n === by.name)?.[1]
          : queryValue(target, by.name);
    return (value === undefined ? random() : hashShare(value)) < rate;
  };
}
