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

interface At {
  readonly pointer: string;
  readonly indent: string;
  /** `"key": ` for an object member, empty for an array element or the root. */
  readonly label: string;
  readonly comma: string;
  readonly inherited: LineMark;
}

function print(printer: Printer, value: unknown, at: At): void {
  const mark = printer.marks.get(at.pointer) ?? at.inherited;
  if (Array.isArray(value)) {
    if (value.length === 0) push(printer, `${at.indent}${at.label}[]${at.comma}`, mark);
    else printArray(printer, value, at, mark);
  } else if (value !== null && typeof value === 'object') {
    // Own enumerable keys, in `Object.entries`' order.
    const keys = Object.keys(value);
    if (keys.length === 0) push(printer, `${at.indent}${at.label}{}${at.comma}`, mark);
    else printObject(printer, value, keys, at, mark);
  } else {
    push(printer, `${at.indent}${at.label}${scalar(value)}${at.comma}`, mark);
  }
}

function printArray(printer: Printer, value: readonly unknown[], at: At, mark: LineMark): void {
  if (!push(printer, `${at.indent}${at.label}[`, mark)) return;
  const indent = `${at.indent}  `;
  const last = value.length - 1;
  for (let i = 0; i <= last && !printer.cut; i++) {
    print(printer, value[i], {
      pointer: `${at.pointer}/${i}`,
      indent,
      label: '',
      comma: i < last ? ',' : '',
      inherited: mark,
    });
  }
  push(printer, `${at.indent}]${at.comma}`, mark);
}

function printObject(
  printer: Printer,
  value: object,
  keys: readonly string[],
  at: At,
  mark: LineMark,
): void {
  if (!push(printer, `${at.indent}${at.label}{`, mark)) return;
  const indent = `${at.indent}  `;
  const last = keys.length - 1;
  for (let i = 0; i <= last && !printer.cut; i++) {
    const key = keys[i] ?? '';
    print(printer, Reflect.get(value, key), {
      pointer: `${at.pointer}/${escapeSegment(key)}`,
      indent,
      label: `${JSON.stringify(key)}: `,
      comma: i < last ? ',' : '',
      inherited: mark,
    });
  }
  push(printer, `${at.indent}}${at.comma}`, mark);
}

/**
 * One side's body as marked lines. Text bodies (report.json keeps them as
 * strings) print line by line; a change at the root (`""`) marks them all.
 */
export function bodyLines(body: unknown, changes: readonly Change[], side: Side): SideLines {
  const printer: Printer = { marks: marksFor(changes, side), lines: [], cut: false };
  if (typeof body === 'string') {
    const mark = printer.marks.get('') ?? '';
    for (const line of body.split('\n')) if (!push(printer, line, mark)) break;
  } else {
    print(printer, body, { pointer: '', indent: '', label: '', comma: '', inherited: '' });
  }
  return { lines: printer.lines, cut: printer.cut };
}
