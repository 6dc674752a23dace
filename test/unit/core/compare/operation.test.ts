import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import {
  collectionOf,
  operationOfEndpoint,
  pathOfEndpoint,
  requestEndpoint,
  resourceOfEndpoint,
} from '../../../../src/core/compare/endpoint.js';
import { operationOf } from '../../../../src/core/compare/operation.js';

type Request = Pick<CaseRequest, 'method' | 'path' | 'headers' | 'body'>;

const post = (value: unknown, headers: [string, string][] = []): Request => ({
  method: 'POST',
  path: '/',
  headers,
  body: { kind: 'json', value },
});

describe('operationOf', () => {
  it('names a JSON-RPC 2.0 or 1.0 call by its method, a batch by its methods in order', () => {
    expect(operationOf(post({ jsonrpc: '2.0', id: 1, method: 'ledger.balance', params: [] }))).toBe(
      'ledger.balance',
    );
    expect(operationOf(post({ method: 'getQuota', params: ['a'], id: 9 }))).toBe('getQuota');
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'b.two' },
      { jsonrpc: '2.0', id: 2, method: 'a.one' },
    ];
    expect(operationOf(post(batch))).toBe('[b.two,a.one]');
    const long = Array.from({ length: 10 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: `m${i}` }));
    expect(operationOf(post(long))).toBe('[m0,m1,m2,m3,m4,m5,m6,m7,…]');
  });

  it('names no operation for a body that is no call', () => {
    // A REST body with a `method` member alone (a payment method) is no JSON-RPC call.
    expect(operationOf(post({ method: 'card', amount: 3 }))).toBeUndefined();
    expect(operationOf(post([{ jsonrpc: '2.0', method: 'x' }, { id: 2 }]))).toBeUndefined();
    expect(operationOf(post([]))).toBeUndefined();
    expect(operationOf(post({ jsonrpc: '2.0', method: 'has space', id: 1 }))).toBeUndefined();
    expect(operationOf(post({ jsonrpc: '2.0', method: 'a/b', id: 1 }))).toBeUndefined();
    expect(operationOf({ ...post(null), body: { kind: 'none' } })).toBeUndefined();
  });

  it('reads a text body that is JSON, and nothing from text that is not', () => {
    const text = (t: string): Request => ({ ...post(null), body: { kind: 'text', text: t } });
    expect(operationOf(text(' {"jsonrpc":"2.0","id":4,"method":"store.put"}'))).toBe('store.put');
    expect(operationOf(text('{"jsonrpc":"2.0","id":4,"method":'))).toBeUndefined();
    expect(operationOf(text('method=store.put'))).toBeUndefined();
  });

  it('names an XML-RPC call by its methodName, and no call that is cut short or of another root', () => {
    const text = (t: string): Request => ({ ...post(null), body: { kind: 'text', text: t } });
    const call = (name: string, param: string) =>
      `<?xml version="1.0"?><methodCall><methodName>${name}</methodName><params><param><value>${param}</value></param></params></methodCall>`;
    expect(operationOf(text(call('stock.add', '<struct></struct>')))).toBe('stock.add');
    expect(operationOf(text(call('ledger_post', '<int>3</int>')))).toBe('ledger_post');
    // No declaration, and whitespace between elements and around the name, as a client may write them.
    expect(
      operationOf(text('\n<methodCall>\n  <methodName> Shelf.Count </methodName>\n</methodCall>')),
    ).toBe('Shelf.Count');
    expect(operationOf(text('<?xml version="1.0"?><methodCall><methodName>stock.get</meth'))).toBe(
      undefined,
    );
    expect(operationOf(text(call('has space', '<int>1</int>')))).toBeUndefined();
    expect(
      operationOf(text('<methodResponse><methodName>stock.add</methodName></methodResponse>')),
    ).toBeUndefined();
    expect(
      operationOf(text('<order><methodCall><methodName>a</methodName></methodCall></order>')),
    ).toBe(undefined);
    expect(operationOf(text('name=lamp&quantity=4'))).toBeUndefined();
  });

  it("names a GraphQL request by its operationName, else by its operation's first field", () => {
    expect(operationOf(post({ query: 'query Q { me { id } }', operationName: 'Viewer' }))).toBe(
      'Viewer',
    );
    expect(operationOf(post({ query: '{ author(id: 1) { name } }' }))).toBe('author');
    expect(operationOf(post({ query: 'query($id: ID!) { who: person(id: $id) { id } }' }))).toBe(
      'person',
    );
    expect(operationOf(post({ query: '# note\nmutation Add { addBook(t: "x") { id } }' }))).toBe(
      'mutation:addBook',
    );
    // A document that opens with a fragment is not read so simply.
    expect(
      operationOf(post({ query: 'fragment F on Book { id } query { books { ...F } }' })),
    ).toBeUndefined();
  });

  it('names a call by an operation header: X-Amz-Target whole, a SOAPAction by its last segment', () => {
    expect(operationOf(post({}, [['X-Amz-Target', 'Store_20200101.GetShelf']]))).toBe(
      'Store_20200101.GetShelf',
    );
    expect(operationOf(post({}, [['SOAPAction', '"http://example.com/stock#GetQuote"']]))).toBe(
      'GetQuote',
    );
    expect(operationOf(post({}, [['SOAPAction', 'urn:svc/Weather/Forecast']]))).toBe('Forecast');
    expect(operationOf(post({ a: 1 }, [['x-request-id', 'abc']]))).toBeUndefined();
  });
});

