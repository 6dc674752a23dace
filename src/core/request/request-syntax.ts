/**
 * What HTTP lets a case's request hold, checked when the file is validated
 * (a positioned problem, nothing sent) rather than failing at run time: a
 * path is sent as written, so it must be a valid request target (RFC 3986
 * characters, `%XX` escapes, no fragment); in a query string written in the
 * path, characters a URL cannot carry are percent-encoded when it is sent
 * (`io/cases/resolve.ts`), so only control characters and `#` are refused there;
 * a header name must be a token, not one that belongs to the connection
 * (`transfer-encoding`, `keep-alive`, `upgrade`, `expect`: the HTTP client
 * frames each request itself and refuses them), and a header value must not
 * hold a line break or a NUL. `${env:NAME}`
 * references are allowed in a path as written; the value substituted is
 * checked too. Pure.
 */

/** The characters a path may hold as written (RFC 3986 pchar, `/` and `?`). */
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
/** A path of those characters alone (no `%`, no `#`, no reference): valid as written. */
const PLAIN_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;
/** `${env:NAME}` (with or without `:-default`), or a flow step's `{{ name }}` (both substituted before sending). */
const REFERENCE =
  /^(?:\$\{env:[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}|\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\})/;
const ESCAPE = /^%[0-9A-Fa-f]{2}/;
/** RFC 9110 token characters (header names). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const NAMED: Readonly<Record<string, string>> = {
  ' ': 'a space',
  '"': 'a double quote',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\t': 'a tab',
  '#': 'a "#"',
};

function describeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f
    ? `the control character \\x${code.toString(16).padStart(2, '0')}`
    : `"${c}"`;
}

function percentEncoded(c: string): string {
  return [...Buffer.from(c, 'utf8')]
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/**
 * Why `path` cannot be sent as written, or undefined when it can.
 * `allowEnv`: `${env:NAME}` references count as valid (the path as written in a file).
 */
export function pathProblem(path: string, allowEnv: boolean): string | undefined {
  // Most paths hold only characters a path may hold as written: nothing to say.
  if (PLAIN_PATH.test(path)) return undefined;
  let inQuery = false;
  for (let i = 0; i < path.length; ) {
    const rest = path.slice(i, i + 80);
    const env = allowEnv ? REFERENCE.exec(rest) : null;
    if (env !== null) {
      i += env[0].length;
      continue;
    }
    const c = String.fromCodePoint(path.codePointAt(i) ?? 0);
    if (c === '?') inQuery = true;
    if (inQuery && c !== '#') {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) {
        return `has ${describeChar(c)} at character ${i + 1}, which a request cannot carry; write it as ${percentEncoded(c)}`;
      }
      i += c.length;
      continue;
    }
    if (c === '%' && !ESCAPE.test(rest)) {
      return `has a "%" at character ${i + 1} that does not start a %XX escape; write a literal "%" as %25`;
    }
    if (c === '#') {
      return `has a fragment ("#" at character ${i + 1}), which is never sent to a server; remove it, or write "#" as %23`;
    }
    if (c !== '%' && !PATH_CHAR.test(c)) {
      return `has ${describeChar(c)} at character ${i + 1}, which a request path cannot hold as written; write it as ${percentEncoded(c)}`;
    }
    i += c.length;
  }
  return undefined;
}

/**
 * `path` with every character its path part cannot hold as written
 * percent-encoded (`/items[0]` → `/items%5B0%5D`; a `%` that starts no escape
 * → `%25`; a `#` → `%23`), and in its query only what the query cannot hold
 * (a `#`, a control character), the rest kept as it is; and the characters
 * changed.
 */
export function encodedPath(path: string): { readonly path: string; readonly changed: string[] } {
  const changed: string[] = [];
  let out = '';
  let inQuery = false;
  for (let i = 0; i < path.length; ) {
    const c = String.fromCodePoint(path.codePointAt(i) ?? 0);
    if (c === '?') inQuery = true;
    const code = c.codePointAt(0) ?? 0;
    const kept = inQuery
      ? c !== '#' && code >= 0x20 && code !== 0x7f
      : (c === '%' && ESCAPE.test(path.slice(i, i + 3))) ||
        (c !== '%' && c !== '#' && PATH_CHAR.test(c));
    if (kept) out += c;
    else {
      out += percentEncoded(c);
      changed.push(c);
    }
    i += c.length;
  }
  return { path: out, changed };
}

/**
 * The connection's headers (`connection-headers.ts`) that undici refuses in a
 * request, with why a case cannot set them (`host`, `connection: close` and
 * `content-length` it sends as given).
 */
const CONNECTION_OWN: Readonly<Record<string, string>> = {
  'transfer-encoding': 'the body is sent whole, with its length',
  'keep-alive': 'connections are kept alive by the client',
  upgrade: 'a switch of protocols has no answer to compare',
  expect: 'the body is sent whole, without waiting for a 100',
};

/** Why `name` cannot be a header name, or undefined when it can. */
export function headerNameProblem(name: string): string | undefined {
  if (!TOKEN.test(name))
    return "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)";
  const own = CONNECTION_OWN[name.toLowerCase()];
  return own === undefined
    ? undefined
    : `belongs to the connection, which parity's HTTP client manages: remove it (${own})`;
}

/** Why `value` cannot be sent as a header value, or undefined when it can. */
export function headerValueProblem(value: string): string | undefined {
  const at = value.search(/[\r\n\0]/);
  if (at === -1) return undefined;
  return `has ${describeChar(value[at] ?? '')} at character ${at + 1}; a header value is one line`;
}
