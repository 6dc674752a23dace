/**
 * A Postman collection is imported as Postman's runtime sends it: a GET's
 * body is pruned (unless `disableBodyPruning`), an empty form is no body,
 * a `"key": null` query parameter (Postman's SDK writes them) is an empty
 * name, requests to several hosts stay apart, and scripts are named in a
 * note. Each from a minimal collection.
 */
import { describe, expect, it } from 'vitest';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importPostman } from '../../../../src/io/import/postman.js';

const NONE = new Map<string, string>();

function collection(items: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ info: { name: 'api' }, item: items, ...extra });
}

const RAW = { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } };

describe("importPostman: as Postman's runtime sends it", () => {
  it('prunes a GET or HEAD body and the content type it would add, unless disableBodyPruning', () => {
    const { requests, notes } = importPostman(
      collection([
        { name: 'get', request: { method: 'GET', url: 'http://h/a', body: RAW } },
        {
          name: 'typed',
          request: {
            method: 'HEAD',
            url: 'http://h/b',
            header: [{ key: 'Content-Type', value: 'text/plain' }],
            body: RAW,
          },
        },
        {
          name: 'kept',
          protocolProfileBehavior: { disableBodyPruning: true },
          request: { method: 'GET', url: 'http://h/c', body: RAW },
        },
        { name: 'post', request: { method: 'POST', url: 'http://h/d', body: RAW } },
      ]),
      'c.json',
      NONE,
    );
    expect(requests.map((r) => [r.method, r.body.kind, r.headers])).toEqual([
      ['GET', 'none', []],
      ['HEAD', 'none', [['Content-Type', 'text/plain']]],
      ['GET', 'text', [['Content-Type', 'application/json']]],
      ['POST', 'text', [['Content-Type', 'application/json']]],
    ]);
    expect(notes).toEqual([
      `the body of 2 Postman item(s) sent with GET or HEAD (or COPY, PURGE, UNLOCK) is left out, as Postman's runtime prunes it unless protocolProfileBehavior.disableBodyPruning is true: "get", "typed"`,
    ]);
  });

  it('inherits disableBodyPruning from the collection and folders', () => {
    const item = { name: 'g', request: { method: 'GET', url: 'http://h/a', body: RAW } };
    const onCollection = importPostman(
      collection([item], { protocolProfileBehavior: { disableBodyPruning: true } }),
      'c.json',
      NONE,
    );
    expect(onCollection.requests[0]?.body.kind).toBe('text');
    const offInFolder = importPostman(
      collection(
        [{ name: 'f', protocolProfileBehavior: { disableBodyPruning: false }, item: [item] }],
        {
          protocolProfileBehavior: { disableBodyPruning: true },
        },
      ),
      'c.json',
      NONE,
    );
    expect(offInFolder.requests[0]?.body.kind).toBe('none');
  });

  it('sends no body for an empty formdata or urlencoded list (or one whose fields are all disabled)', () => {
    const { requests } = importPostman(
      collection([
        {
          name: 'a',
          request: { method: 'POST', url: 'http://h/a', body: { mode: 'formdata', formdata: [] } },
        },
        {
          name: 'b',
          request: {
            method: 'POST',
            url: 'http://h/b',
            body: { mode: 'urlencoded', urlencoded: [] },
          },
        },
        {
          name: 'c',
          request: {
            method: 'POST',
            url: 'http://h/c',
            body: { mode: 'urlencoded', urlencoded: [{ key: 'x', value: '1', disabled: true }] },
          },
        },
      ]),
      'c.json',
      NONE,
    );
    expect(requests.map((r) => [r.body.kind, r.headers])).toEqual([
      ['none', []],
      ['none', []],
      ['none', []],
    ]);
  });

  it('reads a "key": null query parameter as an empty name, as the SDK writes it (=value)', () => {
    const { requests } = importPostman(
      collection([
        {
          name: 'q',
          request: {
            method: 'GET',
            url: {
              raw: 'http://h/q?=v&a=1',
              protocol: 'http',
              host: ['h'],
              path: ['q'],
              query: [
                { key: null, value: 'v' },
                { key: 'a', value: '1' },
                { key: null, value: null },
              ],
            },
          },
        },
      ]),
      'c.json',
      NONE,
    );
    expect(requests[0]?.rawQuery).toBe('=v&a=1&');
  });

  it('keeps requests to different hosts apart, with a note naming them', () => {
    const source = importPostman(
      collection([
        { name: 'one', request: { method: 'GET', url: 'http://a.test/items' } },
        { name: 'two', request: { method: 'GET', url: 'http://b.test/items' } },
      ]),
      'c.json',
      NONE,
    );
    const built = buildCaseFiles(source);
    expect(built.merged).toBe(0);
    expect(built.files.map((f) => [f.name, f.origin, f.cases.length])).toEqual([
      ['api.yaml', 'http://a.test', 1],
      ['b.test-api.yaml', 'http://b.test', 1],
    ]);
    expect(built.notes).toEqual([
      "the requests went to 2 origins, and a run sends every case to one target, so each origin's cases are in files of their own (http://a.test: api.yaml; http://b.test: b.test-api.yaml): run each origin's files with targets there (see next)",
    ]);
  });

  it('names the scripts it does not run (collection, folder, item), empty ones aside', () => {
    const test = (code: string) => [{ listen: 'test', script: { exec: [code] } }];
    const { notes } = importPostman(
      collection(
        [
          {
            name: 'f',
            event: [{ listen: 'prerequest', script: { exec: ['pm.variables.set("a", 1)'] } }],
            item: [{ name: 'i', event: test('pm.test("ok")'), request: 'http://h/a' }],
          },
          { name: 'blank', event: test(''), request: 'http://h/b' },
        ],
        { event: test('pm.expect(1).to.eql(1)') },
      ),
      'c.json',
      NONE,
    );
    expect(notes).toEqual([
      'scripts are not run (an import sends the requests as written; what a script sets or checks is not done): the collection (test), folder "f" (prerequest), item "f / i" (test)',
    ]);
  });
});
