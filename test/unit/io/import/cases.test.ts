/** The import builder and its parts: samples, header fates, ids, duplicates, files by path prefix. */
import { describe, expect, it } from 'vitest';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { headerFate } from '../../../../src/io/import/headers.js';
import { groupOfPath, requestSlug, slugify } from '../../../../src/io/import/ids.js';
import { renderCaseFile } from '../../../../src/io/import/render.js';
import type { ImportedRequest } from '../../../../src/io/import/types.js';
import { sampleOf } from '../../../../src/io/openapi/sample.js';

const request = (over: Partial<ImportedRequest>): ImportedRequest => ({
  method: 'GET',
  origin: 'http://h',
  path: '/',
  query: [],
  headers: [],
  body: { kind: 'none' },
  source: 'test',
  ...over,
});

describe('sampleOf', () => {
  it('prefers documented values, then types with their formats and bounds', () => {
    expect(sampleOf({ type: 'string', example: 'x', default: 'y' })).toBe('x');
    expect(sampleOf({ type: 'string', enum: ['b', 'a'] })).toBe('b');
    expect(sampleOf({ type: 'string', format: 'date-time' })).toBe('2024-01-15T09:30:00Z');
    expect(sampleOf({ type: 'string', minLength: 10 })).toBe('stringxxxx');
    expect(sampleOf({ type: 'integer', minimum: 5, multipleOf: 4 })).toBe(8);
    expect(sampleOf({ type: 'number', exclusiveMinimum: 0 })).toBe(1);
    expect(sampleOf({ type: ['null', 'boolean'] })).toBe(true);
    expect(
      sampleOf({
        type: 'object',
        properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } },
      }),
    ).toEqual({ name: 'string' });
    expect(
      sampleOf({
        allOf: [{ properties: { a: { const: 1 } } }, { properties: { b: { type: 'boolean' } } }],
      }),
    ).toEqual({ a: 1, b: true });
    expect(sampleOf({ oneOf: [{ type: 'integer' }, { type: 'string' }] })).toBe(1);
    expect(sampleOf({})).toBeUndefined();
  });

  it('cuts a recursive schema instead of looping', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    node['properties'] = {
      name: { type: 'string' },
      child: node,
      children: { type: 'array', items: node },
    };
    expect(sampleOf(node)).toEqual({ name: 'string', children: [] });
  });
});

describe('headers, ids and groups', () => {
  it('keeps what the API reads, drops transport, browser and credential headers', () => {
    expect(headerFate('X-Tenant')).toBe('keep');
    expect(headerFate('Content-Type')).toBe('keep');
    expect(headerFate(':authority')).toBe('transport');
    expect(headerFate('Content-Length')).toBe('transport');
    expect(headerFate('Sec-Fetch-Mode')).toBe('browser');
    expect(headerFate('sec-ch-ua-platform')).toBe('browser');
    expect(headerFate('Cookie')).toBe('secret');
    expect(headerFate('X-Api-Key')).toBe('secret');
  });

  it('names cases and files readably', () => {
    expect(slugify('getRecordById')).toBe('get-record-by-id');
    expect(slugify('  Créer un *record*! ')).toBe('cr-er-un-record');
    expect(requestSlug('GET', '/v1/records/42')).toBe('get-v1-records-42');
    expect(requestSlug('GET', '/')).toBe('get-root');
    expect(groupOfPath('/api/v2/users/7')).toBe('users');
    expect(groupOfPath('/')).toBe('root');
    expect(groupOfPath('/%E2%9C%93/x')).toBe('root');
  });
});

