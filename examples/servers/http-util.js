/**
 * The small HTTP plumbing both reference servers share: reading a request
 * body, writing a response with an exact header spelling, and a router that
 * tells "no such path" (404) from "path exists, wrong method" (405), as axum's
 * Router and Go 1.22's ServeMux both do.
 *
 * Responses carry no `Date` header (both real runtimes send one) so that every
 * run of the example is byte-for-byte reproducible.
 */

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} RequestContext
 * @property {IncomingMessage} req
 * @property {URL} url
 * @property {Record<string, string>} params Path parameters, e.g. `{ id: '7' }`.
 * @property {string} body The request body decoded as UTF-8 (invalid sequences become U+FFFD).
 * @property {Buffer} bytes The request body as received.
 */

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {Record<string, string>} headers Names exactly as the runtime writes them.
 * @property {string} body
 */

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {string} pattern A path with `:name` segments, e.g. `/v1/records/:id`.
 * @property {(ctx: RequestContext) => Reply} handle
 */

/**
 * @typedef {{ kind: 'found', route: Route, params: Record<string, string> }
 *   | { kind: 'method-not-allowed', allowed: string[] }
 *   | { kind: 'not-found' }} RouteMatch
 */

/**
 * Find the route for `method` and `pathname`. A GET route also answers HEAD,
 * as in both runtimes.
 * @param {readonly Route[]} routes
 * @param {string} method
 * @param {string} pathname
 * @returns {RouteMatch}
 */
export function matchRoute(routes, method, pathname) {
  /** @type {string[]} */
  const allowed = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (params === undefined) continue;
    const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
    if (methods.includes(method)) return { kind: 'found', route, params };
    allowed.push(...methods);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

/**
 * @param {string} pattern
 * @param {string} pathname
 * @returns {Record<string, string> | undefined}
 */
function matchPattern(pattern, pathname) {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  /** @type {Record<string, string>} */
  const params = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return undefined;
      params[segment.slice(1)] = percentDecode(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

/** @param {string} segment */
function percentDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape stays as written; the handler rejects it as an id
  }
}

/**
 * Read the whole request body.
 * @param {IncomingMessage} req
 */
export async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Write `reply`, adding a content length under the runtime's spelling of its name.
 * @param {ServerResponse} res
 * @param {Reply} reply
 * @param {string} lengthHeader `content-length` (hyper) or `Content-Length` (Go).
 */
export function send(res, reply, lengthHeader) {
  const body = Buffer.from(reply.body, 'utf8');
  res.sendDate = false;
  res.writeHead(reply.status, { ...reply.headers, [lengthHeader]: String(body.length) });
  res.end(body);
}

/**
 * Serve `routes` with a runtime's fallbacks for unknown paths and wrong methods.
 * @param {object} options
 * @param {readonly Route[]} options.routes
 * @param {() => Reply} options.notFound
 * @param {(allowed: string[]) => Reply} options.methodNotAllowed
 * @param {string} options.lengthHeader
 * @returns {(req: IncomingMessage, res: ServerResponse) => Promise<void>}
 */
export function createHandler({ routes, notFound, methodNotAllowed, lengthHeader }) {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const bytes = await readBody(req);
    const body = bytes.toString('utf8');
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
    /** @type {Reply} */
    let reply;
    try {
      if (match.kind === 'found') {
        reply = match.route.handle({ req, url, params: match.params, body, bytes });
      } else if (match.kind === 'method-not-allowed') {
        reply = methodNotAllowed(match.allowed);
      } else {
        reply = notFound();
      }
    } catch {
      // A bug in an example handler must not take the process down mid-run.
      reply = { status: 500, headers: {}, body: '' };
    }
    send(res, reply, lengthHeader);
  };
}
