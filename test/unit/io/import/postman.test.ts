/** Postman collections → requests: bodies as Postman's runtime sends them, queries as typed, auth noted once. */
import { describe, expect, it } from 'vitest';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importPostman } from '../../../../src/io/import/postman.js';

const NONE = new Map<string, string>();

function collection(items: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ info: { name: 'api' }, item: items, ...extra });
}

const post = (name: string, body: unknown, url = 'http://h/gql') => ({
  name,
  request: { method: 'POST', url, body },
});

describe('importPostman', () => {
  it('sends GraphQL variables as the JSON object they spell, as Postman does', () => {
    const { requests, notes } = importPostman(
      collection([
        post('vars', {
          mode: 'graphql',
          graphql: { query: 'query($n: Int){ sq(n: $n) }', variables: '{"n": 1}' },
        }),
        post('empty', { mode: 'graphql', graphql: { query: '{ a }', variables: '' } }),
        post('broken', { mode: 'graphql', graphql: { query: '{ a }', variables: '{n: 1}' } }),
      ]),
      'c.json',
      NONE,
    );
    expect(requests.map((r) => r.body)).toEqual([
      { kind: 'text', text: '{"query":"query($n: Int){ sq(n: $n) }","variables":{"n": 1}}' },
      { kind: 'text', text: '{"query":"{ a }"}' },
      { kind: 'text', text: '{"query":"{ a }","variables":{n: 1}}' },
    ]);
    expect(notes).toEqual([
      'Postman item "broken": its GraphQL variables are not JSON; the body is sent as Postman sends it, not JSON either',
    ]);
    const [vars, , broken] = buildCaseFiles({ requests, notes }).files[0]?.cases ?? [];
    expect(vars?.request.json).toEqual({
      query: 'query($n: Int){ sq(n: $n) }',
      variables: { n: 1 },
    });
    expect(broken?.request.text).toBe('{"query":"{ a }","variables":{n: 1}}');
  });

  it('keeps the text fields of a formdata body with a file field, and notes the file', () => {
    const built = buildCaseFiles(
      importPostman(
        collection([
          {
            name: 'Items',
            item: [
              post(
                'Upload',
                {
                  mode: 'formdata',
                  formdata: [
                    { key: 'title', value: 'Ada' },
                    { key: 'photo', type: 'file', src: '/tmp/me.png' },
                    { key: 'off', value: 'x', disabled: true },
                  ],
                },
                'http://h/items',
              ),
            ],
          },
          post('Raw file', { mode: 'file', file: { src: '/tmp/a.bin' } }, 'http://h/items'),
        ]),
        'c.json',
        NONE,
      ),
    );
    const [upload] = built.files[0]?.cases ?? [];
    expect(upload?.request.text).toBe(
      '------parity-form-boundary\r\nContent-Disposition: form-data; name="title"\r\n\r\nAda\r\n------parity-form-boundary--\r\n',
    );
    expect(upload?.request.headers).toEqual({
      'content-type': 'multipart/form-data; boundary=----parity-form-boundary',
    });
    expect(built.notes).toEqual([
      'Postman item "Items / Upload": form field "photo" is a file, which an import cannot read: left out',
      'skipped Postman item "Raw file": its body is a file, which an import cannot read (a case holds text or JSON)',
    ]);
    expect([built.requests, built.skipped]).toEqual([1, 1]);
  });

  it('writes the query as typed and notes each auth setting once, naming how many items use it', () => {
    const query = (key: string, value: string | null) => ({ key, value });
    const item = (name: string, auth?: unknown) => ({
      name,
      request: {
        method: 'get',
        url: {
          raw: 'http://h/s',
          host: ['h'],
          path: ['s'],
          query: [query('q', 'a%20b'), query('flag', null), query('tags', 'a,b')],
        },
        ...(auth === undefined ? {} : { auth }),
      },
    });
    const { requests, notes } = importPostman(
      collection(
        [
          item('one'),
          item('two'),
          { name: 'F', auth: { type: 'apikey' }, item: [item('three'), item('four')] },
          item('five', { type: 'basic' }),
          item('six', { type: 'noauth' }),
        ],
        { auth: { type: 'bearer' } },
      ),
      'c.json',
      NONE,
    );
    expect(requests[0]).toMatchObject({ method: 'GET', rawQuery: 'q=a%20b&flag&tags=a,b' });
    expect(notes).toEqual([
      '2 Postman items use bearer auth (set on the collection): set the credentials per target in parity.config.yaml (targets.<name>.headers)',
      '2 Postman items use apikey auth (set on folder "F"): set the credentials per target in parity.config.yaml (targets.<name>.headers)',
      'Postman item "five" uses basic auth: set the credentials per target in parity.config.yaml (targets.<name>.headers)',
    ]);
  });
});

