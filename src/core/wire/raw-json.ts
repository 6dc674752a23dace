/**
 * A JSON text as it was written: every string and number keeps its source
 * text, objects keep their key order, and the whitespace between tokens is
 * kept. Used only to explain wire-only differences between two texts that
 * parse to equal values (see `notes.ts`). Pure. Scanned with the lexical
 * pieces `json-scan.ts` uses too (`json-lex.ts`).
 */
import { numberEnd, startsNumber, stringEnd, whitespaceEnd } from './json-lex.js';

/** One node with its source spelling. */
export type RawNode =
  | { readonly type: 'object'; readonly entries: readonly RawEntry[] }
  | { readonly type: 'array'; readonly items: readonly RawNode[] }
  | { readonly type: 'string'; readonly raw: string }
  | { readonly type: 'number'; readonly raw: string }
  | { readonly type: 'literal'; readonly raw: string };

/** An object member: its decoded key, the key as written (without quotes), its value. */
export interface RawEntry {
  readonly key: string;
  readonly rawKey: string;
  readonly value: RawNode;
}

/** A scanned document. */
export interface RawDocument {
  readonly root: RawNode;
  /** Whitespace before the value and between tokens, in order (empty runs included). */
  readonly gaps: readonly string[];
  /** Whitespace after the value. */
  readonly trailing: string;
}

const LITERALS = ['true', 'false', 'null'] as const;

/**
 * Scan a JSON text that `JSON.parse` accepts (the caller has parsed it; on any
 * other text the result is unspecified, but the scanner never loops).
 */
export function readRawJson(text: string): RawDocument {
  let pos = 0;
  const gaps: string[] = [];

  const gap = (): void => {
    const end = whitespaceEnd(text, pos);
    gaps.push(text.slice(pos, end));
    pos = end;
  };
  const string = (): string => {
    const start = pos + 1;
    pos = stringEnd(text, pos);
    return text.slice(start, pos - 1);
  };
  const members = <T>(close: string, item: () => T): T[] => {
    const out: T[] = [];
    pos++;
    gap();
    while (pos < text.length && text[pos] !== close) {
      out.push(item());
      gap();
      if (text[pos] === ',') {
        pos++;
        gap();
      }
    }
    pos++;
    return out;
  };
  const entry = (): RawEntry => {
    const rawKey = string();
    gap();
    pos++; // the colon
    gap();
    return { key: decodeString(rawKey), rawKey, value: node() };
  };
  const node = (): RawNode => {
    const ch = text[pos];
    if (ch === '{') return { type: 'object', entries: members('}', entry) };
    if (ch === '[') return { type: 'array', items: members(']', node) };
    if (ch === '"') return { type: 'string', raw: string() };
    if (startsNumber(text.charCodeAt(pos))) {
      const start = pos;
      pos = numberEnd(text, pos);
      return { type: 'number', raw: text.slice(start, pos) };
    }
    const literal = LITERALS.find((word) => text.startsWith(word, pos)) ?? '';
    pos = literal === '' ? text.length : pos + literal.length;
    return { type: 'literal', raw: literal };
  };

  gap();
  const root = node();
  return { root, gaps, trailing: text.slice(pos) };
}

/** The value of a JSON string body (the text between the quotes). */
export function decodeString(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    const value: unknown = JSON.parse(`"${raw}"`);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}