describe('buildCaseFiles', () => {
  it('merges identical requests, keeps distinct ones apart with unique ids, groups by path prefix', () => {
    const built = buildCaseFiles({
      notes: [],
      requests: [
        request({ path: '/v1/users/1', source: 'entry 1', headers: [['Cookie', 'a=b']] }),
        request({
          path: '/v1/users/1',
          source: 'entry 2',
          headers: [
            ['Cookie', 'a=b'],
            ['User-Agent', 'x'],
          ],
        }),
        request({ path: '/v1/users/1', query: [['x', '1']], source: 'entry 3' }),
        request({
          path: '/v1/users/1',
          query: [
            ['a', '1'],
            ['b', '2'],
            ['a', '3'],
          ],
          source: 'entry 4',
        }),
        request({
          method: 'POST',
          path: '/orders',
          headers: [['content-type', 'application/json']],
          body: { kind: 'text', text: '{"n":12345678901234567}' },
          source: 'entry 5',
        }),
        request({ method: 'CONNECT', path: '/dav', source: 'entry 6' }),
      ],
    });
    expect(built.merged).toBe(1);
    expect(built.files.map((f) => [f.name, f.cases.map((c) => c.id)])).toEqual([
      ['users.yaml', ['get-v1-users-1', 'get-v1-users-1-2', 'get-v1-users-1-3']],
      ['orders.yaml', ['post-orders']],
    ]);
    const [users, orders] = built.files;
    expect(users?.cases[0]?.comments).toEqual([
      'from entry 1, sent to http://h',
      'the same request was seen 2 times: entry 1, entry 2',
    ]);
    expect(users?.cases[1]?.request.query).toEqual({ x: '1' });
    // Interleaved repeated keys keep their order in the path.
    expect(users?.cases[2]?.request).toMatchObject({ path: '/v1/users/1?a=1&b=2&a=3' });
    // Too long for a double: kept as the text sent.
    expect(orders?.cases[0]?.request.text).toBe('{"n":12345678901234567}');
    expect(built.notes).toEqual([
      expect.stringMatching(/^skipped entry 6: method CONNECT is not one parity sends/),
      expect.stringMatching(/^dropped credentials \(cookie\)/),
    ]);
    expect(renderCaseFile(users ?? { name: '', suite: '', cases: [] }, ['header'])).toMatch(
      /^# header\n\nsuite: users\ncases:\n {2}# from entry 1/,
    );
  });
});

describe('buildCaseFiles: the bytes the source sent', () => {
  const jsonType: [string, string][] = [['Content-Type', 'application/json']];
  const bodyOf = (text: string) =>
    buildCaseFiles({
      notes: [],
      requests: [request({ method: 'POST', headers: jsonType, body: { kind: 'text', text } })],
    }).files[0]?.cases[0]?.request;

  it('writes json: only when sending the value gives back the text (whitespace aside)', () => {
    expect(bodyOf('{ "a": [1, 2.5, "x\\"y"],\n  "b": null }')).toMatchObject({
      json: { a: [1, 2.5, 'x"y'], b: null },
    });
    for (const text of [
      '{"n":1.0,"e":1e3,"neg":-0}',
      '{"price":10.50}',
      '{"dup":1,"dup":2}',
      '{"b":1,"2":2}',
      '{"s":"caf\\u00e9"}',
      '{"n":12345678901234567}',
    ]) {
      expect(bodyOf(text), text).toEqual({
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/json' },
        text,
      });
    }
  });

  it('keeps the query string as sent: in the path when a query map would encode it otherwise', () => {
    const cases = (rawQuery: string) =>
      buildCaseFiles({
        notes: [],
        requests: [request({ path: '/s', query: [...new URLSearchParams(rawQuery)], rawQuery })],
      }).files[0]?.cases[0]?.request;
    expect(cases('q=a%20b')).toEqual({ method: 'GET', path: '/s?q=a%20b' });
    expect(cases('flag')).toEqual({ method: 'GET', path: '/s?flag' });
    expect(cases('tags=a,b')).toEqual({ method: 'GET', path: '/s?tags=a,b' });
    // Integer-like keys would be sent first from a map.
    expect(cases('b=1&2=x')).toEqual({ method: 'GET', path: '/s?b=1&2=x' });
    expect(cases('limit=2&tag=a&tag=b')).toEqual({
      method: 'GET',
      path: '/s',
      query: { limit: '2', tag: ['a', 'b'] },
    });
  });

  it('drops credentials by name from headers and queries, notes URL userinfo, counts what became a case', () => {
    const rawQuery = 'q=1&api_key=k1&access_token=t1&pageToken=p';
    const built = buildCaseFiles({
      notes: [],
      requests: [
        request({
          path: '/s',
          query: [...new URLSearchParams(rawQuery)],
          rawQuery,
          credentials: ['URL userinfo'],
          headers: [
            ['x-session-token', 's'],
            ['x-goog-api-key', 'g'],
            ['x-amz-security-token', 'a'],
            ['x-token-count', '3'],
          ],
        }),
        request({ path: '/s', body: { kind: 'binary', size: 3 }, source: 'entry 2' }),
      ],
    });
    expect(built.files[0]?.cases[0]?.request).toEqual({
      method: 'GET',
      path: '/s',
      query: { q: '1', pageToken: 'p' },
      headers: { 'x-token-count': '3' },
    });
    expect(built.notes).toEqual([
      'skipped entry 2: its 3-byte body is binary (a case holds text or JSON)',
      expect.stringMatching(
        /^dropped credentials \(URL userinfo, query access_token, query api_key, x-amz-security-token, x-goog-api-key, x-session-token\): .*; a query credential can be written back as a reference, e\.g\. query: \{ api_key: "\$\{env:API_KEY\}" \}$/,
      ),
    ]);
    expect([built.requests, built.skipped]).toEqual([1, 1]);
  });
});
