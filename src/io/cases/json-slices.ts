/**
 * A JSON case file cut into slices instead of parsed into one tree: the byte
 * range of each top-level member's value, and of each element of `cases`.
 * Each slice is decoded and parsed when it is needed (`JSON.parse` checks it
 * then), so a file of 100k cases is held as its bytes (outside the JS heap),
 * never as a string or a tree of 100k parsed cases. The scanner works on the
 * UTF-8 bytes with the one JSON lexer (`core/wire/json-lex.ts`) and only follows
 * the structure (strings, brackets, commas); it
 * gives up (undefined) on anything that is not a well-formed object with a
 * well-formed `cases` array, and the caller then parses the whole text to say
 * where it is broken. Pure.
 */
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  scalarEndInBytes,
  stringEndInBytes,
  whitespaceEndInBytes,
} from '../../core/wire/json-lex.js';

/** `[start, end)` byte offsets of a value. */
export type Slice = readonly [start: number, end: number];

export interface CaseFileSlices {
  /** Each top-level member's value (the last one wins for a repeated key, as `JSON.parse` does). */
  readonly members: ReadonlyMap<string, Slice>;
  /** The elements of `cases`, as `[start, end)` pairs, when `cases` is an array. */
  readonly items: Uint32Array | undefined;
}

/** Offsets appended two at a time into a typed array that doubles as it fills. */
class GrowingPairs {
  private data = new Uint32Array(256);
  private length = 0;

  push(start: number, end: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = start;
    this.data[this.length++] = end;
  }

  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

class Scanner {
  at = 0;
  constructor(private readonly text: Uint8Array) {}

  code(): number {
    return this.text[this.at] ?? -1;
  }

  skipSpace(): void {
    this.at = whitespaceEndInBytes(this.text, this.at);
  }

  /** Past a string starting at the quote under the cursor; false if it never closes or holds a raw control character. */
  skipString(): boolean {
    const end = stringEndInBytes(this.text, this.at);
    if (end === -1) return false;
    this.at = end;
    return true;
  }

  /** Past one value (its inside is checked by `JSON.parse` later); false on broken structure. */
  skipValue(): boolean {
    const { text } = this;
    const first = this.code();
    if (first === QUOTE) return this.skipString();
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      // A number or a literal: up to the next delimiter.
      const start = this.at;
      this.at = scalarEndInBytes(text, start);
      return this.at > start;
    }
    const closers: number[] = [];
    while (this.at < text.length) {
      const c = this.code();
      if (c === QUOTE) {
        if (!this.skipString()) return false;
        continue;
      }
      if (c === OPEN_OBJECT) closers.push(CLOSE_OBJECT);
      else if (c === OPEN_ARRAY) closers.push(CLOSE_ARRAY);
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (closers.pop() !== c) return false;
        if (closers.length === 0) {
          this.at++;
          return true;
        }
      }
      this.at++;
    }
    return false;
  }

  /** The elements of the array under the cursor, as pairs; undefined on broken structure. */
  elements(): Uint32Array | undefined {
    const pairs = new GrowingPairs();
    this.at++;
    this.skipSpace();
    if (this.code() === CLOSE_ARRAY) {
      this.at++;
      return new Uint32Array(0);
    }
    for (;;) {
      this.skipSpace();
      const start = this.at;
      if (!this.skipValue()) return undefined;
      pairs.push(start, this.at);
      this.skipSpace();
      const c = this.code();
      this.at++;
      if (c === CLOSE_ARRAY) return pairs.done();
      if (c !== COMMA) return undefined;
    }
  }
}

/** A UTF-8 byte order mark, which JSON files written on some systems start with. */
export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * The slices of a JSON object's UTF-8 bytes, or undefined when it is not a
 * well-formed one (`failedAt`, when given, receives the byte offset where the
 * structure broke).
 */
export function sliceCaseFile(
  bytes: Uint8Array,
  failedAt?: (offset: number) => void,
): CaseFileSlices | undefined {
  const scan = new Scanner(bytes);
  const sliced = slice(scan, bytes);
  if (sliced === undefined) failedAt?.(Math.min(scan.at, bytes.length));
  return sliced;
}

function slice(scan: Scanner, bytes: Uint8Array): CaseFileSlices | undefined {
  const decoder = new TextDecoder();
  scan.at = bomLength(bytes);
  scan.skipSpace();
  if (scan.code() !== OPEN_OBJECT) return undefined;
  scan.at++;
  const members = new Map<string, Slice>();
  let items: Uint32Array | undefined;
  scan.skipSpace();
  if (scan.code() === CLOSE_OBJECT) scan.at++;
  else {
    for (;;) {
      scan.skipSpace();
      const keyStart = scan.at;
      if (scan.code() !== QUOTE || !scan.skipString()) return undefined;
      const key = parseKey(decoder.decode(bytes.subarray(keyStart, scan.at)));
      if (key === undefined) return undefined;
      scan.skipSpace();
      if (scan.code() !== COLON) return undefined;
      scan.at++;
      scan.skipSpace();
      const start = scan.at;
      if (key === 'cases' && scan.code() === OPEN_ARRAY) {
        items = scan.elements();
        if (items === undefined) return undefined;
      } else {
        if (key === 'cases') items = undefined;
        if (!scan.skipValue()) return undefined;
      }
      members.set(key, [start, scan.at]);
      scan.skipSpace();
      const c = scan.code();
      scan.at++;
      if (c === CLOSE_OBJECT) break;
      if (c !== COMMA) return undefined;
    }
  }
  scan.skipSpace();
  return scan.at === bytes.length ? { members, items } : undefined;
}

function parseKey(literal: string): string | undefined {
  try {
    const key: unknown = JSON.parse(literal);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
