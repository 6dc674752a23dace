# A JSON document store that takes RFC 6902 JSON Patch, on Python's standard
# library and Debian's `python3-jsonpatch` (with `python3-jsonpointer`), the
# way a team writes it: http.server, documents kept in memory by name.
# docs.cjs beside it is the same service ported to Node on the npm package
# `fast-json-patch`.
#   python3 docs.py PORT
# Routes: GET /docs (the names), PUT /docs/NAME (a JSON body; 201 new, 200
# replaced), GET /docs/NAME (?pointer=/a/b for one value, RFC 6901), PATCH
# /docs/NAME (application/json-patch+json; the patched document, or nothing
# changed on a refusal), DELETE /docs/NAME (204). A refusal is
# {"error": KIND, "message": the library's words}.
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import jsonpatch
import jsonpointer

docs = {}


class Refusal(Exception):
    def __init__(self, status, kind, message):
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=None):
        self.send_response(status)
        if body is None:
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        data = json.dumps(body).encode()
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def route(self):
        url = urlsplit(self.path)
        parts = url.path.split('/')
        if url.path == '/docs':
            return None, parse_qs(url.query)
        if len(parts) == 3 and parts[1] == 'docs' and parts[2]:
            return unquote(parts[2]), parse_qs(url.query)
        raise Refusal(404, 'no-route', f'no route {url.path}')

    def read_json(self):
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(length).decode()
        try:
            return json.loads(raw)
        except ValueError as e:
            raise Refusal(400, 'invalid-json', str(e))

    def existing(self, name):
        if name not in docs:
            raise Refusal(404, 'not-found', f'no document {name}')
        return docs[name]

    def handle_with(self, method):
        try:
            name, query = self.route()
            if name is None:
                if method != 'GET':
                    raise Refusal(405, 'method-not-allowed', f'{method} is not allowed on /docs')
                return self.answer(200, {'docs': sorted(docs)})
            getattr(self, 'on_' + method.lower())(name, query)
        except Refusal as r:
            self.answer(r.status, {'error': r.kind, 'message': r.message})
        except Exception as e:  # a fault of the library or of this code: 500, the process lives on
            self.answer(500, {'error': 'internal', 'message': str(e)})

    def on_get(self, name, query):
        doc = self.existing(name)
        if 'pointer' not in query:
            return self.answer(200, doc)
        pointer = query['pointer'][0]
        try:
            return self.answer(200, jsonpointer.resolve_pointer(doc, pointer))
        except jsonpointer.JsonPointerException as e:
            raise Refusal(404, 'no-value', str(e))

    def on_put(self, name, query):
        body = self.read_json()
        status = 200 if name in docs else 201
        docs[name] = body
        self.answer(status, body)

    def on_patch(self, name, query):
        doc = self.existing(name)
        if self.headers.get('Content-Type', '').split(';')[0].strip() != 'application/json-patch+json':
            raise Refusal(415, 'unsupported-media-type', 'send a JSON Patch as application/json-patch+json')
        operations = self.read_json()
        try:
            patched = jsonpatch.JsonPatch(operations).apply(doc)
        except jsonpatch.JsonPatchTestFailed as e:
            raise Refusal(409, 'test-failed', str(e))
        except jsonpatch.InvalidJsonPatch as e:
            raise Refusal(400, 'invalid-patch', str(e))
        except (jsonpatch.JsonPatchConflict, jsonpointer.JsonPointerException) as e:
            raise Refusal(409, 'conflict', str(e))
        docs[name] = patched
        self.answer(200, patched)

    def on_delete(self, name, query):
        self.existing(name)
        del docs[name]
        self.answer(204)

    def do_GET(self):
        self.handle_with('GET')

    def do_PUT(self):
        self.handle_with('PUT')

    def do_PATCH(self):
        self.handle_with('PATCH')

    def do_DELETE(self):
        self.handle_with('DELETE')


if __name__ == '__main__':
    HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