describe('requestEndpoint', () => {
  it('adds the operation after the path template; a REST endpoint stays METHOD /path', () => {
    const call = post({ jsonrpc: '2.0', id: 1, method: 'shelf.count' });
    expect(requestEndpoint({ ...call, path: '/rpc/7' })).toBe('POST /rpc/:id shelf.count');
    expect(requestEndpoint({ ...post({ name: 'x' }), path: '/v1/items/42' })).toBe(
      'POST /v1/items/:id',
    );
    // The path as reported (redacted) is the one templated.
    expect(requestEndpoint(call, '/${env:KEY}')).toBe('POST /${env:KEY} shelf.count');
  });

  it('parts an endpoint into its path and operation; an operation is a resource of its own', () => {
    expect(pathOfEndpoint('POST /rpc shelf.count')).toBe('/rpc');
    expect(pathOfEndpoint('GET /v1/items/:id')).toBe('/v1/items/:id');
    expect(operationOfEndpoint('POST /rpc shelf.count')).toBe('shelf.count');
    expect(operationOfEndpoint('GET /v1/items/:id')).toBeUndefined();
    expect(collectionOf('POST /rpc/:id shelf.count')).toEqual(['rpc']);
    expect(resourceOfEndpoint('POST / shelf.count')).toBe('/ shelf.count');
    expect(resourceOfEndpoint('POST /rpc/:id shelf.count')).toBe('/rpc shelf.count');
    expect(resourceOfEndpoint('GET /v1/items/:id')).toBe('/v1/items');
  });
});

describe('operationOf: a message protocol names its channel (tracker rule 49)', () => {
  const form = (message: string): Request => ({
    method: 'POST',
    path: '/bus',
    headers: [['content-type', 'application/x-www-form-urlencoded']],
    body: { kind: 'text', text: `message=${encodeURIComponent(message)}` },
  });

  it('reads a channel from a message, a list of messages, or a form message', () => {
    expect(operationOf(post([{ channel: '/meta/handshake', version: '1.0' }]))).toBe(
      '/meta/handshake',
    );
    expect(operationOf(post({ action: '/orders/place', payload: { n: 1 } }))).toBe('/orders/place');
    expect(operationOf(post([{ topic: '/a/b' }, { topic: '/a/b' }, { topic: '/c' }]))).toBe(
      '[/a/b,/c]',
    );
    expect(operationOf(form('[{"channel":"/meta/connect","clientId":"x"}]'))).toBe('/meta/connect');
    expect(requestEndpoint({ ...post({ op: '/rooms/7/join' }), path: '/rt' })).toBe(
      'POST /rt /rooms/7/join',
    );
  });

  it('reads none from a value that is no channel, a message without one, or a REST body', () => {
    // Bayeux refuses a channel without its leading slash: it names nothing.
    expect(operationOf(post([{ channel: 'news', data: 1 }]))).toBeUndefined();
    expect(operationOf(post([{ channel: '/a' }, { data: 1 }]))).toBeUndefined();
    expect(operationOf(post({ action: 'approve', reason: 'ok' }))).toBeUndefined();
    expect(operationOf(post([{ op: 'add', path: '/tags/0', value: 'x' }]))).toBeUndefined();
    expect(operationOf(form('not json'))).toBeUndefined();
    // A JSON-RPC call keeps its method, whatever else it holds.
    expect(operationOf(post({ jsonrpc: '2.0', id: 1, method: 'm', channel: '/x' }))).toBe('m');
  });
});
