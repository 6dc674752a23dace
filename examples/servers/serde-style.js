/**
 * The baseline reference server: the example API as a Rust service on axum
 * with serde would answer it. Validation errors are an externally tagged enum
 * (`{"Schema":{"field":"name","reason":"required"}}`), records are snake_case
 * structs with `Vec` tags, whole-second timestamps and a skipped `deleted_at`,
 * errors are `{"error": …}`, and unknown routes are an empty 404.
 */
import { createHandler } from './http-util.js';
import { notesRoutes } from './notes.js';
import {
  dataRejection,
  extractJson,
  jsonReply,
  structMembers,
  textReply,
  unexpected,
} from './serde-wire.js';
import { createStore, DEFAULT_LIMIT, MAX_LIMIT, toSerdeRecord } from './store.js';
import { toSerdeError, validateRecord } from './validation.js';

/** @typedef {import('./http-util.js').Reply} Reply */
/** @typedef {import('./http-util.js').RequestContext} RequestContext */

/**
 * A request handler with its own in-memory store.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createSerdeHandler() {
  const store = createStore();
  /** @type {import('./http-util.js').Route[]} */
  const routes = [
    { method: 'GET', pattern: '/health', handle: () => jsonReply(200, { status: 'ok' }) },
    { method: 'POST', pattern: '/v1/validate', handle: validate },
    { method: 'GET', pattern: '/v1/records', handle: (ctx) => list(store, ctx) },
    { method: 'POST', pattern: '/v1/records', handle: (ctx) => create(store, ctx) },
    { method: 'GET', pattern: '/v1/records/:id', handle: (ctx) => getOne(store, ctx) },
    // Its own database: note ids from 1, ETags "<id>-v<version>".
    ...notesRoutes({
      firstId: 1,
      etag: (id, version) => `"${id}-v${version}"`,
      json: jsonReply,
      error: (message) => ({ error: message }),
      names: { etag: 'etag', location: 'location' },
    }),
  ];
  return createHandler({
    routes,
    // axum's default fallback and method router: an empty body, `allow` on 405.
    notFound: () => ({ status: 404, headers: {}, body: '' }),
    methodNotAllowed: (allowed) => ({
      status: 405,
      headers: { allow: allowed.join(',') },
      body: '',
    }),
    lengthHeader: 'content-length',
  });
}

/**
 * `async fn validate(Json(req): Json<ValidateRequest>) -> Result<Json<Valid>, (StatusCode, Json<ValidationError>)>`
 * with `struct ValidateRequest { record: serde_json::Value }`.
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function validate(ctx) {
  const extracted = extractJson(ctx);
  if (!extracted.ok) return extracted.reply;
  const { value, scan } = extracted;
  const spec = { name: 'ValidateRequest', fields: ['record'], required: 1 };
  const struct = structMembers(ctx.body, scan, value, spec);
  if (!struct.ok) return struct.reply;
  const record = struct.members.find(([key]) => key === 'record');
  if (record === undefined) return dataRejection(ctx.body, scan, '', 'missing field `record`');
  const error = validateRecord(record[1]);
  return error === undefined
    ? jsonReply(200, { valid: true })
    : jsonReply(400, toSerdeError(error));
}

/**
 * `Query<ListParams>` (axum_extra, so `tag` may repeat) with
 * `struct ListParams { limit: Option<usize>, #[serde(default)] tag: Vec<String> }`.
 * @param {ReturnType<typeof createStore>} store
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function list(store, ctx) {
  const raw = ctx.url.searchParams.get('limit');
  let limit = DEFAULT_LIMIT;
  // serde_urlencoded reads `?limit=` as Some(""), which no integer parses from.
  if (raw !== null) {
    const problem = raw === '' ? 'cannot parse integer from empty string' : usizeProblem(raw);
    if (problem !== undefined) {
      return textReply(400, `Failed to deserialize query string: ${problem}`);
    }
    limit = Math.min(Number(raw), MAX_LIMIT);
  }
  const page = store.list({ limit, tags: ctx.url.searchParams.getAll('tag') });
  return jsonReply(200, { records: page.records.map(toSerdeRecord), total: page.total });
}

/**
 * Why Rust's `str::parse::<usize>` rejects `text`, or undefined when it parses.
 * @param {string} text
 */
function usizeProblem(text) {
  if (!/^\+?\d+$/.test(text)) return 'invalid digit found in string';
  if (BigInt(text) > 18_446_744_073_709_551_615n) return 'number too large to fit in target type';
  return undefined;
}

/**
 * `Path<u64>`: a non-numeric id is axum's plain-text 400.
 * @param {ReturnType<typeof createStore>} store
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function getOne(store, ctx) {
  const raw = ctx.params['id'] ?? '';
  if (usizeProblem(raw) !== undefined) {
    return textReply(400, `Invalid URL: Cannot parse \`${raw}\` to a \`u64\``);
  }
  const id = Number(raw);
  const record = store.get(id);
  if (record === undefined) return jsonReply(404, { error: `record ${id} not found` });
  return jsonReply(200, toSerdeRecord(record));
}

/**
 * `Json<CreateRecord>` with `struct CreateRecord { display_name: String, #[serde(default)] tags: Vec<String> }`;
 * answers 201 with a `location`.
 * @param {ReturnType<typeof createStore>} store
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function create(store, ctx) {
  const extracted = extractJson(ctx);
  if (!extracted.ok) return extracted.reply;
  const { value, scan } = extracted;
  const spec = { name: 'CreateRecord', fields: ['display_name', 'tags'], required: 1 };
  const struct = structMembers(ctx.body, scan, value, spec);
  if (!struct.ok) return struct.reply;
  const input = readCreateRecord(struct.members);
  if (!input.ok) return dataRejection(ctx.body, scan, input.pointer, input.message);
  if (input.displayName === undefined) {
    return dataRejection(ctx.body, scan, '', 'missing field `display_name`');
  }
  if (input.displayName.trim() === '') {
    return jsonReply(400, { error: 'display_name must not be empty' });
  }
  const record = store.create({ displayName: input.displayName, tags: input.tags });
  return jsonReply(201, toSerdeRecord(record), { location: `/v1/records/${record.id}` });
}

/**
 * serde visits the members in document order and stops at the first one of the wrong type.
 * @param {readonly [string, unknown, string][]} members
 * @returns {{ ok: true, displayName: string | undefined, tags: string[] } | { ok: false, pointer: string, message: string }}
 */
function readCreateRecord(members) {
  /** @type {string | undefined} */
  let displayName;
  /** @type {string[]} */
  let tags = [];
  for (const [key, member, pointer] of members) {
    if (key === 'display_name') {
      if (typeof member !== 'string') return invalidType(pointer, member, 'a string');
      displayName = member;
    } else if (key === 'tags') {
      if (!Array.isArray(member)) return invalidType(pointer, member, 'a sequence');
      const bad = member.findIndex((tag) => typeof tag !== 'string');
      if (bad >= 0) return invalidType(`${pointer}/${bad}`, member[bad], 'a string');
      tags = member;
    }
  }
  return { ok: true, displayName, tags };
}

/**
 * @param {string} pointer
 * @param {unknown} value
 * @param {string} expected
 * @returns {{ ok: false, pointer: string, message: string }}
 */
function invalidType(pointer, value, expected) {
  return {
    ok: false,
    pointer,
    message: `invalid type: ${unexpected(value)}, expected ${expected}`,
  };
}
