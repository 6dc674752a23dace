/**
 * Notes: a small stateful resource both reference servers serve, for the
 * bundled flow example (`examples/flows/lifecycle.yaml`). Like two runtimes
 * with two databases, each server instance assigns its own ids (serde from
 * 1, Go from 5001) and writes its own ETags (serde `"1-v1"`, Go the weak
 * `W/"5001.1"`), so a flow has to capture them per target. Conditional
 * requests work as HTTP says: `If-None-Match` with the current ETag is a 304,
 * `If-Match` with another one a 412. Each flavor writes its replies (and its
 * 404 error envelope) its own way, through the functions it passes in.
 */

/** @typedef {import('./http-util.js').Reply} Reply */
/** @typedef {import('./http-util.js').Route} Route */
/** @typedef {import('./http-util.js').RequestContext} RequestContext */

/**
 * @typedef {object} NotesFlavor
 * @property {number} firstId The first id this server assigns.
 * @property {(id: number, version: number) => string} etag
 * @property {(status: number, value: unknown, headers?: Record<string, string>) => Reply} json
 * @property {(message: string) => unknown} error The body of a 4xx reply.
 * @property {{ etag: string, location: string }} names The flavor's header spelling.
 */

/**
 * The routes of the notes resource, each server with its own store.
 * @param {NotesFlavor} flavor
 * @returns {Route[]}
 */
export function notesRoutes(flavor) {
  /** @type {Map<number, { id: number, text: string, version: number }>} */
  const notes = new Map();
  let nextId = flavor.firstId;
  const tag = (/** @type {{ id: number, version: number }} */ note) =>
    flavor.etag(note.id, note.version);
  /** @param {RequestContext} ctx */
  const find = (ctx) => notes.get(Number(ctx.params['id'] ?? ''));
  /** @param {RequestContext} ctx */
  const missing = (ctx) => flavor.json(404, flavor.error(`note ${ctx.params['id']} not found`));
  const empty = (
    /** @type {number} */ status,
    /** @type {Record<string, string>} */ headers = {},
  ) => ({
    status,
    headers,
    body: '',
  });
  return [
    {
      method: 'POST',
      pattern: '/v1/notes',
      handle: (ctx) => {
        const text = textOf(ctx.body);
        if (text === undefined) return flavor.json(400, flavor.error('text is required'));
        const note = { id: nextId++, text, version: 1 };
        notes.set(note.id, note);
        return flavor.json(201, note, {
          [flavor.names.etag]: tag(note),
          [flavor.names.location]: `/v1/notes/${note.id}`,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/v1/notes/:id',
      handle: (ctx) => {
        const note = find(ctx);
        if (note === undefined) return missing(ctx);
        if (ctx.req.headers['if-none-match'] === tag(note)) {
          return empty(304, { [flavor.names.etag]: tag(note) });
        }
        return flavor.json(200, note, { [flavor.names.etag]: tag(note) });
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/notes/:id',
      handle: (ctx) => {
        const note = find(ctx);
        if (note === undefined) return missing(ctx);
        const match = ctx.req.headers['if-match'];
        if (match !== undefined && match !== tag(note)) {
          return flavor.json(412, flavor.error('the note changed since you read it'));
        }
        const text = textOf(ctx.body);
        if (text === undefined) return flavor.json(400, flavor.error('text is required'));
        note.text = text;
        note.version++;
        return flavor.json(200, note, { [flavor.names.etag]: tag(note) });
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/notes/:id',
      handle: (ctx) => {
        const note = find(ctx);
        if (note === undefined) return missing(ctx);
        notes.delete(note.id);
        return empty(204);
      },
    },
  ];
}

/**
 * The `text` of a JSON body `{"text": "…"}`, or undefined when there is none.
 * @param {string} body
 */
function textOf(body) {
  try {
    const value = JSON.parse(body);
    return typeof value?.text === 'string' ? value.text : undefined;
  } catch {
    return undefined;
  }
}
