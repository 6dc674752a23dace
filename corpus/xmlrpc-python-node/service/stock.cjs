// The stock keeper's XML-RPC service of stock.py, ported to the npm package
// `xmlrpc` the way its README shows a server: one listener per method name,
// kept in memory, the same checks, fault codes and messages.
//   node stock.cjs XMLRPC_PACKAGE_DIR PORT
'use strict';
const [packageDir, port] = process.argv.slice(2);
const xmlrpc = require(packageDir);

const items = [];
let nextId = 1;
const fault = (faultCode, faultString) => ({ faultCode, faultString });

const find = (id) => {
  const item = items.find((i) => i.id === id);
  if (!item) throw fault(20, `no item ${id}`);
  return item;
};

const add = (fields) => {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw fault(10, 'an item is a struct');
  const { name, quantity, price, tags = [] } = fields;
  if (typeof name !== 'string' || !name.trim()) throw fault(11, 'name is required');
  if (!Number.isInteger(quantity) || quantity < 0)
    throw fault(12, 'quantity must be a whole number of 0 or more');
  if (typeof price !== 'number') throw fault(13, 'price must be a number');
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string'))
    throw fault(14, 'tags must be an array of strings');
  const item = { id: nextId, name, quantity, price, tags };
  if ('restocked' in fields) {
    if (!(fields.restocked instanceof Date)) throw fault(15, 'restocked must be a dateTime');
    item.restocked = fields.restocked;
  }
  items.push(item);
  nextId += 1;
  return item;
};

const methods = {
  'stock.add': add,
  'stock.get': (id) => find(id),
  'stock.list': () => items,
  'stock.tagged': (tag) => items.filter((i) => i.tags.includes(tag)),
  'stock.adjust': (id, delta) => {
    const item = find(id);
    if (!Number.isInteger(delta)) throw fault(16, 'delta must be a whole number');
    if (item.quantity + delta < 0) throw fault(21, `not enough stock: ${item.quantity} left`);
    item.quantity += delta;
    return item.quantity;
  },
  'stock.remove': (id) => {
    items.splice(items.indexOf(find(id)), 1);
    return true;
  },
  'stock.total': () => items.reduce((sum, i) => sum + i.price * i.quantity, 0),
};

const server = xmlrpc.createServer({ host: '127.0.0.1', port: Number(port) });
for (const [name, method] of Object.entries(methods)) {
  server.on(name, (_err, params, callback) => {
    let value;
    try {
      value = method(...params);
    } catch (err) {
      if (err && err.faultCode !== undefined) return callback(err);
      throw err;
    }
    callback(null, value);
  });
}
