/**
 * Which header and query names hold a credential, by pattern rather than by
 * a list: APIs invent their own (`x-session-token`, `x-goog-api-key`,
 * `x-amz-security-token`, `?access_token=`), and a case file is committed.
 *
 * A name is split into words (at `-`, `_`, `.`, spaces and camelCase:
 * `X-Amz-Security-Token` → x amz security token, `pageToken` → page token).
 * It is a credential when a word is one (`token`, `secret`, `password`,
 * `session`, `auth`, `signature`, `csrf`, …, also glued: `csrftoken`,
 * `jsessionid`, `apikey`) or two words make one (`api key`, `access key`) —
 * unless the name only says something *about* a credential, which would drop
 * a value the API needs to get the same answer:
 * - its last word counts, types or times it (`x-token-count`, `token_type`,
 *   `session-timeout`, `x-auth-expires`);
 * - a word marks a paging cursor (`pageToken`, `next_token`, `continuation-token`).
 * Plurals are not words of the list (`max_tokens` counts tokens) and words
 * are whole (`author`, `keyword`, `authority` are not `auth`/`key`). A bare
 * `key` is kept: it names too many plain things (`?key=users/1`); Google's
 * `?key=` API keys are the price. Pure.
 */

/** Words that are a credential on their own. */
const SECRET_WORD =
  /^(?:\w*(?:token|secret|passw(?:or)?d|apikey|credentials?|signature|csrf|xsrf|sessid|sessionid)|session|auth|oauth|authorization|authentication|cookie|sig|jwt|bearer|pwd|passphrase|otp|nonce)$/;

/** `<word> key` pairs that are a credential (`x-api-key`, `aws_access_key_id`). */
const KEY_QUALIFIER = new Set([
  'api',
  'access',
  'private',
  'secret',
  'client',
  'subscription',
  'license',
  'session',
  'auth',
  'master',
]);

/** A last word that describes a credential rather than holding one. */
const DESCRIPTIVE_TAIL = new Set([
  'count',
  'counts',
  'type',
  'types',
  'limit',
  'remaining',
  'used',
  'usage',
  'length',
  'size',
  'expires',
  'expiry',
  'expiration',
  'ttl',
  'timeout',
  'age',
  'format',
  'version',
  'mode',
  'method',
  'scheme',
  'url',
  'uri',
  'endpoint',
  'required',
  'status',
  'enabled',
]);

/** Words that make a `…token` a paging cursor, not a credential. */
const CURSOR = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'sync']);

/** `X-Amz-Security-Token` → `['x', 'amz', 'security', 'token']`; `pageToken` → `['page', 'token']`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when a header or query parameter of this name holds a credential (see the module comment). */
export function isCredentialName(name: string): boolean {
  const parts = words(name);
  const last = parts[parts.length - 1];
  if (last === undefined || DESCRIPTIVE_TAIL.has(last)) return false;
  if (parts.some((w) => CURSOR.has(w))) return false;
  return parts.some(
    (w, i) =>
      SECRET_WORD.test(w) || (w === 'key' && i > 0 && KEY_QUALIFIER.has(parts[i - 1] ?? '')),
  );
}
