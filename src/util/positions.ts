/**
 * Source positions in YAML/JSON documents parsed by the `yaml` package: map a
 * value path (as zod reports it) to the 1-based line and column of the node.
 */

import { type Document, isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { InputProblem } from './errors.js';
import type { Locator, PointAt, Position } from './position.js';
import { hiddenString, looksSecret } from './secret-looking.js';
import type { IssueReport } from './zod-issues.js';

/** The position of a byte offset, clamped to 1:1 for an empty document. */
export function positionOfOffset(counter: LineCounter, offset: number): Position {
  const { line, col } = counter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

/** The position of the node at `path` in `doc` (see {@link PointAt}). */
export function positionOfPath(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  at: PointAt = 'value',
): Position {
  const offset = offsetOfPath(doc.contents, path, at);
  return positionOfOffset(counter, offset);
}

function offsetOfPath(root: Node | null, path: readonly PropertyKey[], at: PointAt): number {
  let node = root;
  let offset = startOf(root);
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === undefined) return offset;
      const keyNode = isNode(pair.key) ? pair.key : null;
      const valueNode = isNode(pair.value) ? pair.value : null;
      // `key:` with no value has no value node; the key is the best anchor.
      if ((last && at === 'key') || valueNode === null) return startOf(keyNode, offset);
      node = valueNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!isNode(item)) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = startOf(node, offset);
  }
  return offset;
}

function startOf(node: Node | null, fallback = 0): number {
  return node?.range?.[0] ?? fallback;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** Place an issue report at its source position. */
export function placeReport(report: IssueReport, file: string, locate: Locator): InputProblem {
  const position = locate(report.path, report.at);
  const field = formatField(report.path);
  return { file, ...position, field, message: report.message };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['cases', 3, 'request', 'method']` → `cases[3].request.method` (a secret-looking key by its size). */
export function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // A key that looks like a credential is named by its size (errors go to CI logs).
    else if (typeof segment === 'string' && looksSecret(segment))
      out += `[${hiddenString(segment)}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
