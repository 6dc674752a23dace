# The parts catalogue's service in Python, as Apache Thrift's Python library
# (Debian's python3-thrift 0.17) serves one over HTTP: the generated
# processor under thrift.server.THttpServer, speaking Thrift's JSON protocol.
# Usage: catalogue.py GENERATED_DIR PORT (GENERATED_DIR holds the code
# `thrift --gen py` wrote from catalogue.thrift). Everything is in memory.
import sys

sys.path.insert(0, sys.argv[1])

from catalogue import Catalogue  # noqa: E402
from catalogue.ttypes import Invalid, Kind, NotFound, Part  # noqa: E402
from thrift.protocol.TJSONProtocol import TJSONProtocolFactory  # noqa: E402
from thrift.server.THttpServer import THttpServer  # noqa: E402


class Handler:
    def __init__(self):
        self.parts = {}
        self.next_id = 1
        self.touches = 0

    def _find(self, id):
        if id < 0:
            raise ValueError('id must not be negative')
        if id not in self.parts:
            raise NotFound(id=id, message='no part %d' % id)
        return self.parts[id]

    def add(self, part):
        if part.name is None or not part.name.strip():
            raise Invalid(field='name', reason='name is required')
        if part.stock < 0:
            raise Invalid(field='stock', reason='stock must not be negative')
        if part.kind not in Kind._VALUES_TO_NAMES:
            raise Invalid(field='kind', reason='unknown kind %s' % part.kind)
        added = Part(
            id=self.next_id,
            name=part.name,
            kind=part.kind,
            stock=part.stock,
            note=part.note,
            tags=list(part.tags or []),
            weight=part.weight or 0.0,
        )
        self.parts[added.id] = added
        self.next_id += 1
        return added

    def get(self, id):
        return self._find(id)

    def byKind(self, kind):
        return [p for _, p in sorted(self.parts.items()) if p.kind == kind]

    def restock(self, id, count):
        part = self._find(id)
        if count == 0:
            raise Invalid(field='count', reason='count must not be zero')
        if part.stock + count < 0:
            raise Invalid(field='count', reason='only %d in stock' % part.stock)
        part.stock += count
        return part

    def remove(self, id):
        self._find(id)
        del self.parts[id]

    def count(self):
        return len(self.parts)

    def stockByKind(self):
        totals = {}
        for value, name in sorted(Kind._VALUES_TO_NAMES.items()):
            totals[name] = sum(p.stock for p in self.parts.values() if p.kind == value)
        return totals

    def totalWeight(self):
        return sum(p.weight * p.stock for p in self.parts.values())

    def label(self, id):
        part = self._find(id)
        return ('%s #%d' % (part.name, part.id)).encode('utf-8')

    def allTags(self):
        return sorted({t for p in self.parts.values() for t in p.tags})

    def touch(self, id):
        self.touches += 1

    def touched(self):
        return self.touches


processor = Catalogue.Processor(Handler())
server = THttpServer(processor, ('127.0.0.1', int(sys.argv[2])), TJSONProtocolFactory())
print('listening on 127.0.0.1:%s' % sys.argv[2], flush=True)
server.serve()