describe("newman's own fixtures (inherited-entities, multiple-form-values)", () => {
  it('reads a collection named at its top (no info) whose item has one event, not a list', () => {
    const { requests, notes } = importPostman(
      JSON.stringify({
        name: 'Inherited Entities',
        item: [
          {
            name: 'Auth',
            request: 'https://h.test/digest-auth',
            event: { listen: 'test', script: { exec: ['pm.response.to.have.status(200);'] } },
          },
        ],
      }),
      'c.json',
      NONE,
    );
    expect(requests.map((r) => [r.path, r.group])).toEqual([
      ['/digest-auth', 'Inherited Entities'],
    ]);
    expect(notes.join('\n')).toContain('item "Auth" (test)');
  });

  it('never merges requests sent with other auth (collection basic auth vs noauth)', () => {
    const source = importPostman(
      collection(
        [
          { name: 'Auth', request: 'https://h.test/basic-auth' },
          {
            name: 'Auth override',
            request: { url: 'https://h.test/basic-auth', auth: { type: 'noauth' } },
          },
          { name: 'Again', request: 'https://h.test/basic-auth' },
        ],
        { auth: { type: 'basic', basic: [{ key: 'username', value: 'postman' }] } },
      ),
      'c.json',
      NONE,
    );
    const built = buildCaseFiles(source);
    expect(built.files.flatMap((f) => f.cases.map((c) => c.id))).toEqual(['auth', 'auth-override']);
    expect(built.merged).toBe(1);
  });

  it('skips an item whose host is a variable nothing defines (a script sets it), saying so', () => {
    const { requests, notes } = importPostman(
      collection([{ name: 'Events', request: '{{collectionScriptURL}}' }]),
      'c.json',
      NONE,
    );
    expect(requests).toEqual([]);
    expect(notes).toEqual([
      'skipped Postman item "Events": its host is {{collectionScriptURL}}, a variable the collection does not define (a script may set it): pass --var NAME=VALUE',
    ]);
  });

  it('says a v1 collection (requests, order) is one to export again as v2.1', () => {
    const v1 = JSON.stringify({
      id: '8feefa71',
      name: 'multipleFormValues',
      order: ['a'],
      folders: [],
      requests: [{ id: 'a', url: 'httpbin.org/get?hi=hello&hi=lolol', method: 'GET' }],
    });
    expect(() => importPostman(v1, 'v1.json', NONE)).toThrow(
      'v1.json is a Postman collection in the v1 format (requests, order, folders), which parity does not read',
    );
  });
});

describe('headers a Postman item sets', () => {
  it('keeps User-Agent and Referer, which the item chose to send (protocol-profile-behavior)', () => {
    const source = importPostman(
      collection([
        { name: 'plain', request: { method: 'GET', url: 'http://localhost:4042/1', header: [] } },
        {
          name: 'initial referer',
          request: {
            method: 'GET',
            url: 'http://localhost:4042/1',
            header: [
              { key: 'referer', value: 'INITIAL_REFERER', type: 'text' },
              { key: 'User-Agent', value: 'my-client/1.0' },
            ],
          },
        },
      ]),
      'c.json',
      NONE,
    );
    const cases = buildCaseFiles(source).files[0]?.cases ?? [];
    expect(cases.map((c) => c.request.headers)).toEqual([
      undefined,
      { referer: 'INITIAL_REFERER', 'user-agent': 'my-client/1.0' },
    ]);
  });
});

describe("newman's esc-formdata fixture", () => {
  it('replaces {{variables}} in form field names and values before encoding them', () => {
    const body = {
      mode: 'urlencoded',
      urlencoded: [
        { key: '{{msg1}}', value: '{{msg}}', type: 'text', enabled: true },
        { key: 'incollection', value: 'hello\\world', type: 'text', enabled: true },
      ],
    };
    const vars = new Map([
      ['msg1', 'hello'],
      ['msg', 'hello\\kworld'],
    ]);
    const encoded = importPostman(collection([post('r1', body, 'http://h/post')]), 'c.json', vars);
    expect(encoded.requests[0]?.body).toEqual({
      kind: 'text',
      text: 'hello=hello%5Ckworld&incollection=hello%5Cworld',
    });
    const unknown = importPostman(collection([post('r1', body, 'http://h/post')]), 'c.json', NONE);
    expect(unknown.notes).toEqual([
      'Postman item "r1": unknown variables left as written: {{msg1}}, {{msg}} (pass --var NAME=VALUE)',
    ]);
    const multipart = importPostman(
      collection([post('m', { mode: 'formdata', formdata: body.urlencoded }, 'http://h/post')]),
      'c.json',
      vars,
    );
    expect(multipart.requests[0]?.body).toMatchObject({
      text: expect.stringContaining(
        'Content-Disposition: form-data; name="hello"\r\n\r\nhello\\kworld',
      ),
    });
  });
});

describe('apikey auth in the query (Adyen-style collections put it in a header)', () => {
  it('says the key goes into the query, which a header in the config cannot stand for', () => {
    const apikey = (where: string) => ({
      type: 'apikey',
      apikey: [
        { key: 'value', value: '{{API_KEY}}', type: 'string' },
        { key: 'key', value: 'api_key', type: 'string' },
        { key: 'in', value: where, type: 'string' },
      ],
    });
    const inQuery = importPostman(
      collection([{ name: 'q', request: 'https://h.test/a' }], { auth: apikey('query') }),
      'c.json',
      NONE,
    );
    expect(inQuery.notes).toEqual([
      'Postman item "q" uses apikey auth in the query (parameter api_key) (set on the collection), which the cases leave out: write it back into their query as a reference, e.g. query: { api_key: "${env:API_KEY}" }',
    ]);
    const inHeader = importPostman(
      collection([{ name: 'h', request: 'https://h.test/a' }], { auth: apikey('header') }),
      'c.json',
      NONE,
    );
    expect(inHeader.notes).toEqual([
      'Postman item "h" uses apikey auth (set on the collection): set the credentials per target in parity.config.yaml (targets.<name>.headers)',
    ]);
  });
});
