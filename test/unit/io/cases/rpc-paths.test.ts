import { describe, expect, it } from 'vitest';
import { createRpcPaths, rpcPathsOf } from '../../../../src/io/cases/rpc-paths.js';

type Req = { method: string; path: string; headers: [string, string][] };
const req = (method: string, path: string, headers: [string, string][] = []): Req => ({
  method,
  path,
  headers,
});
const common: [string, string][] = [
  ['content-type', 'application/json'],
  ['authorization', 'Bearer x'],
];

describe('RPC-style paths of a library', () => {
  for (const [name, header, ops] of [
    ['AWS JSON', 'X-Amz-Target', ['Streams.PutRecord', 'Streams.GetRecords']],
    ['SOAP', 'SOAPAction', ['urn:CreateOrder', 'urn:ListOrders']],
  ] as const) {
    it(`${name}: POSTs to one path naming two operations in one header make it RPC-style`, () => {
      const paths = rpcPathsOf([
        req('GET', '/'),
        req('POST', '/', [...common, [header, ops[0]]]),
        req('POST', '/', [...common, [header, ops[1]]]),
        req('POST', '/other', [...common, [header, ops[0]]]),
      ]);
      expect([...paths]).toEqual(['/']);
    });
  }

  it('a REST library is not: POSTs to several paths, and headers about the body or the caller', () => {
    const scan = createRpcPaths();
    scan.add(req('POST', '/db/_find', common));
    scan.add(
      req('POST', '/db/_find', [
        ['content-type', 'text/plain'],
        ['authorization', 'Bearer y'],
      ]),
    );
    scan.add(req('POST', '/db/_bulk_docs', common));
    scan.add(req('PUT', '/db/doc', [['x-op', 'a']]));
    scan.add(req('PUT', '/db/doc', [['x-op', 'b']]));
    scan.add(req('POST', '/db/_find', [['accept', 'application/json']]));
    scan.add(req('POST', '/db/_find', [['accept', 'text/plain']]));
    expect(scan.paths().size).toBe(0);
  });

  it('headers drawn per request (ids, traces, idempotency keys, preferences) name no operation', () => {
    for (const [name, values] of [
      ['X-Correlation-Id', ['c-1', 'c-2']],
      ['Idempotency-Key', ['k-1', 'k-2']],
      ['Prefer', ['return=minimal', 'return=representation']],
      ['X-B3-TraceId', ['a1', 'b2']],
    ] as const) {
      const paths = rpcPathsOf([
        req('POST', '/orders', [...common, [name, values[0]]]),
        req('POST', '/orders', [...common, [name, values[1]]]),
      ]);
      expect([...paths], name).toEqual([]);
    }
    // A header of the library's own that names the call still does.
    const custom = rpcPathsOf([
      req('POST', '/rpc', [...common, ['X-Rpc-Method', 'orders.create']]),
      req('POST', '/rpc', [...common, ['X-Rpc-Method', 'orders.list']]),
    ]);
    expect([...custom]).toEqual(['/rpc']);
  });

  for (const [resource, ops] of [
    ['/identity/v1/accounts', ['signUp', 'lookup']],
    ['/v2/projects/p1/queues', ['purge', 'pause']],
  ] as const) {
    it(`custom methods: POSTs naming two operations on ${resource} after a colon make each RPC-style`, () => {
      const paths = rpcPathsOf([
        req('POST', `${resource}:${ops[0]}`, common),
        req('POST', `${resource}:${ops[1]}`, common),
        req('POST', `${resource}:${ops[0]}`, common),
        req('POST', `/parent/x${resource}:query`, common),
        req('POST', '/other:only', common),
      ]);
      expect([...paths].sort()).toEqual(
        [`${resource}:${ops[0]}`, `${resource}:${ops[1]}`, `/parent/x${resource}:query`].sort(),
      );
    });
  }

  it('one operation per resource, another method, or a colon inside a segment is not', () => {
    const paths = rpcPathsOf([
      req('POST', '/v1/accounts:signUp', common),
      req('POST', '/v1/users:create', common),
      req('GET', '/v1/accounts:lookup', common),
      req('POST', '/v1/accounts:x/doc', common),
      req('POST', '/items/urn:isbn:123', common),
      req('POST', '/items/urn:isbn:456', common),
    ]);
    expect([...paths]).toEqual([]);
  });
});
