/**
 * Bounded copies of server values for the reports. A report keeps every
 * divergent case's bodies and changes; without a bound, one 16 MB body is
 * copied into each report format. A preview keeps the first members and
 * elements of a value, breadth first, up to a number of values and of
 * characters, and marks each container it cut with the count of what it left
 * out. The walk keeps its own queue (no recursion) and reads own members only.
 * Pure.
 */
import { createHash } from 'node:crypto';
import { isJsonObject } from '../normalise/json.js';
import { headOf } from '../util/text.js';
import { isExactNumber } from '../wire/exact-number.js';
import { ownValue } from '../wire/json-equal.js';

/** How much of a value a preview keeps. */
export interface PreviewBudget {
  /** Values kept (members and elements, containers included). */
  readonly nodes: number;
  /** Characters kept of each string (keys and values). */
  readonly chars: number;
  /** Characters kept over all strings; once spent, strings keep 16 characters. */
  readonly totalChars: number;
}

/** The member a cut object gets, holding how many members were left out. */
export const CUT_KEY = '…';

/** A string cut to `max` characters (ending in `…`). */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${headOf(text, Math.max(0, max - 1))}…`;
}

/** A number's text past `max` digits as its first ones and its length: `7777…(5,000,000 digits)`. */
export function cutNumber(text: string, max: number): string {
  return `${headOf(text, max)}…(${text.length.toLocaleString('en-US')} digits)`;
}

/** Sets an own member (a `__proto__` key stays a member, never the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // A plain assignment defines the same own member (in the same order) for any
  // other key, and costs a fraction of `defineProperty`.
  if (key !== '__proto__') {
    target[key] = value;
    return;
  }
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

interface Pending {
  readonly source: unknown;
  readonly assign: (value: unknown) => void;
}

/**
 * A copy of `value` with at most `budget.nodes` values; containers cut short
 * end with a marker (`"…": "12 more members"` in an object, `"… 12 more
 * elements"` as the last element of an array). `cut` says whether anything
 * was left out.
 */
export function previewValue(
  value: unknown,
  budget: PreviewBudget,
): { readonly value: unknown; readonly cut: boolean } {
  // Most values fit: their preview is the value itself (never changed), and copying it is waste.
  if (fitsWhole(value, budget)) return { value, cut: false };
  let result: unknown;
  let left = budget.nodes;
  let chars = budget.totalChars;
  let cut = false;
  const keep = (text: string): string => {
    const max = Math.max(16, Math.min(budget.chars, chars));
    const kept = cutText(text, max);
    chars -= kept.length;
    if (kept !== text) cut = true;
    return kept;
  };
  const queue: Pending[] = [
    {
      source: value,
      assign: (v) => {
        result = v;
      },
    },
  ];
  for (let head = 0; head < queue.length; head++) {
    const { source, assign } = queue[head] as Pending;
    if (typeof source === 'string') {
      assign(keep(source));
    } else if (Array.isArray(source)) {
      const out: unknown[] = [];
      assign(out);
      const kept = Math.max(0, Math.min(source.length, left));
      left -= kept;
      for (let i = 0; i < kept; i++) {
        out.push(null);
        queue.push({
          source: source[i],
          assign: (v) => {
            out[i] = v;
          },
        });
      }
      if (kept < source.length) {
        cut = true;
        out.push(`${CUT_KEY} ${source.length - kept} more elements`);
      }
    } else if (isJsonObject(source)) {
      const out: Record<string, unknown> = {};
      assign(out);
      const keys = Object.keys(source);
      const kept = Math.max(0, Math.min(keys.length, left));
      left -= kept;
      for (let k = 0; k < kept; k++) {
        const key = keys[k] as string;
        const name = keep(key);
        define(out, name, null);
        queue.push({ source: ownValue(source, key), assign: (v) => define(out, name, v) });
      }
      if (kept < keys.length) {
        cut = true;
        define(out, CUT_KEY, `${keys.length - kept} more members`);
      }
    } else if (isExactNumber(source) && source.text.length > budget.chars) {
      // A 5-million-digit number: its first digits, as text, and how many there were.
      cut = true;
      assign(cutNumber(source.text, budget.chars));
    } else {
      assign(source);
    }
  }
  return { value: result, cut };
}

/**
 * True when `previewValue` would keep all of `value`: the same walk (breadth
 * first, the same budgets spent in the same order) that copies nothing and
 * stops at the first thing it would cut.
 */
function fitsWhole(value: unknown, budget: PreviewBudget): boolean {
  let left = budget.nodes;
  let chars = budget.totalChars;
  const fits = (text: string): boolean => {
    if (text.length > Math.max(16, Math.min(budget.chars, chars))) return false;
    chars -= text.length;
    return true;
  };
  const long = (source: unknown) => isExactNumber(source) && source.text.length > budget.chars;
  if (long(value)) return false;
  if (typeof value !== 'object' || value === null) return typeof value !== 'string' || fits(value);
  const queue: unknown[] = [value];
  for (let head = 0; head < queue.length; head++) {
    const source = queue[head];
    if (typeof source === 'string') {
      if (!fits(source)) return false;
    } else if (long(source)) {
      return false;
    } else if (Array.isArray(source)) {
      if (source.length > left) return false;
      left -= source.length;
      for (let i = 0; i < source.length; i++) queue.push(source[i]);
    } else if (isJsonObject(source)) {
      const keys = Object.keys(source);
      if (keys.length > left) return false;
      left -= keys.length;
      for (const key of keys) {
        if (!fits(key)) return false;
        queue.push(ownValue(source, key));
      }
    }
  }
  return true;
}

/** Hex sha256 of a text's UTF-8 bytes. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
