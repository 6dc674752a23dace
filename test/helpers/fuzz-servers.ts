/**
 * Two servers of one small API for the fuzzing tests, each with its own set of
 * input-acceptance rules and otherwise the same code, so they agree on every
 * input except where a planted rule differs. Each rule is reachable only by a
 * mutation (no seed case shows it):
 *
 * - `keyCase`: JSON keys match in any letter case (`{"NAME": …}` at POST /v1/users)
 * - `trailing`: bytes after the JSON document are ignored (POST /v1/notes only:
 *   that handler reads its body with a streaming decoder)
 * - `unicode`: a lone surrogate escape (`"\ud800"`) and bytes that are not
 *   UTF-8 are taken (replaced), where a strict decoder refuses both (POST
 *   /v1/notes only, the same decoder)
 *
 * The last three share one status signature (400 on the baseline, 201 on the
 * candidate, at POST /v1/notes): three input rules, one root cause.
 * - `plusId`: an id may carry a `+` sign (GET /v1/items/+1)
 * - `nullList`: `null` is an empty list (POST /v1/lists)
 * - `enumCase`: enum values match in any letter case (POST /v1/orders)
 * - `bigInt`: integers up to 2^64 - 1 are taken, not only safe ones (POST /v1/counts)
 *
 * Both refuse what neither rule allows with the same status and body: 400 for
 * a body that is not JSON or a field of the wrong type or value, 422 for a
 * missing field.
 */
import type { ServerResponse } from 'node:http';
import { startServer, type TestServer } from './http.js';

export interface AcceptanceRules {
  readonly keyCase?: boolean;
  readonly trailing?: boolean;
  readonly unicode?: boolean;
  readonly plusId?: boolean;
  readonly nullList?: boolean;
  readonly enumCase?: boolean;
  readonly bigInt?: boolean;
}

/** The baseline's rules: signed ids, enum values in any case, 64-bit integers. */
export const BASELINE_RULES: AcceptanceRules = { plusId: true, enumCase: true, bigInt: true };

/** The candidate's rules: keys in any case, trailing data, bad unicode, null lists. */
export const CANDIDATE_RULES: AcceptanceRules = {
  keyCase: true,
  trailing: true,
  unicode: true,
  nullList: true,
};

/**
 * A surrogate escape (`\ud800`): lone in whatever the fuzzer sends, since the
 * seeds send none and a pair in a value is written as its character.
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Bad unicode a strict decoder refuses: bytes that are not UTF-8 (read as U+FFFD), a lone surrogate. */
const badUnicode = (body: string) => body.includes('\ufffd') || SURROGATE_ESCAPE.test(body);

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

/** The body's JSON value, or undefined when it is not JSON (`lenient`: its first JSON value). */
function parseBody(body: string, lenient: boolean): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body) };
  } catch {
    if (!lenient) return undefined;
    const end = firstValueEnd(body);
    try {
      return end === undefined ? undefined : { value: JSON.parse(body.slice(0, end)) };
    } catch {
      return undefined;
    }
  }
}

/** Where the first object or array of `text` ends (brackets counted outside strings). */
function firstValueEnd(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** A member of `object` by its key (in any letter case with `keyCase`). */
function field(object: unknown, key: string, rules: AcceptanceRules): unknown {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const entries = Object.entries(object);
  const found =
    rules.keyCase === true
      ? entries.filter(([k]) => k.toLowerCase() === key).pop()
      : entries.find(([k]) => k === key);
  return found?.[1];
}

type Handler = (value: unknown, rules: AcceptanceRules) => [number, unknown];

const missing = (name: string): [number, unknown] => [422, { error: `${name} is required` }];
const invalid = (name: string): [number, unknown] => [400, { error: `${name} is invalid` }];

/** Each endpoint: a missing field is 422, a field of the wrong type or value 400. */
const POSTS: Record<string, Handler> = {
  '/v1/users': (value, rules) => {
    const name = field(value, 'name', rules);
    if (name === undefined) return missing('name');
    return typeof name === 'string' ? [201, { id: 1, name }] : invalid('name');
  },
  '/v1/notes': (value, rules) => {
    const text = field(value, 'text', rules);
    if (text === undefined) return missing('text');
    return typeof text === 'string' ? [201, { id: 1 }] : invalid('text');
  },
  '/v1/lists': (value, rules) => {
    const tags = field(value, 'tags', rules);
    if (tags === undefined) return missing('tags');
    if (tags === null && rules.nullList === true) return [200, { count: 0 }];
    return Array.isArray(tags) ? [200, { count: tags.length }] : invalid('tags');
  },
  '/v1/orders': (value, rules) => {
    const status = field(value, 'status', rules);
    if (status === undefined) return missing('status');
    const text = typeof status === 'string' ? status : '';
    const known = ['open', 'closed'];
    const ok = known.includes(rules.enumCase === true ? text.toLowerCase() : text);
    return ok ? [201, { id: 1 }] : invalid('status');
  },
  '/v1/counts': (value, rules) => {
    const count = field(value, 'count', rules);
    if (count === undefined) return missing('count');
    const n = typeof count === 'number' ? count : -1;
    const whole =
      rules.bigInt === true ? Number.isInteger(n) && n < 2 ** 64 : Number.isSafeInteger(n);
    return whole && n >= 0 ? [200, { ok: true }] : invalid('count');
  },
};

/** Starts one server with `rules`; `resets` counts `POST /__reset` requests. */
export async function startAcceptanceServer(
  rules: AcceptanceRules,
): Promise<TestServer & { resets(): number }> {
  let resets = 0;
  const server = await startServer((req, res, body) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'POST' && path === '/__reset') {
      resets++;
      return reply(res, 204, null);
    }
    const item = /^\/v1\/items\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && item !== null) {
      const id = decodeURIComponent(item[1] ?? '');
      const valid = rules.plusId === true ? /^\+?\d+$/.test(id) : /^\d+$/.test(id);
      if (!valid) return reply(res, 400, { error: 'bad id' });
      const n = Number(id);
      return n >= 1 && n <= 3
        ? reply(res, 200, { id: n, name: `item ${n}` })
        : reply(res, 404, { error: 'no such item' });
    }
    const handle = req.method === 'POST' ? POSTS[path] : undefined;
    if (handle === undefined) return reply(res, 404, { error: 'not found' });
    const notes = path === '/v1/notes';
    const parsed = parseBody(body, rules.trailing === true && notes);
    if (parsed === undefined) return reply(res, 400, { error: 'invalid JSON' });
    if (notes && rules.unicode !== true && badUnicode(body)) {
      return reply(res, 400, { error: 'invalid JSON' });
    }
    const [status, answer] = handle(parsed.value, rules);
    return reply(res, status, answer);
  });
  return { ...server, resets: () => resets };
}

