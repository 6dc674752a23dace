/**
 * A target's URL as given (`--baseline rust=http://user:pw@host:3100/api?v=2`)
 * into what parity sends to: credentials become a Basic `authorization`
 * header (and secrets every output redacts), a query string is kept and sent
 * before each case's own query (the values of its credential parameters,
 * `?api_key=…`, are secrets too), and a `#fragment` is refused (HTTP never
 * sends one, so it could only be a mistake).
 */
import type { Pairs, Target } from '../../contract/model/case.js';
import { ParityError } from '../../util/errors.js';
import { isCredentialName } from '../redact/credential-names.js';

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

/** Credentials written in a URL, percent-decoded (a `%40` in a password is `@`). */
function credentials(url: URL, what: string): { user: string; password: string } {
  try {
    return { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  } catch {
    throw usage(`${what}: the user or password in the URL is not valid percent-encoding`);
  }
}

/**
 * The values of the URL's query parameters whose names hold a credential
 * (`api_key`, `access_token`, `sig`: `core/redact/credential-names.ts`, as the
 * import recognises them), each with `placeholder`.
 */
function queryCredentials(url: URL, placeholder: string): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (value !== '' && isCredentialName(name)) secrets.set(value, placeholder);
  }
  return secrets;
}

/**
 * The target `name` at `text` with `headers`. `what` names the flag or config
 * field in messages. Throws a usage error for a URL parity cannot send to.
 */
export function targetAt(name: string, text: string, headers: Pairs, what: string): Target {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`${what}: "${text}" is not a URL (expected e.g. http://127.0.0.1:3100)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usage(`${what}: "${url.protocol}" URLs are not supported; use http:// or https://`);
  }
  if (url.hash !== '' || text.includes('#')) {
    throw usage(
      `${what}: a URL fragment (#…) is never sent to a server; remove it from the target URL`,
    );
  }
  const placeholder = `[${name} credentials]`;
  // A credential in the query (`?api_key=…`) is sent with every request and shown nowhere.
  const inQuery = queryCredentials(url, placeholder);
  if (url.username === '' && url.password === '') {
    return inQuery.size === 0 ? { name, url, headers } : { name, url, headers, secrets: inQuery };
  }
  const { user, password } = credentials(url, what);
  if (headers.some(([header]) => header.toLowerCase() === 'authorization')) {
    throw usage(
      `${what}: the URL has credentials and the target an authorization header; keep one`,
    );
  }
  const basic = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  const secrets = new Map<string, string>([
    ...inQuery,
    [`${user}:${password}`, placeholder],
    [basic, placeholder],
  ]);
  if (password !== '') secrets.set(password, placeholder);
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  return {
    name,
    url: bare,
    headers: [...headers, ['authorization', `Basic ${basic}`]],
    secrets,
  };
}
