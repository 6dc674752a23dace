/**
 * The candidate reference server: the example API as a Go rewrite on net/http
 * (1.22 ServeMux patterns) with encoding/json would answer it. Validation errors
 * are one flat struct with a `Kind` discriminator and exported PascalCase fields
 * (`{"Kind":"schema","Field":"name","Reason":"required"}`); records use json tags
 * (snake_case) but show nil slices as `null`, a nil `deleted_at` as `null` and
 * RFC 3339 timestamps with fractional seconds; errors are `{"message": …}`;
 * unknown routes are `404 page not found`.
 */

import { decodeFirstValue, goField, goJsonType, httpError, writeJSON } from './go-wire.js';
import { createHandler } from './http-util.js';
import { notesRoutes } from './notes.js';
import { createStore, DEFAULT_LIMIT, MAX_LIMIT, toGoRecord } from './store.js';
import { toGoError, validateRecord } from './validation.js';

/** @typedef {import('./http-util.js').Reply} Reply */
/** @typedef {import('./http-util.js').RequestContext} RequestContext */

/**
 * A request handler with its own in-memory store.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createGoHandler() {
  const store = createStore();
  /** @type {import('./http-util.js').Route[]} */
  const routes = [
    { method: 'GET', pattern: '/health', handle: () => writeJSON(200, { status: 'ok' }) },
    { method: 'POST', pattern: '/v1/validate', handle: validate },
    { method: 'GET', pattern: '/v1/records', handle: (ctx) => list(store, ctx) },
    { method: 'POST', pattern: '/v1/records', handle: (ctx) => create(store, ctx) },
    { method: 'GET', pattern: '/v1/records/:id', handle: (ctx) => getOne(store, ctx) },
    // Its own database: note ids from 5001, weak ETags W/"<id>.<version>".
    ...notesRoutes({
      firstId: 5001,
      etag: (id, version) => `W/"${id}.${version}"`,
      json: writeJSON,
      error: (message) => ({ message }),
      names: { etag: 'Etag', location: 'Location' },
    }),
  ];
  return createHandler({
    routes,
    notFound: () => httpError(404, '404 page not found'),
    // ServeMux sorts the allowed methods and joins them with ", ".
    methodNotAllowed: (allowed) =>
      httpError(405, 'Method Not Allowed', { Allow: [...allowed].sort().join(', ') }),
    lengthHeader: 'Content-Length',
  });
}

/**
 * `var req struct{ Record map[string]any \`json:"record"\` }` decoded with
 * `json.NewDecoder(r.Body).Decode(&req)`; a decode error goes to `http.Error`.
 * A missing or null record is a nil map, which validates like an empty record.
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function validate(ctx) {
  const decoded = decodeStruct(ctx.body, 'ValidateRequest');
  if (!decoded.ok) return decoded.reply;
  const record = goField(decoded.object, 'record') ?? null;
  if (record !== null && (typeof record !== 'object' || Array.isArray(record))) {
    const type = 'map[string]interface {}';
    return unmarshalTypeError(record, `Go struct field ValidateRequest.record of type ${type}`);
  }
  const error = validateRecord(record ?? {});
  return error === undefined ? writeJSON(200, { valid: true }) : writeJSON(400, toGoError(error));
}

/**
 * Decode the body into a struct named `name`: a JSON object or null is fine,
 * anything else is an `UnmarshalTypeError`.
 * @param {string} body
 * @param {string} name
 * @returns {{ ok: true, object: Record<string, unknown> } | { ok: false, reply: Reply }}
 */
function decodeStruct(body, name) {
  const decoded = decodeFirstValue(body);
  if (!decoded.ok) return { ok: false, reply: httpError(400, decoded.message) };
  const value = decoded.value;
  if (value === null) return { ok: true, object: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reply: unmarshalTypeError(value, `Go value of type main.${name}`) };
  }
  return { ok: true, object: Object.fromEntries(Object.entries(value)) };
}

/**
 * @param {unknown} value
 * @param {string} into
 */
