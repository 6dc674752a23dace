/**
 * Where a validation error of the OpenAPI parser is in the document. The
 * parser's message shows a code frame of the document as
 * `JSON.stringify(tree, null, 2)`, its line marked `> 17 |`; the same
 * printing of the validated tree says which member starts on that line, and
 * that path is placed in the file as written (YAML or JSON). Pure.
 */
import { LineCounter, parseDocument } from 'yaml';
import { formatField, positionOfPath } from '../../util/positions.js';

type Path = readonly (string | number)[];

/** The largest document whose errors are placed (a YAML reading of 13 MB takes most of a minute). */
const MAX_PLACED_TEXT = 2 * 1024 * 1024;

/** The path of the value each line of `JSON.stringify(value, null, 2)` starts, by line (0-based). */
function linePaths(value: unknown): Path[] {
  const lines: Path[] = [];
  const walk = (node: unknown, path: Path): void => {
    if (Array.isArray(node)) {
      if (node.length === 0) return;
      node.forEach((item, index) => {
        lines.push([...path, index]);
        walk(item === undefined || typeof item === 'function' ? null : item, [...path, index]);
      });
      lines.push(path); // the closing bracket
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const entries = Object.entries(node).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) return;
    for (const [key, item] of entries) {
      lines.push([...path, key]);
      walk(item, [...path, key]);
    }
    lines.push(path);
  };
  lines.push([]);
  walk(value, []);
  return lines;
}

/** The line the parser's code frame marks (`> 17 |`), 1-based. */
function markedLine(message: string): number | undefined {
  const found = /^>\s*(\d+)\s*\|/m.exec(message);
  return found === null ? undefined : Number(found[1]);
}

/** The field and position of the error `message` names, when its frame says. */
export function errorPlace(
  message: string,
  tree: unknown,
  text: string,
): { field: string; line: number; column: number } | undefined {
  const line = markedLine(message);
  // Placing reads the text as YAML, slow for a document of many MB: those keep the first line.
  if (line === undefined || text.length > MAX_PLACED_TEXT) return undefined;
  const path = linePaths(tree)[line - 1];
  if (path === undefined || path.length === 0) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  return { field: formatField(path), ...positionOfPath(doc, counter, path, 'key') };
}
