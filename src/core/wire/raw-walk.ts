/**
 * Walks two scanned JSON documents that parse to equal values and collects the
 * differences of spelling: key order, string escapes, number formats, and the
 * whitespace style. Pure.
 */

import type { EncodingNoteCode } from '../../contract/vocabulary.js';
import { formatPointer } from '../../util/json-pointer.js';
import type { RawDocument, RawEntry, RawNode } from './raw-json.js';

/** One place where the two spellings differ, with short excerpts of each side. */
export interface Difference {
  readonly path: string;
  readonly baseline: string;
  readonly candidate: string;
}

type SpellingCode = Extract<
  EncodingNoteCode,
  'key-order' | 'html-escaping' | 'escaping' | 'number-format' | 'duplicate-key'
>;

/** `\u003c`, `\u003e`, `\u0026` in any hex case: what Go's encoding/json writes by default. */
const HTML_ESCAPE = /\\u00(?:3[cCeE]|26)/g;
const HTML_CHAR: Record<string, string> = { '3c': '<', '3e': '>', '26': '&' };

function unescapeHtml(raw: string): string {
  return raw.replace(HTML_ESCAPE, (m) => HTML_CHAR[m.slice(4).toLowerCase()] ?? m);
}

function countHtml(raw: string): number {
  return raw.match(HTML_ESCAPE)?.length ?? 0;
}

/** Up to `max` characters of `raw` around the first place it differs from `other`. */
function excerpt(raw: string, other: string, max: number): string {
  let i = 0;
  while (i < raw.length && raw[i] === other[i]) i++;
  const start = Math.max(0, i - Math.floor(max / 4));
  const cut = raw.slice(start, start + max);
  return `${start > 0 ? '…' : ''}${cut}${start + max < raw.length ? '…' : ''}`;
}

class Collector {
  readonly found = new Map<SpellingCode, Difference[]>([
    ['key-order', []],
    ['html-escaping', []],
    ['escaping', []],
    ['number-format', []],
    ['duplicate-key', []],
  ]);

  constructor(private readonly max: number) {}

  add(code: SpellingCode, segments: readonly string[], baseline: string, candidate: string): void {
    this.found.get(code)?.push({
      path: formatPointer(segments),
      baseline: excerpt(baseline, candidate, this.max),
      candidate: excerpt(candidate, baseline, this.max),
    });
  }

  strings(segments: readonly string[], baseline: string, candidate: string): void {
    if (baseline === candidate) return;
    // All of the difference is HTML escaping, or part of it (counts differ), or none.
    const onlyHtml = unescapeHtml(baseline) === unescapeHtml(candidate);
    const someHtml = onlyHtml || countHtml(baseline) !== countHtml(candidate);
    if (someHtml) this.add('html-escaping', segments, `"${baseline}"`, `"${candidate}"`);
    if (!onlyHtml) this.add('escaping', segments, `"${baseline}"`, `"${candidate}"`);
  }

  walk(b: RawNode, c: RawNode, segments: string[]): void {
    if (b.type === 'object' && c.type === 'object') this.objects(b.entries, c.entries, segments);
    else if (b.type === 'array' && c.type === 'array') {
      const length = Math.min(b.items.length, c.items.length);
      for (let i = 0; i < length; i++) this.child(b.items[i], c.items[i], segments, String(i));
    } else if (b.type === 'string' && c.type === 'string') this.strings(segments, b.raw, c.raw);
    else if (b.type === 'number' && c.type === 'number' && b.raw !== c.raw) {
      this.add('number-format', segments, b.raw, c.raw);
    }
  }

  private child(b: RawNode | undefined, c: RawNode | undefined, at: string[], name: string) {
    if (b === undefined || c === undefined) return;
    at.push(name);
    this.walk(b, c, at);
    at.pop();
  }

