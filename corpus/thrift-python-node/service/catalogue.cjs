// The parts catalogue's service ported to Node, as the npm package `thrift`
// 0.17.0 serves one over HTTP: the generated processor under
// thrift.createWebServer, speaking Thrift's JSON protocol.
// Usage: node catalogue.cjs GENERATED_DIR PORT, with NODE_PATH naming the
// node_modules that holds `thrift` (the generated code requires it).
// GENERATED_DIR holds the code `thrift --gen js:node` wrote from
// catalogue.thrift. Everything is in memory.
const { join } = require('node:path');
const thrift = require('thrift');

const Catalogue = require(join(process.argv[2], 'Catalogue.js'));
const { Invalid, Kind, NotFound, Part } = require(join(process.argv[2], 'catalogue_types.js'));

const kindNames = Object.fromEntries(Object.entries(Kind).map(([name, value]) => [value, name]));
const parts = new Map();
let nextId = 1;
let touches = 0;

function find(id) {
  if (id < 0) throw new Error('id must not be negative');
  const part = parts.get(id);
  if (!part) throw new NotFound({ id, message: `no part ${id}` });
  return part;
}

const handler = {
  add(part) {
    if (part.name == null || !part.name.trim())
      throw new Invalid({ field: 'name', reason: 'name is required' });
    if (part.stock < 0) throw new Invalid({ field: 'stock', reason: 'stock must not be negative' });
    if (!(part.kind in kindNames))
      throw new Invalid({ field: 'kind', reason: `unknown kind ${part.kind}` });
    const added = new Part({
      id: nextId,
      name: part.name,
      kind: part.kind,
      stock: part.stock,
      note: part.note,
      tags: [...(part.tags ?? [])],
      weight: part.weight ?? 0,
    });
    parts.set(added.id, added);
    nextId += 1;
    return added;
  },
  get(id) {
    return find(id);
  },
  byKind(kind) {
    return [...parts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, p]) => p)
      .filter((p) => p.kind === kind);
  },
  restock(id, count) {
    const part = find(id);
    if (count === 0) throw new Invalid({ field: 'count', reason: 'count must not be zero' });
    if (part.stock + count < 0)
      throw new Invalid({ field: 'count', reason: `only ${part.stock} in stock` });
    part.stock += count;
    return part;
  },
  remove(id) {
    find(id);
    parts.delete(id);
  },
  count() {
    return parts.size;
  },
  stockByKind() {
    const totals = {};
    for (const value of Object.keys(kindNames)
      .map(Number)
      .sort((a, b) => a - b)) {
      totals[kindNames[value]] = [...parts.values()]
        .filter((p) => p.kind === value)
        .reduce((sum, p) => sum + p.stock, 0);
    }
    return totals;
  },
  totalWeight() {
    return [...parts.values()].reduce((sum, p) => sum + p.weight * p.stock, 0);
  },
  label(id) {
    const part = find(id);
    return Buffer.from(`${part.name} #${part.id}`, 'utf8');
  },
  allTags() {
    return [...new Set([...parts.values()].flatMap((p) => p.tags))].sort();
  },
  touch() {
    touches += 1;
  },
  touched() {
    return touches;
  },
};

const server = thrift.createWebServer({
  services: {
    '/': {
      transport: thrift.TBufferedTransport,
      protocol: thrift.TJSONProtocol,
      processor: Catalogue,
      handler,
    },
  },
});
server.listen(Number(process.argv[3]), '127.0.0.1', () => {
  console.log(`listening on 127.0.0.1:${process.argv[3]}`);
});
