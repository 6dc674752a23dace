/**
 * Plain-text diff lines for a result's body changes (`- /path: …`,
 * `+ /path: …`). Two values never read alike: past the preview's length the
 * lines show both around where they first differ, and two values that
 * display the same (each side's secret hidden as `{{key}}`) say so. Pure.
 */

import type { Change, HeaderChange } from '../../contract/observation.js';
import { displayJson, preview } from '../../core/wire/display.js';

function fullText(value: unknown): string {
  return value === undefined ? '(absent)' : (displayJson(value) ?? String(value));
}

/** `text` cut to `max` characters from `start`, with `…` where it was cut. */
function windowOf(text: string, start: number, max: number): string {
  const head = start > 0 ? '…' : '';
  const room = max - head.length;
  const body = text.slice(start, start + room);
  return start + room < text.length ? `${head}${body.slice(0, -1)}…` : `${head}${body}`;
}

/**
 * Where two values first differ: in the strings themselves when both are
 * strings (as the explanation counts, `Body text differs from character N`),
 * else in their display (`displayAt`).
 */
function firstDifference(baseline: unknown, candidate: unknown, displayAt: number): number {
  if (typeof baseline !== 'string' || typeof candidate !== 'string') return displayAt;
  let at = 0;
  while (at < baseline.length && baseline[at] === candidate[at]) at++;
  return at;
}

/** The `-`/`+` pair of a changed value, and a line saying why when the two would read alike. */
function pairLines(path: string, baseline: unknown, candidate: unknown, max: number): string[] {
  const b = preview(baseline, max);
  const c = preview(candidate, max);
  if (b !== c) return [`- ${path}: ${b}`, `+ ${path}: ${c}`];
  const fb = fullText(baseline);
  const fc = fullText(candidate);
  if (fb === fc) {
    const secret = /\{\{[^{}]+\}\}|\[redacted\]/.test(fb);
    const why = secret
      ? 'the values differ, but each side holds a secret, hidden alike'
      : 'the values differ in what this display does not show';
    return [`- ${path}: ${b}`, `+ ${path}: ${c}`, `  (${why})`];
  }
  let at = 0;
  while (fb[at] === fc[at]) at++;
  const start = Math.max(0, at - Math.floor(max / 4));
  return [
    `- ${path}: ${windowOf(fb, start, max)}`,
    `+ ${path}: ${windowOf(fc, start, max)}`,
    `  (they first differ at character ${firstDifference(baseline, candidate, at) + 1})`,
  ];
}

/**
 * The lines of the changes listed, by their list: report.md and report.html
 * render the same results, so each result's lines are worked out once (for
 * the default width). Weak: the lines go with the results.
 */
const LINES = new WeakMap<readonly Change[], readonly string[]>();

/** `-`/`+`/`~` lines, one or two per change; values cut to `max` characters. */
export function changeLines(changes: readonly Change[], max = 200): readonly string[] {
  if (max !== 200) return linesOf(changes, max);
  const known = LINES.get(changes);
  if (known !== undefined) return known;
  const lines = linesOf(changes, max);
  LINES.set(changes, lines);
  return lines;
}

function linesOf(changes: readonly Change[], max: number): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    const path = change.path === '' ? '(body)' : change.path;
    switch (change.op) {
      case 'added':
        lines.push(`+ ${path}: ${preview(change.candidate, max)}`);
        break;
      case 'removed':
        lines.push(`- ${path}: ${preview(change.baseline, max)}`);
        break;
      case 'moved':
        lines.push(
          `~ ${path}: moved from index ${preview(change.baseline)} to ${preview(change.candidate)}`,
        );
        break;
      case 'type':
      case 'value':
        lines.push(...pairLines(path, change.baseline, change.candidate, max));
        break;
      default: {
        const never: never = change.op;
        throw new Error(`unknown change op ${String(never)}`);
      }
    }
  }
  return lines;
}

/** `header x-id: "a" → (absent)` lines. */
export function headerLines(changes: readonly HeaderChange[]): string[] {
  return changes.map(
    (h) =>
      `header ${h.name}: ${h.baseline === undefined ? '(absent)' : JSON.stringify(h.baseline)} → ${
        h.candidate === undefined ? '(absent)' : JSON.stringify(h.candidate)
      }`,
  );
}