  /** Keys one side writes more often than the other: `"a" ×2` against `"a" ×1`. */
  private duplicates(b: readonly RawEntry[], c: readonly RawEntry[], segments: string[]): void {
    const counts = (entries: readonly RawEntry[]) => {
      const out = new Map<string, number>();
      for (const { key } of entries) out.set(key, (out.get(key) ?? 0) + 1);
      return out;
    };
    const bCounts = counts(b);
    const cCounts = counts(c);
    for (const key of new Set([...bCounts.keys(), ...cCounts.keys()])) {
      const x = bCounts.get(key) ?? 0;
      const y = cCounts.get(key) ?? 0;
      if (x !== y && Math.max(x, y) > 1) {
        const name = JSON.stringify(key);
        this.add('duplicate-key', segments, `${name} ×${x}`, `${name} ×${y}`);
      }
    }
  }

  private objects(b: readonly RawEntry[], c: readonly RawEntry[], segments: string[]): void {
    // On a duplicate key the last member wins, as in JSON.parse.
    const bByKey = new Map(b.map((entry) => [entry.key, entry]));
    const cByKey = new Map(c.map((entry) => [entry.key, entry]));
    if (b.length !== bByKey.size || c.length !== cByKey.size) this.duplicates(b, c, segments);
    const bOrder = [...bByKey.keys()].filter((key) => cByKey.has(key));
    const cOrder = [...cByKey.keys()].filter((key) => bByKey.has(key));
    if (bOrder.some((key, i) => key !== cOrder[i])) {
      this.add('key-order', segments, bOrder.join(', '), cOrder.join(', '));
    }
    for (const [key, entry] of bByKey) {
      const other = cByKey.get(key);
      if (other === undefined) continue;
      segments.push(key);
      this.strings(segments, entry.rawKey, other.rawKey);
      segments.pop();
      this.child(entry.value, other.value, segments, key);
    }
  }
}

/**
 * Spelling differences by code, in vocabulary order (codes without any are left
 * out); each list holds every place, the first one in document order first.
 */
export function rawDifferences(
  baseline: RawNode,
  candidate: RawNode,
  maxExcerpt: number,
): Map<SpellingCode, Difference[]> {
  const collector = new Collector(maxExcerpt);
  collector.walk(baseline, candidate, []);
  return new Map([...collector.found].filter(([, list]) => list.length > 0));
}

/** How a document lays out its tokens: compact, single-line with spaces, or indented. */
function layout(gaps: readonly string[]): string {
  if (gaps.every((gap) => gap === '')) return 'compact';
  const indents = gaps
    .filter((gap) => gap.includes('\n'))
    .map((gap) => gap.slice(gap.lastIndexOf('\n') + 1))
    .filter((indent) => indent !== '');
  if (indents.length === 0) {
    return gaps.some((gap) => gap.includes('\n')) ? 'one token per line' : 'single-line, spaced';
  }
  const unit = indents.reduce((a, b) => (b.length < a.length ? b : a));
  return unit.includes('\t') ? 'indented with tabs' : `indented by ${unit.length}`;
}

function sameGaps(b: readonly string[], c: readonly string[]): boolean {
  if (b.length === c.length) return b.every((gap, i) => gap === c[i]);
  // Different token counts (duplicate keys): compare the runs used, not their places.
  const set = new Set(b);
  return set.size === new Set(c).size && c.every((gap) => set.has(gap));
}

/** A sentence about the whitespace difference (a final newline aside), or undefined. */
export function whitespaceDifference(b: RawDocument, c: RawDocument): string | undefined {
  const trailingB = b.trailing.replace(/\r?\n$/, '');
  const trailingC = c.trailing.replace(/\r?\n$/, '');
  if (sameGaps(b.gaps, c.gaps) && trailingB === trailingC) return undefined;
  const [lb, lc] = [layout(b.gaps), layout(c.gaps)];
  return lb === lc
    ? `whitespace between tokens differs (both ${lb})`
    : `baseline is ${lb}, candidate is ${lc}`;
}
