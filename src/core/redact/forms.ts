/**
 * The forms a secret takes on its way through HTTP and back, and the scan
 * that replaces them. A server, a framework or a log line may echo a secret
 * as written or in any letter case; URL-encoded (a component, a query with
 * `+` for a space, path-style as `encodeURI` and Python's `quote` leave `/`,
 * every byte as `%XX`, or encoded twice); JSON-escaped (also Go's `\u003c`
 * and all-`\uXXXX` styles); as HTML entities (named, decimal, hex); as hex;
 * and as base64 — alone, inside a longer base64 text at any of the three byte
 * alignments (a Basic `user:password` credential, a token a server wraps),
 * and in its URL-safe alphabet. Every form is replaced by the secret's
 * placeholder wherever it appears. Pure.
 *
 * Every form but base64 is matched in any letter case (hex digits, `%2f`,
 * `&#X3C;` and a case-folded echo alike). The forms are worked out once per
 * secret, with two regular expressions (alternations of literals: one pass
 * over a text, no backtracking) that tell whether a text holds any form at
 * all; only a text that does is lower-cased and has each form replaced.
 */

/** A text to look for and the placeholder that replaces it. */
export interface Needle {
  /** The form; lower-cased when `folded`. */
  readonly text: string;
  readonly placeholder: string;
  /** Matched in any letter case (every form but base64's). */
  readonly folded: boolean;
  /**
   * Replaced only where no digit touches it: the digits of a short secret of
   * digits (`0000`, a PIN) inside a longer number are that number's, by
   * chance (a 56-digit sequence number holds a given four digits about one
   * time in two hundred), and replacing them there breaks the number.
   */
  readonly ownDigits?: boolean;
}

/** A secret of digits shorter than this is not looked for inside a longer number. */
const DIGITS_IN_NUMBERS = 8;

/** Whether `secret` is a short run of digits (`ownDigits`). */
function shortDigits(secret: string): boolean {
  return secret.length < DIGITS_IN_NUMBERS && /^\d+$/.test(secret);
}

/** Base64 fragments shorter than this are not looked for: too many false hits. */
const MIN_BASE64_CORE = 6;

/** Class forms shorter than this are not looked for: too many false hits. */
const MIN_CLASS_FORM = 8;

/** Secrets shorter than this are redacted all the same, with a warning. */
export const SHORT_SECRET = 4;

/**
 * The secret as a header value's class shows it (lower case, digit runs as
 * `0`: `core/compare/findings.ts`), for a result judged before the secret was
 * known (a plain case that ran before the flow that captures it).
 */
function classForm(secret: string): string[] {
  const form = secret.toLowerCase().replace(/\d+/g, '0');
  return form !== secret.toLowerCase() && form.length >= MIN_CLASS_FORM ? [form] : [];
}

const bytesOf = (secret: string) => [...Buffer.from(secret, 'utf8')];
const pct = (byte: number) => `%${byte.toString(16).padStart(2, '0')}`;

/** Python's `urllib.parse.quote` (safe `/`): every byte but `A-Za-z0-9_.-~/` as `%XX`. */
function pythonQuote(secret: string): string {
  return bytesOf(secret)
    .map((b) =>
      /[A-Za-z0-9_.\-~/]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : pct(b),
    )
    .join('');
}

function urlForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  // URLSearchParams writes a space as `+` and escapes a few characters encodeURIComponent keeps.
  const query = new URLSearchParams({ s: secret }).toString().slice(2);
  // Path-style: `encodeURI` and Python's `quote` leave `/` (and `encodeURI` `+&=` and more).
  let path: string;
  try {
    path = encodeURI(secret);
  } catch {
    // A lone surrogate: no URL holds it.
    path = component;
  }
  const quoted = pythonQuote(secret);
  const single = [component, query, path, quoted];
  if (secret.length < SHORT_SECRET) return single;
  // Every byte as `%XX`, and each form encoded a second time (`%` as `%25`).
  const every = bytesOf(secret).map(pct).join('');
  const twice = [...single, every].map((form) => form.replaceAll('%', '%25'));
  return [...single, every, ...twice];
}

function jsonForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  // Go's encoding/json escapes <, > and & as \u003c, \u003e, \u0026; others escape every
  // non-ASCII character.
  const html = escaped
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026');
  const ascii = escaped.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [escaped, html, ascii];
}

/** Named entities as escapers write them: `&<>` only, or quotes too (`'` three ways). */
function htmlNamed(secret: string): string[] {
  const minimal = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const quoted = minimal.replaceAll('"', '&quot;');
  return [minimal, quoted, ...['&#39;', '&#x27;', '&apos;'].map((q) => quoted.replaceAll("'", q))];
}

