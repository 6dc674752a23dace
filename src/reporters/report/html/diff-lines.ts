/**
 * The side-by-side body view of report.html: each body pretty-printed as JSON
 * lines, each line marked when a change touches the value it prints. Built
 * here (typed, tested) so the page's script only has to draw lines. Pure.
 */

import type { Side } from '../../../contract/model/runtime.js';
import type { Change } from '../../../contract/observation.js';

/** How a line is highlighted: removed, added, changed, moved, or not at all. */
export type LineMark = '' | 'del' | 'add' | 'chg' | 'mov';

/** One printed line: `[text, mark]` (a tuple keeps the embedded JSON small). */
export type DiffLine = readonly [text: string, mark: LineMark];

export interface SideLines {
  readonly lines: readonly DiffLine[];
  /** True when the body had more lines than the page shows. */
  readonly cut: boolean;
}

/** Lines per side shown in the page; report.json keeps the whole body. */
export const MAX_LINES = 2000;
/** Characters of one string value shown on its line. */
const MAX_VALUE = 2000;

function escapeSegment(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function parentOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

/** The pointers a side's changes touch, with the mark their lines get. */
export function marksFor(changes: readonly Change[], side: Side): Map<string, LineMark> {
  const marks = new Map<string, LineMark>();
  for (const change of changes) {
    switch (change.op) {
      case 'removed':
        if (side === 'baseline') marks.set(change.path, 'del');
        break;
      case 'added':
        if (side === 'candidate') marks.set(change.path, 'add');
        break;
      case 'type':
      case 'value':
        marks.set(change.path, 'chg');
        break;
      case 'moved':
        // The path holds the baseline index; `candidate` is the index it moved to.
        if (side === 'baseline') marks.set(change.path, 'mov');
        else if (typeof change.candidate === 'number') {
          marks.set(`${parentOf(change.path)}/${change.candidate}`, 'mov');
        }
        break;
      default: {
        const never: never = change.op;
        throw new Error(`unknown change op ${String(never)}`);
      }
    }
  }
  return marks;
}

/**
 * Where printed lines go: as `[text, mark]` tuples (`lines`), or as the JSON
 * text of each tuple (`json`), which report.html embeds as it is. The JSON
 * sink writes the text `JSON.stringify` would write of the tuples, from the
 * pieces of each line: a key's label escaped once per key, a number or a
 * boolean as it is, a string's JSON escaped only where it holds a backslash
 * or a quote. A row's body lines were most of what embedding it cost
 * (`JSON.stringify` looked up `toJSON` on every tuple, and flattened and
 * escaped every line).
 */
interface Printer {
  readonly marks: ReadonlyMap<string, LineMark>;
  /** The pointers above a marked one (`/a` and `` for `/a/b`): only below them can a line be marked. */
  readonly above: ReadonlySet<string>;
  readonly lines: DiffLine[] | undefined;
  readonly json: string[] | undefined;
  count: number;
  cut: boolean;
  /** Characters of lines' JSON the side may still take (`bodyLinesJson`'s `maxChars`). */
  room: number;
}

/** A key's pointer segment, its label (`"key": `) and the label as it reads inside a JSON string. */
interface KeyWords {
  readonly segment: string;
  readonly label: string;
  readonly json: string;
}

/** An array element's and the root's: no label. */
const NO_KEY: KeyWords = Object.freeze({ segment: '', label: '', json: '' });

/**
 * A leaf as `JSON.stringify` writes it. A number, a boolean and null are
 * spelt without it: each call of the builtin costs ~1,000 instructions of
 * entry and exit, most of what a bench row's leaves cost (a test holds this
 * to `JSON.stringify` on every kind of leaf).
 */
export function scalarJson(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  return JSON.stringify(value) ?? String(value);
}

function scalar(value: unknown): string {
  const text = scalarJson(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** `text` as it reads inside a JSON string (`JSON.stringify(text)` without its quotes). */
function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * A leaf's printed text (`scalar(value)`) as it reads inside a JSON string.
 * A number, a boolean or null needs no escape. A string's whole JSON (not cut)
 * holds no control character and no lone surrogate (`JSON.stringify` escapes
 * them, with a backslash), and any quote inside it is escaped with one too:
 * without a backslash, its only quotes are its first and last characters.
 * Anything else (a cut text may end in half a surrogate pair) is escaped whole.
 */
function leafInJson(value: unknown, text: string): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return text;
  if (typeof value !== 'string' || text.length > MAX_VALUE || text.includes('\\')) {
    return inJson(text);
  }
  return `\\"${text.slice(1, -1)}\\"`;
}

/**
 * Adds the line `indent + key.label + middle + comma` with `mark`: as a tuple,
 * or as its JSON (`middleJson`: `middle` as it reads inside a JSON string).
 */
function push(
  printer: Printer,
  indent: string,
  key: KeyWords,
  middle: string,
  middleJson: string,
  comma: string,
  mark: LineMark,
): boolean {
  if (printer.count >= MAX_LINES) {
    printer.cut = true;
    return false;
  }
  if (printer.json !== undefined) {
    const line = `["${indent}${key.json}${middleJson}${comma}","${mark}"]`;
    if (line.length >= printer.room) {
      printer.cut = true;
      return false;
    }
    printer.room -= line.length + 1;
    printer.count++;
    printer.json.push(line);
  } else {
    printer.count++;
    printer.lines?.push([`${indent}${key.label}${middle}${comma}`, mark]);
  }
  return true;
}

/** Adds one line of a text body (`line`, whatever it holds). */
function pushText(printer: Printer, line: string, mark: LineMark): boolean {
  if (printer.count >= MAX_LINES) {
    printer.cut = true;
    return false;
  }
  if (printer.json !== undefined) {
    const json = `[${JSON.stringify(line)},"${mark}"]`;
    if (json.length >= printer.room) {
      printer.cut = true;
      return false;
    }
    printer.room -= json.length + 1;
    printer.json.push(json);
  } else printer.lines?.push([line, mark]);
  printer.count++;
  return true;
}

/** Every pointer a marked pointer is below: `/a/b` is below `/a` and the root, ``. */
function pointersAbove(marks: ReadonlyMap<string, LineMark>): Set<string> {
  const above = new Set<string>();
  for (const pointer of marks.keys()) {
    for (let at = pointer.indexOf('/'); at !== -1; at = pointer.indexOf('/', at + 1)) {
      above.add(pointer.slice(0, at));
    }
  }
  return above;
}

/** A container's pointer when a marked pointer is below it, else undefined: its values inherit its mark. */
function below(printer: Printer, pointer: string | undefined): string | undefined {
  return pointer !== undefined && printer.above.has(pointer) ? pointer : undefined;
}

/**
 * Where a value prints: its pointer (undefined when nothing below its parent
 * is marked: a value's pointer is spelt only where a mark may be), its indent, `key` (`"key": ` for an
 * object member, none for an array element or the root), the comma after
 * it, and the mark of the container it is in. Passed as arguments, not as an
 * object per value.
 */
function print(
  printer: Printer,
  value: unknown,
  pointer: string | undefined,
  indent: string,
  key: KeyWords,
  comma: string,
  inherited: LineMark,
): void {
  const mark = pointer === undefined ? inherited : (printer.marks.get(pointer) ?? inherited);
  // Arrays and objects print their values here, calling only this function
  // again: mutually recursive printers were each optimised by TurboFan with
  // the others inlined, ~130 ms of compilation for a run's first rows.
  if (Array.isArray(value)) {
    if (value.length === 0) push(printer, indent, key, '[]', '[]', comma, mark);
    else if (push(printer, indent, key, '[', '[', '', mark)) {
      const at = below(printer, pointer);
      const inner = `${indent}  `;
      const last = value.length - 1;
      for (let i = 0; i <= last && !printer.cut; i++) {
        const child = at === undefined ? undefined : `${at}/${i}`;
        print(printer, value[i], child, inner, NO_KEY, i < last ? ',' : '', mark);
      }
      push(printer, indent, NO_KEY, ']', ']', comma, mark);
    }
  } else if (value !== null && typeof value === 'object') {
    // Own enumerable keys, in `Object.entries`' order.
    const keys = Object.keys(value);
    if (keys.length === 0) push(printer, indent, key, '{}', '{}', comma, mark);
    else if (push(printer, indent, key, '{', '{', '', mark)) {
      const at = below(printer, pointer);
      const inner = `${indent}  `;
      const last = keys.length - 1;
      for (let i = 0; i <= last && !printer.cut; i++) {
        const name = keys[i] ?? '';
        const words = memberWords(name);
        const child = at === undefined ? undefined : `${at}/${words.segment}`;
        const comma = i < last ? ',' : '';
        print(printer, Reflect.get(value, name), child, inner, words, comma, mark);
      }
      push(printer, indent, NO_KEY, '}', '}', comma, mark);
    }
  } else {
    const text = scalar(value);
    const json = printer.json === undefined ? '' : leafInJson(value, text);
    push(printer, indent, key, text, json, comma, mark);
  }
}

/**
 * A key's pointer segment and label (`"key": `), by key: the bodies of a run
 * share their keys, so each is escaped and quoted once. Bounded: keys of
 * up to 64 characters, and past `MAX_KEYS` keys the memo starts over.
 */
const KEYS = new Map<string, KeyWords>();
const MAX_KEYS = 4096;

function memberWords(key: string): KeyWords {
  const known = KEYS.get(key);
  if (known !== undefined) return known;
  const label = `${JSON.stringify(key)}: `;
  const words = { segment: escapeSegment(key), label, json: inJson(label) };
  // Long keys (rare, and costly to keep) are not kept.
  if (key.length > 64) return words;
  if (KEYS.size >= MAX_KEYS) KEYS.clear();
  KEYS.set(key, words);
  return words;
}

/** A printer of `side`'s lines into `lines` or `json`. */
function printerOf(
  changes: readonly Change[],
  side: Side,
  lines: DiffLine[] | undefined,
  json: string[] | undefined,
  room = Number.POSITIVE_INFINITY,
): Printer {
  const marks = marksFor(changes, side);
  return { marks, above: pointersAbove(marks), lines, json, count: 0, cut: false, room };
}

/** Prints `body` (text bodies line by line; a change at the root, `""`, marks them all). */
function printBody(printer: Printer, body: unknown): void {
  if (typeof body === 'string') {
    const mark = printer.marks.get('') ?? '';
    for (const line of body.split('\n')) if (!pushText(printer, line, mark)) break;
  } else {
    print(printer, body, '', '', NO_KEY, '', '');
  }
}

/**
 * One side's body as marked lines. Text bodies (report.json keeps them as
 * strings) print line by line; a change at the root (`""`) marks them all.
 */
export function bodyLines(body: unknown, changes: readonly Change[], side: Side): SideLines {
  const lines: DiffLine[] = [];
  const printer = printerOf(changes, side, lines, undefined);
  printBody(printer, body);
  return { lines, cut: printer.cut };
}

/**
 * `JSON.stringify(bodyLines(body, changes, side))`, written from the lines'
 * pieces (see `Printer`). With `maxChars`, the lines stop (`cut`) before their
 * JSON would take that many characters: report.html's bound on one case
 * (`row-bound.ts`).
 */
export function bodyLinesJson(
  body: unknown,
  changes: readonly Change[],
  side: Side,
  maxChars?: number,
): string {
  const json: string[] = [];
  const printer = printerOf(changes, side, undefined, json, maxChars);
  printBody(printer, body);
  return `{"lines":[${json.join(',')}],"cut":${printer.cut}}`;
}
