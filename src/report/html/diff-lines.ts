/**
 * The side-by-side body view of report.html: each body pretty-printed as JSON
 * lines, each line marked when a change touches the value it prints. Built
 * here (typed, tested) so the page's script only has to draw lines. Pure.
 */
import type { Change } from '../../model/comparison.js';

/** How a line is highlighted: removed, added, changed, moved, or not at all. */
export type LineMark = '' | 'del' | 'add' | 'chg' | 'mov';

/** One printed line: `[text, mark]` (a tuple keeps the embedded JSON small). */
export type DiffLine = readonly [text: string, mark: LineMark];

export interface SideLines {
  readonly lines: readonly DiffLine[];
  /** True when the body had more lines than the page shows. */
  readonly cut: boolean;
}

export type Side = 'baseline' | 'candidate';

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

interface Printer {
  readonly marks: ReadonlyMap<string, LineMark>;
  /** The pointers above a marked one (`/a` and `` for `/a/b`): only below them can a line be marked. */
  readonly above: ReadonlySet<string>;
  readonly lines: DiffLine[];
  cut: boolean;
}

function scalar(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function push(printer: Printer, text: string, mark: LineMark): boolean {
  if (printer.lines.length >= MAX_LINES) {
    printer.cut = true;
    return false;
  }
  printer.lines.push([text, mark]);
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
 * is marked: a value's pointer is spelt only where a mark may be), its indent, `label` (`"key": ` for an
 * object member, empty for an array element or the root), the comma after
 * it, and the mark of the container it is in. Passed as arguments, not as an
 * object per value.
 */
function print(
  printer: Printer,
  value: unknown,
  pointer: string | undefined,
  indent: string,
  label: string,
  comma: string,
  inherited: LineMark,
): void {
  const mark = pointer === undefined ? inherited : (printer.marks.get(pointer) ?? inherited);
  // Arrays and objects print their values here, calling only this function
  // again: mutually recursive printers were each optimised by TurboFan with
  // the others inlined, ~130 ms of compilation for a run's first rows.
  if (Array.isArray(value)) {
    if (value.length === 0) push(printer, `${indent}${label}[]${comma}`, mark);
    else if (push(printer, `${indent}${label}[`, mark)) {
      const at = below(printer, pointer);
      const inner = `${indent}  `;
      const last = value.length - 1;
      for (let i = 0; i <= last && !printer.cut; i++) {
        const child = at === undefined ? undefined : `${at}/${i}`;
        print(printer, value[i], child, inner, '', i < last ? ',' : '', mark);
      }
      push(printer, `${indent}]${comma}`, mark);
    }
  } else if (value !== null && typeof value === 'object') {
    // Own enumerable keys, in `Object.entries`' order.
    const keys = Object.keys(value);
    if (keys.length === 0) push(printer, `${indent}${label}{}${comma}`, mark);
    else if (push(printer, `${indent}${label}{`, mark)) {
      const at = below(printer, pointer);
      const inner = `${indent}  `;
      const last = keys.length - 1;
      for (let i = 0; i <= last && !printer.cut; i++) {
        const key = keys[i] ?? '';
        const words = memberWords(key);
        const child = at === undefined ? undefined : `${at}/${words.segment}`;
        const comma = i < last ? ',' : '';
        print(printer, Reflect.get(value, key), child, inner, words.label, comma, mark);
      }
      push(printer, `${indent}}${comma}`, mark);
    }
  } else {
    push(printer, `${indent}${label}${scalar(value)}${comma}`, mark);
  }
}

/**
 * A key's pointer segment and label (`"key": `), by key: the bodies of a run
 * share their keys, so each is escaped and quoted once. Bounded: keys of
 * up to 64 characters, and past `MAX_KEYS` keys the memo starts over.
 */
const KEYS = new Map<string, { readonly segment: string; readonly label: string }>();
const MAX_KEYS = 4096;

function memberWords(key: string): { readonly segment: string; readonly label: string } {
  const known = KEYS.get(key);
  if (known !== undefined) return known;
  const words = { segment: escapeSegment(key), label: `${JSON.stringify(key)}: ` };
  // Long keys (rare, and costly to keep) are not kept.
  if (key.length > 64) return words;
  if (KEYS.size >= MAX_KEYS) KEYS.clear();
  KEYS.set(key, words);
  return words;
}

/**
 * One side's body as marked lines. Text bodies (report.json keeps them as
 * strings) print line by line; a change at the root (`""`) marks them all.
 */
export function bodyLines(body: unknown, changes: readonly Change[], side: Side): SideLines {
  const marks = marksFor(changes, side);
  const printer: Printer = { marks, above: pointersAbove(marks), lines: [], cut: false };
  if (typeof body === 'string') {
    const mark = printer.marks.get('') ?? '';
    for (const line of body.split('\n')) if (!push(printer, line, mark)) break;
  } else {
    print(printer, body, '', '', '', '', '');
  }
  return { lines: printer.lines, cut: printer.cut };
}