/** Character references, for every character or for all but letters and digits. */
function htmlNumeric(secret: string): string[] {
  const chars = [...secret];
  const decimal = (c: string) => `&#${c.codePointAt(0)};`;
  const hex = (c: string) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`;
  const plain = (c: string) => /^[A-Za-z0-9]$/.test(c);
  return [decimal, hex].flatMap((ref) => [
    chars.map(ref).join(''),
    chars.map((c) => (plain(c) ? c : ref(c))).join(''),
  ]);
}

/** The forms matched in any case: all but base64's. */
function foldedForms(secret: string): string[] {
  const forms = [
    secret,
    ...classForm(secret),
    ...urlForms(secret),
    ...jsonForms(secret),
    ...htmlNamed(secret),
  ];
  // Encodings that hide the text: too many false hits for a secret of a few characters.
  if (secret.length < SHORT_SECRET) return forms;
  return [...forms, ...htmlNumeric(secret), Buffer.from(secret, 'utf8').toString('hex')];
}

/**
 * The part of `base64(prefix + secret + …)` that depends on the secret alone,
 * for a prefix of 0, 1 or 2 bytes: whatever surrounds the secret in a longer
 * text, its base64 contains one of these three.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    // Characters mixing prefix bits (at the start) or unknown following bits (at the end) go.
    const start = offset === 0 ? 0 : Math.ceil((offset * 8) / 6);
    const usable = Math.floor((padded.length * 8) / 6);
    const core = encoded.slice(start, usable);
    if (core.length >= MIN_BASE64_CORE) cores.push(core);
  }
  return cores;
}

function base64Forms(secret: string): string[] {
  const whole = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [whole, whole.replace(/=+$/, ''), ...base64Cores(secret)];
  const urlSafe = forms.map((form) => form.replaceAll('+', '-').replaceAll('/', '_'));
  return [...forms, ...urlSafe];
}

/**
 * Every form of each secret, longest first (so a text holding one form inside
 * another is replaced whole). A form equal to another secret's is kept once.
 */
export function secretNeedles(secrets: ReadonlyMap<string, string>): Needle[] {
  const byText = new Map<string, Needle>();
  const add = (text: string, placeholder: string, folded: boolean, ownDigits = false) => {
    const key = `${folded ? 'f' : 'x'}${text}`;
    if (text === '' || byText.has(key)) return;
    byText.set(key, { text, placeholder, folded, ...(ownDigits ? { ownDigits } : {}) });
  };
  for (const [secret, placeholder] of secrets) {
    if (secret === '') continue;
    const digits = shortDigits(secret);
    for (const form of foldedForms(secret)) {
      add(fold(form), placeholder, true, digits && form === secret);
    }
    for (const form of base64Forms(secret)) add(form, placeholder, false);
  }
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

/**
 * `text` lower-cased with every UTF-16 unit where it was, so an index in one
 * is the same character in the other (`toLowerCase` turns `İ` into two).
 */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const low = c.toLowerCase();
    out += low.length === 1 ? low : c;
  }
  return out;
}

/** `text` with each occurrence of `needle` in `lower` (its folded copy) replaced. */
function replaceFolded(text: string, lower: string, needle: Needle): string {
  let out = '';
  let from = 0;
  let at = lower.indexOf(needle.text);
  while (at !== -1) {
    const end = at + needle.text.length;
    if (needle.ownDigits === true && (isDigit(text[at - 1]) || isDigit(text[end]))) {
      // Inside a longer number: the number's digits, not the secret.
      at = lower.indexOf(needle.text, at + 1);
      continue;
    }
    out += text.slice(from, at) + needle.placeholder;
    from = end;
    at = lower.indexOf(needle.text, from);
  }
  return out + text.slice(from);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** A regular expression matching any of `needles` (none: undefined). */
function alternation(needles: readonly Needle[], flags: string): RegExp | undefined {
  if (needles.length === 0) return undefined;
  const escaped = needles.map((n) => n.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(escaped.join('|'), flags);
}

/**
 * The scan of a redactor: `text` with every form of every secret replaced by
 * its placeholder. Costs one lower-casing and an `includes` per form when
 * nothing is found; a form found is replaced at once.
 */
export function needleScan(needles: readonly Needle[]): (text: string) => string {
  const anyFolded = needles.some((n) => n.folded);
  // One pass over the text says whether any form is in it (the common answer is no):
  // an alternation of literals, so no backtracking; `i` for the forms matched in any case.
  const folded = alternation(
    needles.filter((n) => n.folded),
    'i',
  );
  const exact = alternation(
    needles.filter((n) => !n.folded),
    '',
  );
  return (input) => {
    if (!(folded?.test(input) ?? false) && !(exact?.test(input) ?? false)) return input;
    let out = input;
    let lower = anyFolded ? fold(out) : '';
    for (const needle of needles) {
      if (needle.folded) {
        if (!lower.includes(needle.text)) continue;
        out = replaceFolded(out, lower, needle);
      } else {
        if (!out.includes(needle.text)) continue;
        out = out.split(needle.text).join(needle.placeholder);
      }
      if (anyFolded) lower = fold(out);
    }
    return out;
  };
}

/** The placeholders of secrets so short that replacing them may mangle unrelated text. */
export function shortSecrets(secrets: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>();
  for (const [secret, placeholder] of secrets) {
    if (secret !== '' && secret.length < SHORT_SECRET) names.add(placeholder);
  }
  return [...names];
}
