/**
 * A JSON body as the fuzzer edits it: a tree whose objects keep their members
 * in order (duplicate keys allowed) and whose leaves may be raw bytes written
 * verbatim (a number literal no `JSON.stringify` writes, a string holding
 * invalid UTF-8 or a lone-surrogate escape, a comment before a value), plus
 * bytes before and after the document. Encoding writes bytes, never a
 * re-serialised value, so what a mutation puts on the wire stays there. Pure.
 */

/** One node of a document. */
export type DocNode =
  | { readonly kind: 'value'; readonly value: null | boolean | number | string }
  | { readonly kind: 'raw'; readonly bytes: Uint8Array }
  | { readonly kind: 'array'; readonly items: readonly DocNode[] }
  | { readonly kind: 'object'; readonly members: readonly DocMember[] };

/** An object member: its key and its value (keys may repeat). */
export type DocMember = readonly [key: string, value: DocNode];

/** A whole JSON body: the document and the bytes around it. */
export interface JsonDoc {
  readonly lead: Uint8Array;
  readonly root: DocNode;
  readonly trail: Uint8Array;
}

/** Where a node sits: member or item indexes from the root. */
export type NodePath = readonly number[];

const NONE = new Uint8Array(0);

/** A parsed JSON value as a document node (objects keep their key order). */
export function nodeOf(value: unknown): DocNode {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(nodeOf) };
  if (value !== null && typeof value === 'object') {
    return {
      kind: 'object',
      members: Object.entries(value).map(([key, item]): DocMember => [key, nodeOf(item)]),
    };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { kind: 'value', value: null };
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  ) {
    return { kind: 'value', value };
  }
  return { kind: 'value', value: String(value) };
}

/** A document of `value` with nothing around it. */
export function docOf(value: unknown): JsonDoc {
  return { lead: NONE, root: nodeOf(value), trail: NONE };
}

/** The bytes of a document, raw leaves and surrounding bytes included. */
export function encodeDoc(doc: JsonDoc): Buffer {
  const parts: (string | Uint8Array)[] = [doc.lead];
  write(doc.root, parts);
  parts.push(doc.trail);
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}

function write(node: DocNode, out: (string | Uint8Array)[]): void {
  switch (node.kind) {
    case 'value':
      out.push(JSON.stringify(node.value));
      return;
    case 'raw':
      out.push(node.bytes);
      return;
    case 'array':
      out.push('[');
      node.items.forEach((item, index) => {
        if (index > 0) out.push(',');
        write(item, out);
      });
      out.push(']');
      return;
    case 'object':
      out.push('{');
      node.members.forEach(([key, value], index) => {
        out.push(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
        write(value, out);
      });
      out.push('}');
      return;
    default: {
      const never: never = node;
      throw new Error(`unknown node ${String(never)}`);
    }
  }
}

/** A node with where it is and how a reader would point at it. */
export interface Located {
  readonly path: NodePath;
  /** RFC 6901 pointer (`""` for the root). */
  readonly pointer: string;
  readonly node: DocNode;
  /** The member key when the parent is an object. */
  readonly key?: string;
}

const escapeSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Every node of `root`, parents before children, in document order. */
export function nodesOf(root: DocNode): Located[] {
  const out: Located[] = [];
  const visit = (located: Located): void => {
    out.push(located);
    const { node, path, pointer } = located;
    if (node.kind === 'array') {
      node.items.forEach((item, i) => {
        visit({ path: [...path, i], pointer: `${pointer}/${i}`, node: item });
      });
    } else if (node.kind === 'object') {
      node.members.forEach(([key, value], i) => {
        visit({
          path: [...path, i],
          pointer: `${pointer}/${escapeSegment(key)}`,
          node: value,
          key,
        });
      });
    }
  };
  visit({ path: [], pointer: '', node: root });
  return out;
}

/**
 * `root` with the node at `path` replaced by `edit(node)`; `undefined` removes
 * it from its parent (the root cannot be removed: it becomes `null`).
 */
export function editAt(
  root: DocNode,
  path: NodePath,
  edit: (node: DocNode) => DocNode | undefined,
): DocNode {
  const [head, ...rest] = path;
  if (head === undefined) return edit(root) ?? { kind: 'value', value: null };
  if (root.kind === 'array') {
    const item = root.items[head];
    if (item === undefined) return root;
    const next = rest.length === 0 ? edit(item) : editAt(item, rest, edit);
    const items = [...root.items];
    if (next === undefined) items.splice(head, 1);
    else items[head] = next;
    return { kind: 'array', items };
  }
  if (root.kind === 'object') {
    const member = root.members[head];
    if (member === undefined) return root;
    const next = rest.length === 0 ? edit(member[1]) : editAt(member[1], rest, edit);
    const members = [...root.members];
    if (next === undefined) members.splice(head, 1);
    else members[head] = [member[0], next];
    return { kind: 'object', members };
  }
  return root;
}

/** `root` with the key of the member at `path` renamed (its value kept). */
export function renameAt(root: DocNode, path: NodePath, key: string): DocNode {
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1];
  return editAt(root, parentPath, (parent) => {
    if (parent.kind !== 'object' || index === undefined) return parent;
    const members = parent.members.map(
      (member, i): DocMember => (i === index ? [key, member[1]] : member),
    );
    return { kind: 'object', members };
  });
}

/** The bytes of one node on its own. */
export function encodeNode(node: DocNode): Buffer {
  return encodeDoc({ lead: NONE, root: node, trail: NONE });
}

/** The JSON type of a node, as mutations reason about it (`raw` is unknown). */
export function typeOf(
  node: DocNode,
): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'raw' {
  if (node.kind !== 'value') return node.kind;
  if (node.value === null) return 'null';
  return typeof node.value as 'boolean' | 'number' | 'string';
}