/** The seed cases of the tests: one plain, valid request per endpoint. */
export const SEED_CASES = `suite: api
defaults:
  headers: { content-type: application/json }
cases:
  - id: create-user
    request: { method: POST, path: /v1/users, json: { name: Ada } }
  - id: create-note
    request: { method: POST, path: /v1/notes, json: { text: hello } }
  - id: get-item
    request: { method: GET, path: /v1/items/1 }
  - id: set-tags
    request: { method: POST, path: /v1/lists, json: { tags: [a, b] } }
  - id: create-order
    request: { method: POST, path: /v1/orders, json: { status: open } }
  - id: set-count
    request: { method: POST, path: /v1/counts, json: { count: 5 } }
`;

/**
 * Per planted rule: its endpoint, the two statuses (baseline, candidate), the
 * mutation family that reaches it and the minimal request (body, its bytes
 * read as Latin-1, or path).
 */
export const PLANTED = [
  {
    rule: 'keyCase',
    endpoint: 'POST /v1/users',
    statuses: [422, 201],
    family: 'key-case',
    body: '{"NAME":""}',
  },
  {
    rule: 'trailing',
    endpoint: 'POST /v1/notes',
    statuses: [400, 201],
    family: 'trailing-data',
    body: '{"text":""}x',
  },
  {
    rule: 'unicode: a lone surrogate',
    endpoint: 'POST /v1/notes',
    statuses: [400, 201],
    family: 'lone-surrogate',
    body: '{"text":"\\ud800"}',
  },
  {
    rule: 'unicode: bytes that are not UTF-8',
    endpoint: 'POST /v1/notes',
    statuses: [400, 201],
    family: 'invalid-utf8',
    body: '{"text":"\xff"}',
  },
  {
    rule: 'plusId',
    endpoint: 'GET /v1/items/:id',
    statuses: [200, 400],
    family: 'path-segment',
    path: '/v1/items/+1',
  },
  {
    rule: 'nullList',
    endpoint: 'POST /v1/lists',
    statuses: [400, 200],
    family: 'null-collection',
    body: '{"tags":null}',
  },
  {
    rule: 'enumCase',
    endpoint: 'POST /v1/orders',
    statuses: [201, 400],
    family: 'enum-case',
    body: '{"status":"OPEN"}',
  },
  // The shortest integers past 2^53 have 16 digits (9007199254740993, or 9223372036854775 cut from 2^63).
  {
    rule: 'bigInt',
    endpoint: 'POST /v1/counts',
    statuses: [200, 400],
    family: 'number-boundary',
    body: /^\{"count":9\d{15}\}$/,
  },
] as const;

/**
 * Every (status pair `baseline/candidate`, input rule) the planted rules can
 * show at an endpoint: its own rules', and a key in another case (422 on the
 * baseline, accepted on the candidate) at every POST endpoint.
 */
export function possibleDivergences(endpoint: string): string[] {
  const planted = PLANTED.filter((p) => p.endpoint === endpoint).map(
    (p) => `${p.statuses.join('/')} ${p.family}`,
  );
  if (!endpoint.startsWith('POST ')) return planted;
  const accepted = endpoint === 'POST /v1/lists' || endpoint === 'POST /v1/counts' ? 200 : 201;
  return [...planted, `422/${accepted} key-case`];
}
