# A stock keeper's XML-RPC service on Python's standard library, the way its
# documentation shows it: SimpleXMLRPCServer with the `stock.*` functions
# registered by name, introspection (`system.listMethods`, `methodHelp`,
# `methodSignature`) and `system.multicall` on, kept in memory. stock.cjs
# beside it is the same service ported to the npm package `xmlrpc`.
#   python3 stock.py PORT
# Items are numbered from 1 in the order they are added (a number is never
# reused); a refusal is an XML-RPC fault with the service's own code and
# message.
import sys
from xmlrpc.client import DateTime, Fault
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

items = []
next_id = 1


def is_whole(value):
    return type(value) is int


def is_number(value):
    return type(value) in (int, float)


def find(item_id):
    for item in items:
        if item['id'] == item_id:
            return item
    raise Fault(20, f'no item {item_id}')


def add(fields):
    global next_id
    if not isinstance(fields, dict):
        raise Fault(10, 'an item is a struct')
    name = fields.get('name')
    if not isinstance(name, str) or not name.strip():
        raise Fault(11, 'name is required')
    quantity = fields.get('quantity')
    if not is_whole(quantity) or quantity < 0:
        raise Fault(12, 'quantity must be a whole number of 0 or more')
    price = fields.get('price')
    if not is_number(price):
        raise Fault(13, 'price must be a number')
    tags = fields.get('tags', [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise Fault(14, 'tags must be an array of strings')
    item = {'id': next_id, 'name': name, 'quantity': quantity, 'price': price, 'tags': tags}
    if 'restocked' in fields:
        if not isinstance(fields['restocked'], DateTime):
            raise Fault(15, 'restocked must be a dateTime')
        item['restocked'] = fields['restocked']
    items.append(item)
    next_id += 1
    return item


def get(item_id):
    return find(item_id)


def list_items():
    return items


def tagged(tag):
    return [item for item in items if tag in item['tags']]


def adjust(item_id, delta):
    item = find(item_id)
    if not is_whole(delta):
        raise Fault(16, 'delta must be a whole number')
    if item['quantity'] + delta < 0:
        raise Fault(21, f"not enough stock: {item['quantity']} left")
    item['quantity'] += delta
    return item['quantity']


def remove(item_id):
    items.remove(find(item_id))
    return True


def total():
    return float(sum(item['price'] * item['quantity'] for item in items))


class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ('/', '/RPC2')


server = SimpleXMLRPCServer(('127.0.0.1', int(sys.argv[1])), requestHandler=Handler, logRequests=False)
server.register_introspection_functions()
server.register_multicall_functions()
server.register_function(add, 'stock.add')
server.register_function(get, 'stock.get')
server.register_function(list_items, 'stock.list')
server.register_function(tagged, 'stock.tagged')
server.register_function(adjust, 'stock.adjust')
server.register_function(remove, 'stock.remove')
server.register_function(total, 'stock.total')
server.serve_forever()