function unmarshalTypeError(value, into) {
  return httpError(400, `json: cannot unmarshal ${goJsonType(value)} into ${into}`);
}

/**
 * `limit` via `strconv.Atoi` (zero or negative means the default), `tag` via
 * `r.URL.Query()["tag"]`; filtering appends to a nil slice, so no match is `null`.
 * @param {ReturnType<typeof createStore>} store
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function list(store, ctx) {
  const raw = ctx.url.searchParams.get('limit') ?? '';
  let limit = DEFAULT_LIMIT;
  if (raw !== '') {
    const problem = parseIntProblem(raw, /^[+-]?\d+$/, 'Atoi');
    if (problem !== undefined) return writeJSON(400, { message: `invalid limit: ${problem}` });
    if (Number(raw) > 0) limit = Math.min(Number(raw), MAX_LIMIT);
  }
  const page = store.list({ limit, tags: ctx.url.searchParams.getAll('tag') });
  const records = page.records.length === 0 ? null : page.records.map(toGoRecord);
  return writeJSON(200, { records, total: page.total });
}

/**
 * The error `strconv.Atoi` / `strconv.ParseUint` returns for `text`, or undefined.
 * @param {string} text
 * @param {RegExp} syntax
 * @param {'Atoi' | 'ParseUint'} fn
 */
function parseIntProblem(text, syntax, fn) {
  const quoted = JSON.stringify(text);
  if (!syntax.test(text)) return `strconv.${fn}: parsing ${quoted}: invalid syntax`;
  const max = fn === 'Atoi' ? 9_223_372_036_854_775_807n : 18_446_744_073_709_551_615n;
  const big = BigInt(text);
  if (big > max || -big > max + 1n) return `strconv.${fn}: parsing ${quoted}: value out of range`;
  return undefined;
}

/**
 * `strconv.ParseUint(r.PathValue("id"), 10, 64)`.
 * @param {ReturnType<typeof createStore>} store
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function getOne(store, ctx) {
  const raw = ctx.params['id'] ?? '';
  const problem = parseIntProblem(raw, /^\d+$/, 'ParseUint');
  if (problem !== undefined) return writeJSON(400, { message: `invalid id: ${problem}` });
  const id = Number(raw);
  const record = store.get(id);
  if (record === undefined) return writeJSON(404, { message: `record ${id} not found` });
  return writeJSON(200, toGoRecord(record));
}

/**
 * `var req struct{ DisplayName string \`json:"display_name"\`; Tags []string \`json:"tags"\` }`;
 * a missing name decodes to "" and is caught by the handler (400, not serde's 422).
 * @param {ReturnType<typeof createStore>} store
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function create(store, ctx) {
  const decoded = decodeStruct(ctx.body, 'CreateRecordRequest');
  if (!decoded.ok) return decoded.reply;
  const field = 'Go struct field CreateRecordRequest';
  const name = goField(decoded.object, 'display_name') ?? null;
  if (name !== null && typeof name !== 'string') {
    return unmarshalTypeError(name, `${field}.display_name of type string`);
  }
  const tags = goField(decoded.object, 'tags') ?? null;
  if (tags !== null && !Array.isArray(tags)) {
    return unmarshalTypeError(tags, `${field}.tags of type []string`);
  }
  const badTag = (tags ?? []).find((tag) => tag !== null && typeof tag !== 'string');
  if (badTag !== undefined) return unmarshalTypeError(badTag, `${field}.tags of type string`);
  // `strings.TrimSpace(req.DisplayName) == ""`: missing, null and blank are all the zero value.
  if (typeof name !== 'string' || name.trim() === '') {
    return writeJSON(400, { message: 'display_name is required' });
  }
  // A null element decodes to "" in a []string; a JSON [] decodes to an empty, non-nil slice.
  const record = store.create({
    displayName: name,
    tags: tags === null ? undefined : tags.map((tag) => (typeof tag === 'string' ? tag : '')),
  });
  return writeJSON(201, toGoRecord(record), { Location: `/v1/records/${record.id}` });
}
