// The lending library's JSON-RPC 2.0 service of shelf.py, ported to the npm
// package `jayson` the way its README shows a server: a `jayson.Server` over
// an object of methods, each `(args, callback)`, served by `server.http()`.
// Books kept in memory, the same checks, codes and messages; a call without
// params hands a method `undefined`, read as no members.
//   node shelf.cjs JAYSON_PACKAGE_DIR PORT
'use strict';
const [packageDir, port] = process.argv.slice(2);
const jayson = require(packageDir);

const books = [];
let nextId = 1;
const refusal = (code, message) => ({ code, message });
const blank = (s) => typeof s !== 'string' || !s.trim();

const find = (id) => books.find((b) => b.id === id);

const methods = {
  'shelf.add': (args = {}, cb) => {
    const { title, author, copies = 1 } = args;
    if (blank(title)) return cb(refusal(-32010, 'title is required'));
    if (blank(author)) return cb(refusal(-32011, 'author is required'));
    if (!Number.isInteger(copies) || copies < 1)
      return cb(refusal(-32012, 'copies must be a whole number of 1 or more'));
    const book = { id: nextId++, title, author, copies, lentTo: [] };
    books.push(book);
    return cb(null, book);
  },
  'shelf.get': (args = {}, cb) => {
    const book = find(args.id);
    return book ? cb(null, book) : cb(refusal(-32001, `no book ${args.id}`));
  },
  'shelf.list': (args = {}, cb) =>
    cb(null, args.author === undefined ? books : books.filter((b) => b.author === args.author)),
  'shelf.lend': (args = {}, cb) => {
    const { id, reader } = args;
    const book = find(id);
    if (!book) return cb(refusal(-32001, `no book ${id}`));
    if (blank(reader)) return cb(refusal(-32013, 'reader is required'));
    if (book.lentTo.length >= book.copies)
      return cb(refusal(-32002, `no copy of book ${id} is left`));
    book.lentTo.push(reader);
    return cb(null, { id, left: book.copies - book.lentTo.length });
  },
  'shelf.giveBack': (args = {}, cb) => {
    const { id, reader } = args;
    const book = find(id);
    if (!book) return cb(refusal(-32001, `no book ${id}`));
    const at = book.lentTo.indexOf(reader);
    if (at < 0) return cb(refusal(-32003, `book ${id} is not lent to ${reader}`));
    book.lentTo.splice(at, 1);
    return cb(null, { id, left: book.copies - book.lentTo.length });
  },
  'shelf.remove': (args = {}, cb) => {
    const book = find(args.id);
    if (!book) return cb(refusal(-32001, `no book ${args.id}`));
    if (book.lentTo.length) return cb(refusal(-32004, `book ${args.id} is lent out`));
    books.splice(books.indexOf(book), 1);
    return cb(null, true);
  },
  'shelf.count': (_args, cb) =>
    cb(null, {
      titles: books.length,
      copies: books.reduce((n, b) => n + b.copies, 0),
      lent: books.reduce((n, b) => n + b.lentTo.length, 0),
    }),
};

const server = new jayson.Server(methods);
server.http().listen(Number(port), '127.0.0.1');
