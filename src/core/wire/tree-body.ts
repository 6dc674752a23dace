/**
 * Bodies read as JSON-like trees: JSON, XML (`core/xml/tree.ts`) and bencode
 * (`bencode.ts`). Every stage that walks a body's values (masks, per-instance
 * values, redaction, the differ) reads these three alike. Pure.
 */
import type { ResponseBody } from '../../contract/model/exchange.js';
import type { BodyKind } from '../../contract/vocabulary.js';

/** A body whose value is a tree: JSON, XML or bencode. */
export type TreeBody = Extract<ResponseBody, { kind: 'json' | 'xml' | 'bencode' }>;

/** The body kinds read as trees. */
export const TREE_BODY_KINDS: ReadonlySet<BodyKind> = new Set<BodyKind>(['json', 'xml', 'bencode']);

/** True for a JSON, XML or bencode body. */
export function isTreeBody(body: ResponseBody): body is TreeBody {
  return body.kind === 'json' || body.kind === 'xml' || body.kind === 'bencode';
}

/**
 * The body with `value` in place of its tree, of the same kind. Its wire text
 * is dropped: it still holds the raw values, so no wire note is made up from it.
 */
export function treeWithValue(body: TreeBody, value: unknown): TreeBody {
  return { kind: body.kind, value };
}
