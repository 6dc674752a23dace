/**
 * The little XML that junit.xml needs: escaping and element strings. Server
 * text can hold anything, so every value goes through `xmlText`/`xmlAttr`,
 * which also drop characters XML 1.0 forbids (a parser rejects the whole file
 * over one stray NUL). Pure.
 */

/**
 * Characters outside XML 1.0's `Char` production: C0 controls but tab, LF and
 * CR; U+FFFE/U+FFFF; and lone surrogates (a pair is a valid astral character).
 */
const ILLEGAL = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

/**
 * Any character `ILLEGAL` may match (every surrogate, paired or not): text
 * without one needs no stripping, and most text (a divergence's failure text,
 * its repro lines) has none. One plain scan instead of `ILLEGAL`'s three
 * alternatives, with look-arounds, at every character.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes characters that may not appear in an XML 1.0 document at all. */
export function stripIllegal(text: string): string {
  return MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL, '') : text;
}

/** `&`, `<` or `>`: what element content escapes. */
const MARKUP = /[&<>]/;

/** Escapes element content. `>` too, so `]]>` can never appear. */
export function xmlText(text: string): string {
  const legal = stripIllegal(text);
  if (!MARKUP.test(legal)) return legal;
  return legal.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** True when `xmlAttr` would change `text` (controls, `&<>"'`, surrogates, U+FFFE/F). */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const special = c === 38 || c === 60 || c === 62 || c === 34 || c === 39; // & < > " '
    if (c < 0x20 || special || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return true;
  }
  return false;
}

/**
 * Escapes an attribute value; tab, CR and LF as references so parsers keep
 * them. Most values (case ids, suites) need nothing: one scan, no copies.
 */
export function xmlAttr(text: string): string {
  if (!needsEscape(text)) return text;
  return xmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** ` name="value"` per defined value, in the object's key order (`Object.entries`' order). */
function attributes(attrs: Attributes): string {
  let out = '';
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value !== undefined) out += ` ${name}="${xmlAttr(String(value))}"`;
  }
  return out;
}

/** `<name a="…">children</name>`, or `<name a="…"/>` without children. Children are XML already. */
export function element(name: string, attrs: Attributes, children: readonly string[] = []): string {
  const open = `<${name}${attributes(attrs)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${name}>`;
}

/** `<name a="…">` alone, for a document written in pieces. */
export function openTag(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}>`;
}

/** An element whose content is (escaped) text. */
export function textElement(name: string, attrs: Attributes, text: string): string {
  return `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}
