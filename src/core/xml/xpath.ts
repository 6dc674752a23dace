/**
 * XPath-lite: the part of XPath a capture needs, evaluated on the JSON-like
 * tree of an XML body (`tree.ts`). Absolute location paths of element names
 * (local names), each optionally indexed from 1 (`item[2]`), `//name` for the
 * first element of that name at any depth, `*` for any child element, and a
 * last step `@attr` or `text()`. The first match is taken. Pure.
 *
 * `/list/item[2]/@id`, `//etag`, `/feed/entry/title/text()`.
 */

/** One step of a parsed path. */
type Step =
  | { readonly axis: 'child' | 'descendant'; readonly name: string; readonly index: number }
  | { readonly axis: 'attribute'; readonly name: string }
  | { readonly axis: 'text' };

const NAME = /^(?:\*|[A-Za-z_][\w.-]*)$/;
const STEP = /^([^[\]]+)(?:\[([1-9]\d*)\])?$/;

/** The steps of an XPath-lite expression, or a message saying what is wrong with it. */
export function parseXPath(text: string): Step[] | string {
  if (!text.startsWith('/')) return 'must start with "/" (an absolute path such as /list/item)';
  const steps: Step[] = [];
  // `//a` splits into ['', '', 'a']: an empty part marks the descendant axis.
  const parts = text.split('/').slice(1);
  let descendant = false;
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (part === '') {
      if (descendant || last) return `has an empty step in "${text}"`;
      descendant = true;
      continue;
    }
    const step = parseStep(part, descendant, last);
    if (typeof step === 'string') return step;
    steps.push(step);
    descendant = false;
  }
  return steps.length === 0 ? 'selects nothing (write at least one element name)' : steps;
}

function parseStep(part: string, descendant: boolean, last: boolean): Step | string {
  if (part === 'text()' || part.startsWith('@')) {
    if (!last) return `"${part}" can only be the last step`;
    if (descendant) return `"//${part}" is not supported (write the element before it)`;
    if (part === 'text()') return { axis: 'text' };
    const name = part.slice(1);
    return NAME.test(name) && name !== '*'
      ? { axis: 'attribute', name }
      : `bad attribute "${part}"`;
  }
  const match = STEP.exec(part);
  const name = match?.[1] ?? '';
  if (match === null || !NAME.test(name)) {
    return `"${part}" is not a step XPath-lite knows (name, name[n], *, @attr, text())`;
  }
  return { axis: descendant ? 'descendant' : 'child', name, index: Number(match[2] ?? 1) };
}

/**
 * The string at `path` in an XML tree (`{ root: element }`): an attribute,
 * an element's text, or undefined when nothing matches (or the match is an
 * element without text).
 */
export function evaluateXPath(tree: unknown, path: string): string | undefined {
  const steps = parseXPath(path);
  if (typeof steps === 'string') return undefined;
  let current: unknown = tree;
  for (const step of steps) {
    current = apply(current, step);
    if (current === undefined) return undefined;
  }
  return textOf(current);
}

function apply(node: unknown, step: Step): unknown {
  switch (step.axis) {
    case 'child':
      return nth(children(node, step.name), step.index);
    case 'descendant':
      return nth(descendants(node, step.name), step.index);
    case 'attribute':
      return isElement(node) ? node[`@${step.name}`] : undefined;
    case 'text':
      return typeof node === 'string' ? node : isElement(node) ? node['#text'] : undefined;
    default: {
      const never: never = step;
      return never;
    }
  }
}

function isElement(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** Child elements named `name` (`*`: any), in the tree's order. */
function children(node: unknown, name: string): unknown[] {
  if (!isElement(node)) return [];
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@') || key === '#text' || (name !== '*' && key !== name)) continue;
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
  }
  return out;
}

/** Elements named `name` (`*`: any) below `node` at any depth, depth first. */
function descendants(node: unknown, name: string): unknown[] {
  const out: unknown[] = [];
  walk(node, name, out);
  return out;
}

function walk(node: unknown, name: string, out: unknown[]): void {
  if (!isElement(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@') || key === '#text') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (name === '*' || key === name) out.push(child);
      walk(child, name, out);
    }
  }
}

function nth(nodes: readonly unknown[], index: number): unknown {
  return nodes[index - 1];
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (isElement(node) && typeof node['#text'] === 'string') return node['#text'];
  return undefined;
}
