/**
 * `parity import openapi` from document to case file: parameter styles as
 * the specification's table writes them, numbers a double cannot hold kept
 * digit for digit, external `$ref`s noted, provenance comments.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importOpenApi } from '../../../../src/io/import/openapi.js';
import {
  headerTextOf,
  pathTextOf,
  queryPairsOf,
} from '../../../../src/io/import/parameter-style.js';
import { renderCaseFile } from '../../../../src/io/import/render.js';
import { loadOpenApi } from '../../../../src/io/openapi/load.js';
import type { OpenApiParameter, ParameterStyle } from '../../../../src/io/openapi/types.js';
import { tempProject } from '../../../helpers/cli.js';

const color = (
  location: OpenApiParameter['in'],
  style: ParameterStyle,
  explode: boolean,
): OpenApiParameter => ({
  name: 'color',
  in: location,
  required: true,
  description: undefined,
  schema: undefined,
  examples: [],
  style,
  explode,
  contentType: undefined,
});

const STRING = 'blue';
const ARRAY = ['blue', 'black', 'brown'];
const OBJECT = { R: 100, G: 200, B: 150 };

/** Query pairs as the URL would show them, decoded: `color=blue&color=black`. */
const query = (parameter: OpenApiParameter, value: unknown) =>
  queryPairsOf(parameter, value)
    .map(([name, text]) => `${name}=${text}`)
    .join('&');

