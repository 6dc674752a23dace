/** OpenAPI 3 and Swagger 2.0 documents → typed operations (the checked-in examples and inline ones). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../../../src/io/openapi/load.js';
import { operationMatcher } from '../../../../src/io/openapi/match.js';
import { operationKey } from '../../../../src/io/openapi/types.js';
import { ParityError } from '../../../../src/util/errors.js';
import { tempProject } from '../../../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../../../..');

describe('loadOpenApi', () => {
  it('reads the bundled OpenAPI 3 document: operations in document order, base path from the server', async () => {
    const doc = await loadOpenApi('examples/openapi.yaml', ROOT);
    expect(doc.version).toBe('openapi-3.0');
    expect(doc.basePath).toBe('');
    expect(doc.servers).toEqual(['http://127.0.0.1:3100', 'http://127.0.0.1:4110']);
    expect(doc.operations.map(operationKey)).toEqual([
      'GET /health',
      'POST /v1/validate',
      'GET /v1/records',
      'POST /v1/records',
      'GET /v1/records/{id}',
    ]);
    const get = doc.operations.find((o) => o.operationId === 'getRecord');
    expect(get?.parameters).toMatchObject([
      {
        name: 'id',
        in: 'path',
        required: true,
        examples: [
          { name: 'big-balance', value: 3 },
          { name: 'deleted', value: 2 },
        ],
      },
    ]);
    const validate = doc.operations.find((o) => o.operationId === 'validateRecord');
    expect(validate?.requestBody?.contents[0]?.examples.map((e) => e.name)).toEqual([
      'valid',
      'age-too-high',
      'missing-name',
    ]);
    // $refs are dereferenced.
    const created = doc.operations.find((o) => o.operationId === 'createRecord');
    expect(created?.responses.find((r) => r.status === '201')?.contents[0]?.schema).toMatchObject({
      type: 'object',
      required: ['id', 'display_name', 'tags', 'created_at', 'balance'],
    });
  });

  it('reads Swagger 2.0: basePath, body and inline parameters, multi collections, x-example', async () => {
    const doc = await loadOpenApi('examples/swagger2.yaml', ROOT);
    expect(doc.version).toBe('swagger-2.0');
    expect(doc.basePath).toBe('/v1');
    expect(doc.servers).toEqual(['http://127.0.0.1:3100']);
    expect(doc.operations.map(operationKey)).toEqual([
      'GET /v1/records',
      'POST /v1/records',
      'GET /v1/records/{id}',
      'DELETE /v1/records/{id}',
    ]);
    const list = doc.operations[0];
    expect(list?.parameters).toMatchObject([
      { name: 'limit', in: 'query', explode: false, schema: { type: 'integer', default: 2 } },
      { name: 'tag', in: 'query', explode: true, examples: [{ value: ['admin', 'navy'] }] },
    ]);
    const create = doc.operations[1];
    expect(create?.requestBody?.contents).toMatchObject([
      { mediaType: 'application/json', schema: { required: ['display_name'] } },
    ]);
    expect(create?.responses[0]?.contents[0]?.examples[0]?.value).toMatchObject({ id: 1000 });
  });

  it('refuses a document that breaks its specification, naming the file', async () => {
    const dir = await tempProject({
      'bad.yaml': 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get: {}\n',
    });
    const error = await loadOpenApi('bad.yaml', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).code).toBe('PARITY_INPUT_INVALID');
    expect((error as ParityError).problems[0]).toMatchObject({
      file: 'bad.yaml',
      message: expect.stringContaining('responses'),
    });
  });

  it('refuses a YAML syntax error at its line and a file that is no OpenAPI document', async () => {
    const dir = await tempProject({
      'syntax.yaml': 'openapi: 3.0.3\npaths: [\n',
      'other.json': '{"hello": 1}',
    });
    const syntax = await loadOpenApi('syntax.yaml', dir).catch((e: unknown) => e);
    expect((syntax as ParityError).problems[0]?.message).toMatch(/^syntax error/);
    const other = await loadOpenApi('other.json', dir).catch((e: unknown) => e);
    expect((other as ParityError).problems[0]?.message).toMatch(/neither/);
  });

  it('reads a JSON document as its YAML reading does: long numbers exact, a key written twice refused', async () => {
    const doc = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't: "quoted", {braces}', version: '1' },
      paths: {
        '/a/{id}': {
          get: {
            operationId: 'getA',
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 7 },
            ],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/A' },
                    example: { big: 0, neg: -0, tiny: 1e-7, text: 'a\\"b:c' },
                  },
                },
              },
            },
          },
        },
      },
      components: { schemas: { A: { type: 'object', properties: { a: { type: 'string' } } } } },
    }).replace('"big":0', '"big":12345678901234567890');
    const dir = await tempProject({
      'doc.json': doc,
      // The same text read as YAML (a comment first: not read as JSON).
      'doc.yaml': `# as YAML\n${doc}`,
      'twice.json': doc.replace('"title":', '"version":"0","title":'),
      'twice.yaml': `# as YAML\n${doc.replace('"title":', '"version":"0","title":')}`,
    });
    const json = await loadOpenApi('doc.json', dir);
    const yaml = await loadOpenApi('doc.yaml', dir);
    expect(json.operations).toEqual(yaml.operations);
    expect(JSON.stringify(json.operations)).toContain('12345678901234567890');
    const twice = await loadOpenApi('twice.json', dir).catch((e: unknown) => e);
    const twiceYaml = await loadOpenApi('twice.yaml', dir).catch((e: unknown) => e);
    expect((twice as ParityError).problems[0]?.message).toMatch(/^syntax error/);
    expect((twice as ParityError).problems.map((p) => p.message)).toEqual(
      (twiceYaml as ParityError).problems.map((p) => p.message),
    );
  });

  it('reads OpenAPI 3.1 with a recursive schema and does not follow external references', async () => {
    const dir = await tempProject();
    await writeFile(
      join(dir, 'tree.yaml'),
      `openapi: 3.1.0
info: { title: tree, version: "1" }
servers: [{ url: "https://api.example.com/{version}", variables: { version: { default: v2 } } }]
paths:
  /nodes:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Node' }
      responses: { '200': { description: ok } }
components:
  schemas:
    Node:
      type: object
      properties:
        name: { type: [string, "null"] }
        children: { type: array, items: { $ref: '#/components/schemas/Node' } }
`,
    );
    const doc = await loadOpenApi('tree.yaml', dir);
    expect(doc.version).toBe('openapi-3.1');
    expect(doc.basePath).toBe('/v2');
    expect(doc.operations.map(operationKey)).toEqual(['POST /v2/nodes']);
  });
});

describe('loadOpenApi: order and servers', () => {
  it("keeps a path's operations in document order, for a serial file replays them so", async () => {
    const dir = await tempProject({
      'order.yaml': `openapi: 3.0.3
info: { title: order, version: "1" }
paths:
  /items/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    get: { responses: { "200": { description: ok } } }
    patch: { responses: { "200": { description: ok } } }
    delete: { responses: { "204": { description: gone } } }
  /items:
    post: { responses: { "201": { description: made } } }
    get: { responses: { "200": { description: ok } } }
`,
    });
    const doc = await loadOpenApi('order.yaml', dir);
    expect(doc.operations.map(operationKey)).toEqual([
      'GET /items/{id}',
      'PATCH /items/{id}',
      'DELETE /items/{id}',
      'POST /items',
      'GET /items',
    ]);
  });

  it.each([
    ['http://127.0.0.1:4001/api/v2/', '', 'http://127.0.0.1:4001', '/api/v2'],
    [
      '{scheme}://127.0.0.1:{port}',
      ', variables: { scheme: { default: https }, port: { default: "8443" } }',
      'https://127.0.0.1:8443',
      '',
    ],
    ['/api', '', undefined, '/api'],
  ])('server %s%s: origin %s, base path "%s"', async (url, variables, origin, basePath) => {
    const dir = await tempProject({
      'api.yaml': `openapi: 3.1.0
info: { title: servers, version: "1" }
servers: [{ url: "${url}"${variables} }]
paths:
  /ping:
    get: { responses: { "200": { description: ok } } }
`,
    });
    const doc = await loadOpenApi('api.yaml', dir);
    expect(doc.origin).toBe(origin);
    expect(doc.basePath).toBe(basePath);
    expect(doc.servers).toEqual(origin === undefined ? [] : [origin]);
  });
});

describe('operationMatcher', () => {
  it('matches concrete paths to templates, literal segments first', async () => {
    const doc = await loadOpenApi('examples/openapi.yaml', ROOT);
    const match = operationMatcher(doc.operations);
    expect(match('GET', '/v1/records/42')).toBe('GET /v1/records/{id}');
    expect(match('get', '/v1/records?limit=2')).toBe('GET /v1/records');
    expect(match('GET', '/v1/records/')).toBe('GET /v1/records');
    expect(match('DELETE', '/v1/records/3')).toBeUndefined();
    expect(match('GET', '/v1/records/3/extra')).toBeUndefined();
    const specific = operationMatcher([
      { ...doc.operations[4]!, path: '/v1/records/{id}' },
      { ...doc.operations[4]!, path: '/v1/records/search' },
      { ...doc.operations[4]!, path: '/files/{name}.json' },
    ]);
    expect(specific('GET', '/v1/records/search')).toBe('GET /v1/records/search');
    expect(specific('GET', '/files/a.b.json')).toBe('GET /files/{name}.json');
    expect(specific('GET', '/files/a.xml')).toBeUndefined();
  });
});
