# A lending library's JSON-RPC 2.0 service on Debian's python3-jsonrpc
# (json-rpc 1.13) under werkzeug, served as the package's README shows:
# one `@Request.application` that hands the body to
# `JSONRPCResponseManager.handle` with the dispatcher and answers its `.json`
# as application/json. Books kept in memory; refusals raised as
# JSONRPCDispatchException with the service's own codes.
#   python3 shelf.py PORT
import sys

from jsonrpc import JSONRPCResponseManager, dispatcher
from jsonrpc.exceptions import JSONRPCDispatchException
from werkzeug.serving import run_simple
from werkzeug.wrappers import Request, Response

books = []
state = {'next_id': 1}


def refuse(code, message):
    raise JSONRPCDispatchException(code=code, message=message)


def find(book_id):
    for book in books:
        if book['id'] == book_id:
            return book
    refuse(-32001, 'no book %s' % (book_id,))


@dispatcher.add_method(name='shelf.add')
def add(title, author, copies=1):
    if not isinstance(title, str) or not title.strip():
        refuse(-32010, 'title is required')
    if not isinstance(author, str) or not author.strip():
        refuse(-32011, 'author is required')
    if not isinstance(copies, int) or isinstance(copies, bool) or copies < 1:
        refuse(-32012, 'copies must be a whole number of 1 or more')
    book = {'id': state['next_id'], 'title': title, 'author': author,
            'copies': copies, 'lentTo': []}
    state['next_id'] += 1
    books.append(book)
    return book


@dispatcher.add_method(name='shelf.get')
def get(id):
    return find(id)


@dispatcher.add_method(name='shelf.list')
def list_books(author=None):
    if author is None:
        return books
    return [b for b in books if b['author'] == author]


@dispatcher.add_method(name='shelf.lend')
def lend(id, reader):
    book = find(id)
    if not isinstance(reader, str) or not reader.strip():
        refuse(-32013, 'reader is required')
    if len(book['lentTo']) >= book['copies']:
        refuse(-32002, 'no copy of book %s is left' % (id,))
    book['lentTo'].append(reader)
    return {'id': id, 'left': book['copies'] - len(book['lentTo'])}


@dispatcher.add_method(name='shelf.giveBack')
def give_back(id, reader):
    book = find(id)
    if reader not in book['lentTo']:
        refuse(-32003, 'book %s is not lent to %s' % (id, reader))
    book['lentTo'].remove(reader)
    return {'id': id, 'left': book['copies'] - len(book['lentTo'])}


@dispatcher.add_method(name='shelf.remove')
def remove(id):
    book = find(id)
    if book['lentTo']:
        refuse(-32004, 'book %s is lent out' % (id,))
    books.remove(book)
    return True


@dispatcher.add_method(name='shelf.count')
def count():
    return {'titles': len(books), 'copies': sum(b['copies'] for b in books),
            'lent': sum(len(b['lentTo']) for b in books)}


@Request.application
def application(request):
    response = JSONRPCResponseManager.handle(request.data, dispatcher)
    return Response(response.json, mimetype='application/json')


if __name__ == '__main__':
    run_simple('127.0.0.1', int(sys.argv[1]), application)
