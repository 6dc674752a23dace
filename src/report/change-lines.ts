/** Plain-text diff lines for a result's body changes (`- /path: …`, `+ /path: …`). Pure. */
import type { Change, HeaderChange } from '../model/comparison.js';
import { preview } from '../wire/display.js';

/** `-`/`+`/`~` lines, one or two per change; values cut to `max` characters. */
export function changeLines(changes: readonly Change[], max = 200): string[] {
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
        lines.push(`- ${path}: ${preview(change.baseline, max)}`);
        lines.push(`+ ${path}: ${preview(change.candidate, max)}`);
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
