/**
 * XML bodies as JSON-like trees, so the pointers, rules, differ, classifier and
 * explanations that work on JSON work on XML unchanged. Pure.
 *
 * The representation (document → `{ rootName: element }`):
 * - an element is an object: attributes under `@name` keys, its text under
 *   `#text`, children under their local names; a child name that occurs more
 *   than once holds an array in document order (order matters only there);
 * - an element with neither attributes nor children is just its text (`""` when empty);
 * - namespaces are resolved: an element whose namespace URI differs from its
 *   parent's carries it as `@xmlns` (the root, when it has one), so renaming a
 *   prefix bound to the same URI changes nothing and a different URI is a
 *   change at `…/@xmlns`; prefixed attributes are keyed `@{uri}local`
 *   (`@xml:lang` for the `xml` prefix); `xmlns` declarations themselves vanish;
 * - comments, processing instructions and the XML declaration are dropped;
 *   CDATA is text; text nodes are trimmed and mixed content is joined by spaces.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The outcome of parsing an XML text. */
export type XmlParse =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly error: string };

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const ATTRIBUTES = ':@';
const TEXT = '#text';

/** The parser, made on first use: a run with no XML body never loads fast-xml-parser. */
let parser: XMLParser | undefined;
const xmlParser = (): XMLParser =>
  (parser ??= new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Decodes numeric character references (`&#233;`) as well as the five XML entities.
    htmlEntities: true,
  }));

/** Without a content type: `<?xml` or `<` followed by a name character. */
export function looksLikeXml(text: string): boolean {
  return /^\s*<(?:\?xml|[A-Za-z_])/.test(text);
}

class XmlError extends Error {}

type Scope = ReadonlyMap<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function split(qname: string): { prefix: string; local: string } {
  const colon = qname.indexOf(':');
  return colon < 0
    ? { prefix: '', local: qname }
    : { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
}

function attributesOf(node: Record<string, unknown>): [string, string][] {
  const attributes = node[ATTRIBUTES];
  if (!isRecord(attributes)) return [];
  return Object.entries(attributes).map(([name, value]) => [name, String(value)]);
}

function scopeWith(scope: Scope, attributes: readonly [string, string][]): Scope {
  const declared = attributes.filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
  if (declared.length === 0) return scope;
  const next = new Map(scope);
  for (const [name, uri] of declared) next.set(name === 'xmlns' ? '' : name.slice(6), uri);
  return next;
}

function namespaceOf(prefix: string, scope: Scope, what: string): string {
  const uri = scope.get(prefix);
  if (uri === undefined) throw new XmlError(`unbound namespace prefix "${prefix}" on ${what}`);
  return uri;
}

function attributeKey(name: string, scope: Scope, element: string): string {
  const { prefix, local } = split(name);
  if (prefix === '') return `@${local}`;
  if (prefix === 'xml') return `@xml:${local}`;
  return `@{${namespaceOf(prefix, scope, `attribute ${name} of <${element}>`)}}${local}`;
}

function elementName(node: Record<string, unknown>): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES && key !== TEXT);
}

/** One element (an ordered-parser node) under a parent in namespace `parentUri`. */
function convert(node: Record<string, unknown>, scope: Scope, parentUri: string): unknown {
  const name = elementName(node) ?? '';
  const attributes = attributesOf(node);
  const inner = scopeWith(scope, attributes);
  const { prefix } = split(name);
  const uri = prefix === '' ? (inner.get('') ?? '') : namespaceOf(prefix, inner, `<${name}>`);
  const out: [string, unknown][] = [];
  if (uri !== parentUri) out.push(['@xmlns', uri]);
  for (const [attribute, value] of attributes) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
    out.push([attributeKey(attribute, inner, name), value]);
  }
  const texts: string[] = [];
  const children = new Map<string, unknown[]>();
  const content = node[name];
  for (const child of Array.isArray(content) ? content : []) {
    if (!isRecord(child)) continue;
    const childName = elementName(child);
    if (childName === undefined) {
      const text = String(child[TEXT] ?? '');
      if (text !== '') texts.push(text);
      continue;
    }
    const local = split(childName).local;
    const list = children.get(local) ?? [];
    list.push(convert(child, inner, uri));
    children.set(local, list);
  }
  const text = texts.join(' ');
  if (out.length === 0 && children.size === 0) return text;
  if (text !== '') out.push([TEXT, text]);
  for (const [local, list] of children) out.push([local, list.length === 1 ? list[0] : list]);
  // Object.fromEntries defines own properties, so a `__proto__` element stays data.
  return Object.fromEntries(out);
}

function documentOf(nodes: readonly unknown[]): Record<string, unknown> {
  const elements = nodes.filter(isRecord).filter((node) => elementName(node) !== undefined);
  const strayText = nodes.some((node) => isRecord(node) && String(node[TEXT] ?? '') !== '');
  if (elements.length !== 1 || strayText) {
    throw new XmlError(
      `an XML document has exactly one root element (found ${elements.length}${strayText ? ' and text outside it' : ''})`,
    );
  }
  const [root] = elements;
  if (root === undefined) throw new XmlError('no root element');
  const scope: Scope = new Map([['xml', XML_NAMESPACE]]);
  return Object.fromEntries([[split(elementName(root) ?? '').local, convert(root, scope, '')]]);
}

/** The five entities XML defines; any other must be declared (`<!ENTITY name …>`). */
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * The first reference to an entity the document neither gets from XML nor
 * declares (`&nope;`, `&nbsp;` without a DTD that defines it): such a document
 * is not well-formed, though the validator lets it through. Comments and
 * CDATA sections are blanked first (same length, so positions hold).
 */
function undefinedEntity(text: string): string | undefined {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (part) =>
    part.replace(/[^\n]/g, ' '),
  );
  const declared = new Set(
    [...blanked.matchAll(/<!ENTITY\s+(?!%)([A-Za-z_:][\w.:-]*)/g)].map((m) => m[1]),
  );
  for (const match of blanked.matchAll(/&([A-Za-z_:][\w.:-]*);/g)) {
    const name = match[1] ?? '';
    if (PREDEFINED.has(name) || declared.has(name)) continue;
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    return `entity &${name}; is not defined (line ${line}, column ${column})`;
  }
  return undefined;
}

/** True when the text is a well-formed XML document (a request body that declares XML). */
export function isWellFormedXml(text: string): boolean {
  return XMLValidator.validate(text) === true;
}

/** Parse a well-formed XML document into its tree (see the module comment). */
export function parseXml(text: string): XmlParse {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, error: `${msg} (line ${line}, column ${col})` };
  }
  const entity = text.includes('&') ? undefinedEntity(text) : undefined;
  if (entity !== undefined) return { ok: false, error: entity };
  try {
    const nodes: unknown = xmlParser().parse(text);
    return { ok: true, value: documentOf(Array.isArray(nodes) ? nodes : []) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
