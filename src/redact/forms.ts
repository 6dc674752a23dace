/**
 * The forms a secret takes on its way through HTTP and back: as written, URL
 * encoded (path or query), JSON-escaped (a request body, or a server echoing
 * it in a JSON string), and base64 — alone, inside a longer base64 text at
 * any of the three byte alignments (a Basic `user:password` credential, a
 * token a server wraps), and in its URL-safe alphabet. Every form is replaced
 * by the secret's placeholder wherever it appears. Pure.
 */

/** A text to look for and the placeholder that replaces it. */
export interface Needle {
  readonly text: string;
  readonly placeholder: string;
}

/** Base64 fragments shorter than this are not looked for: too many false hits. */
const MIN_BASE64_CORE = 6;

/** Class forms shorter than this are not looked for: too many false hits. */
const MIN_CLASS_FORM = 8;

/**
 * The secret as a header value's class shows it (lower case, digit runs as
 * `0`: `compare/findings.ts`), for a result judged before the secret was
 * known (a plain case that ran before the flow that captures it).
 */
function classForm(secret: string): string[] {
  const form = secret.toLowerCase().replace(/\d+/g, '0');
  return form !== secret.toLowerCase() && form.length >= MIN_CLASS_FORM ? [form] : [];
}

function urlForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  // URLSearchParams writes a space as `+` and escapes a few characters encodeURIComponent keeps.
  const query = new URLSearchParams({ s: secret }).toString().slice(2);
  const lower = component.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  return [component, query, lower];
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
  const byText = new Map<string, string>();
  for (const [secret, placeholder] of secrets) {
    if (secret === '') continue;
    // A server may echo it case-folded (a header value lowercased).
    const folded = [secret.toLowerCase(), secret.toUpperCase(), ...classForm(secret)];
    const forms = [
      secret,
      ...folded,
      ...urlForms(secret),
      ...jsonForms(secret),
      ...base64Forms(secret),
    ];
    for (const text of forms) if (text !== '' && !byText.has(text)) byText.set(text, placeholder);
  }
  return [...byText]
    .map(([text, placeholder]) => ({ text, placeholder }))
    .sort((a, b) => b.text.length - a.text.length);
}

/** Secrets shorter than this are redacted all the same, with a warning. */
export const SHORT_SECRET = 4;

/** The placeholders of secrets so short that replacing them may mangle unrelated text. */
export function shortSecrets(secrets: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>();
  for (const [secret, placeholder] of secrets) {
    if (secret !== '' && secret.length < SHORT_SECRET) names.add(placeholder);
  }
  return [...names];
}