describe('parameter styles (the OpenAPI style table)', () => {
  it.each([
    ['matrix', false, ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
    ['matrix', true, ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
    ['label', false, '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
    ['label', true, '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
    ['simple', false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    ['simple', true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ] as const)('path %s, explode %s', (style, explode, string, array, object) => {
    const parameter = color('path', style, explode);
    expect(pathTextOf(parameter, STRING)).toBe(string);
    expect(pathTextOf(parameter, ARRAY)).toBe(array);
    expect(pathTextOf(parameter, OBJECT)).toBe(object);
  });

  it.each([
    ['form', false, 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    ['form', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
    ['spaceDelimited', false, 'color=blue', 'color=blue black brown', 'color=R 100 G 200 B 150'],
    ['pipeDelimited', false, 'color=blue', 'color=blue|black|brown', 'color=R|100|G|200|B|150'],
    [
      'pipeDelimited',
      true,
      'color=blue',
      'color=blue&color=black&color=brown',
      'R=100&G=200&B=150',
    ],
    [
      'deepObject',
      true,
      'color=blue',
      'color=blue&color=black&color=brown',
      'color[R]=100&color[G]=200&color[B]=150',
    ],
  ] as const)('query %s, explode %s', (style, explode, string, array, object) => {
    const parameter = color('query', style, explode);
    expect(query(parameter, STRING)).toBe(string);
    expect(query(parameter, ARRAY)).toBe(array);
    expect(query(parameter, OBJECT)).toBe(object);
  });

  it('headers are simple and not percent-encoded; path values are, but not their delimiters', () => {
    expect(headerTextOf(color('header', 'simple', true), { a: 'x y', b: 1 })).toBe('a=x y,b=1');
    expect(headerTextOf(color('header', 'simple', false), ARRAY)).toBe('blue,black,brown');
    expect(pathTextOf(color('path', 'simple', false), ['a/b', 'c d'])).toBe('a%2Fb,c%20d');
    expect(pathTextOf(color('path', 'matrix', false), '')).toBe(';color');
    expect(query(color('query', 'form', true), [])).toBe('color=');
    expect(query(color('query', 'deepObject', true), { a: { b: 1 } })).toBe('color[a][b]=1');
  });

  it('a parameter described by content is written in its media type', () => {
    const parameter = { ...color('query', 'form', true), contentType: 'application/json' };
    expect(query(parameter, { role: 'admin' })).toBe('color={"role":"admin"}');
  });
});

/** The case files an import of `yaml` writes, by file name. */
async function imported(yaml: string) {
  const dir = await tempProject({ 'api.yaml': yaml });
  const document = await loadOpenApi('api.yaml', dir);
  const source = importOpenApi(document);
  const built = buildCaseFiles(source);
  const files = new Map(built.files.map((f) => [f.name, renderCaseFile(f, ['test'])]));
  return { document, notes: built.notes, files };
}

const HEAD = `openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "http://127.0.0.1:4001/api/v2" }]
paths:
`;

describe('importOpenApi', () => {
  it('keeps numbers a double cannot hold, in bodies, parameters and samples', async () => {
    const { files } = await imported(`${HEAD}  /items/{id}:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer }, example: 12345678901234567890 }
        - { name: v, in: query, schema: { type: integer, format: int64, minimum: -9223372036854775808 } , required: true }
      requestBody:
        content:
          application/json:
            examples:
              big: { value: { id: 12345678901234567890, hex: 0x1FFFFFFFFFFFFFFFFF, price: 0.1000000000000000055511151231257827 } }
              long: { value: { id: 1234567890123456 } }
              small: { value: { id: 12, ratio: 0.5 } }
              keyed: { value: { 98765432109876543210: k } }
      responses: { "200": { description: ok } }
`);
    const text = files.get('items.yaml') ?? '';
    expect(text).toContain('path: /api/v2/items/12345678901234567890');
    expect(text).toContain('v: "-9223372036854775808"');
    expect(text).toContain(
      `text: '{"id":12345678901234567890,"hex":590295810358705651711,"price":0.1000000000000000055511151231257827}'`,
    );
    // 16 digits a double holds: sending the value gives back the text, so it is `json:`.
    expect(text).toContain('json: { id: 1234567890123456 }');
    expect(text).toContain('json: { id: 12, ratio: 0.5 }');
    // A key is a string whatever digits it holds: the value round-trips.
    expect(text).toContain('json: { "98765432109876543210": k }');
    expect(text).not.toMatch(/1234567890123456(7000|8000)/);
  });

  it('notes a request body behind an external $ref, in the output and above its case', async () => {
    const { notes, files } = await imported(`${HEAD}  /ext:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: "other.yaml#/Thing" }
      responses: { "200": { description: ok } }
`);
    expect(notes).toEqual([
      'POST /api/v2/ext refers to other.yaml#/Thing outside the document (an import does not follow external $refs): the case leaves out what it points to',
    ]);
    expect(files.get('ext.yaml')).toContain(
      '  # refers to other.yaml#/Thing outside the document (an import does not follow external $refs): the case leaves out what it points to\n',
    );
  });

  it('names an operation once when it has no operationId, and sends to the origin alone', async () => {
    const { files } = await imported(`${HEAD}  /session:
    head: { responses: { "200": { description: ok } } }
    get: { operationId: getSession, responses: { "200": { description: ok } } }
`);
    const text = files.get('session.yaml') ?? '';
    expect(text).toContain(
      '# from OpenAPI operation HEAD /api/v2/session, sent to http://127.0.0.1:4001\n',
    );
    expect(text).toContain(
      '# from OpenAPI operation getSession (GET /api/v2/session), sent to http://127.0.0.1:4001\n',
    );
  });

  it('reads Swagger 2.0 collection formats as their styles', async () => {
    const { files } = await imported(`swagger: "2.0"
info: { title: t, version: "1" }
host: 127.0.0.1:4001
basePath: /v1
paths:
  /search:
    get:
      parameters:
        - { name: ssv, in: query, type: array, items: { type: string }, collectionFormat: ssv, x-example: [a, b] }
        - { name: tsv, in: query, type: array, items: { type: string }, collectionFormat: tsv, x-example: [a, b] }
        - { name: pipes, in: query, type: array, items: { type: string }, collectionFormat: pipes, x-example: [a, b] }
        - { name: csv, in: query, type: array, items: { type: string }, x-example: [a, b] }
      responses: { "200": { description: ok } }
`);
    const file: unknown = parse(files.get('search.yaml') ?? '');
    expect(file).toMatchObject({
      cases: [{ request: { query: { ssv: 'a b', tsv: 'a\tb', pipes: 'a|b', csv: 'a,b' } } }],
    });
  });
});
