// The JSON document store of docs.py ported to Node on the npm package
// `fast-json-patch` (RFC 6902 JSON Patch, RFC 6901 pointers): node:http,
// documents kept in memory by name, the same routes and refusal kinds.
//   node docs.cjs PATH/TO/node_modules/fast-json-patch PORT
// A refusal's message is the first line of the library's (fast-json-patch
// appends the operation and the whole document on the lines after it).
const http = require('node:http');
const jsonpatch = require(process.argv[2]);

const docs = new Map();

class Refusal extends Error {
  constructor(status, kind, message) {
    super(message);
    Object.assign(this, { status, kind });
  }
}

const CONFLICTS = new Set([
  'OPERATION_PATH_UNRESOLVABLE',
  'OPERATION_FROM_UNRESOLVABLE',
  'OPERATION_VALUE_OUT_OF_BOUNDS',
]);

function answer(res, status, body) {
  if (body === undefined) {
    res.writeHead(status, { 'content-length': '0' });
    return res.end();
  }
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

function route(req) {
  const url = new URL(req.url, 'http://localhost');
  const parts = url.pathname.split('/');
  if (url.pathname === '/docs') return { name: null, query: url.searchParams };
  if (parts.length === 3 && parts[1] === 'docs' && parts[2]) {
    return { name: decodeURIComponent(parts[2]), query: url.searchParams };
  }
  throw new Refusal(404, 'no-route', `no route ${url.pathname}`);
}

function readJson(raw) {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new Refusal(400, 'invalid-json', e.message);
  }
}

function existing(name) {
  if (!docs.has(name)) throw new Refusal(404, 'not-found', `no document ${name}`);
  return docs.get(name);
}

const handlers = {
  GET(_req, res, name, query) {
    const doc = existing(name);
    if (!query.has('pointer')) return answer(res, 200, doc);
    const pointer = query.get('pointer');
    const value = jsonpatch.getValueByPointer(doc, pointer);
    if (value === undefined) throw new Refusal(404, 'no-value', `no value at ${pointer}`);
    answer(res, 200, value);
  },
  PUT(_req, res, name, _query, raw) {
    const body = readJson(raw);
    const status = docs.has(name) ? 200 : 201;
    docs.set(name, body);
    answer(res, status, body);
  },
  PATCH(req, res, name, _query, raw) {
    const doc = existing(name);
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    if (type !== 'application/json-patch+json') {
      throw new Refusal(
        415,
        'unsupported-media-type',
        'send a JSON Patch as application/json-patch+json',
      );
    }
    const operations = readJson(raw);
    let patched;
    try {
      patched = jsonpatch.applyPatch(doc, operations, true, false).newDocument;
    } catch (e) {
      if (!(e instanceof jsonpatch.JsonPatchError)) throw e;
      const message = e.message.split('\n')[0];
      if (e.name === 'TEST_OPERATION_FAILED') throw new Refusal(409, 'test-failed', message);
      if (CONFLICTS.has(e.name)) throw new Refusal(409, 'conflict', message);
      throw new Refusal(400, 'invalid-patch', message);
    }
    docs.set(name, patched);
    answer(res, 200, patched);
  },
  DELETE(_req, res, name) {
    existing(name);
    docs.delete(name);
    answer(res, 204);
  },
};

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const { name, query } = route(req);
        if (name === null) {
          if (req.method !== 'GET') {
            throw new Refusal(405, 'method-not-allowed', `${req.method} is not allowed on /docs`);
          }
          return answer(res, 200, { docs: [...docs.keys()].sort() });
        }
        const handler = handlers[req.method];
        if (!handler) throw new Refusal(405, 'method-not-allowed', `${req.method} is not allowed`);
        handler(req, res, name, query, Buffer.concat(chunks).toString());
      } catch (e) {
        // A fault of the library or of this code: 500, the process lives on.
        if (!(e instanceof Refusal))
          return answer(res, 500, { error: 'internal', message: e.message });
        answer(res, e.status, { error: e.kind, message: e.message });
      }
    });
  })
  .listen(Number(process.argv[3]), '127.0.0.1');
