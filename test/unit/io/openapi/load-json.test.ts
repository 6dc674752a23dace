/**
 * A JSON document is read as JSON (the fast path large documents need): the
 * same operations as its YAML spelling, numbers a double cannot hold kept
 * exact, and a JSON syntax error still refused at its line.
 */
import { describe, expect, it } from 'vitest';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importOpenApi } from '../../../../src/io/import/openapi.js';
import { loadOpenApi } from '../../../../src/io/openapi/load.js';
import { ParityError } from '../../../../src/util/errors.js';
import { tempProject } from '../../../helpers/cli.js';

const DOC = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  servers: [{ url: 'http://127.0.0.1:9/v1' }],
  paths: {
    '/items/{id}': {
      parameters: [{ $ref: '#/components/parameters/id' }],
      put: {
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    parameters: {
      id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 7 },
    },
    schemas: { Item: { type: 'object', properties: { id: { type: 'integer', example: 1 } } } },
  },
};

describe('loadOpenApi: JSON documents', () => {
  it('reads a JSON document as its YAML spelling reads, big numbers exact', async () => {
    const json = JSON.stringify(DOC).replace('"example":1}', '"example":12345678901234567890}');
    const yaml = json; // JSON is YAML: read through the YAML reader when it is not `{…}` first.
    const dir = await tempProject({ 'api.json': json, 'api.yaml': `# yaml\n${yaml}` });
    const fromJson = await loadOpenApi('api.json', dir);
    const fromYaml = await loadOpenApi('api.yaml', dir);
    expect(fromJson.operations).toEqual(fromYaml.operations);
    const built = buildCaseFiles(importOpenApi(fromJson));
    expect(built.files[0]?.cases[0]?.request).toMatchObject({
      path: '/v1/items/7',
      text: '{"id":12345678901234567890}',
    });
  });

  it('refuses a JSON syntax error at its line', async () => {
    const dir = await tempProject({ 'bad.json': '{\n  "openapi": "3.0.3",\n  "paths": {,}\n}\n' });
    const error = await loadOpenApi('bad.json', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    const problem = error instanceof ParityError ? error.problems[0] : undefined;
    expect(problem?.line).toBe(3);
    expect(problem?.message).toMatch(/^syntax error/);
  });
});

describe('buildCaseFiles: large groups', () => {
  it('splits a group into files a case file can hold (records, records-part-2, …)', async () => {
    const paths = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `/records/r${i}`,
        {
          post: {
            requestBody: {
              content: { 'application/json': { example: { blob: 'x'.repeat(80_000), i } } },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      ]),
    );
    const dir = await tempProject({
      'big.json': JSON.stringify({ ...DOC, paths, components: undefined }),
    });
    const built = buildCaseFiles(importOpenApi(await loadOpenApi('big.json', dir)));
    expect(built.files.map((f) => [f.name, f.suite, f.cases.length])).toEqual([
      ['records.yaml', 'records', 26],
      ['records-part-2.yaml', 'records-part-2', 26],
      ['records-part-3.yaml', 'records-part-3', 8],
    ]);
  });
});

describe('loadOpenApi: what the parser cannot read', () => {
  it('refuses a $ref chain deeper than the parser follows as bad input, not an internal error', async () => {
    const schemas = Object.fromEntries(
      Array.from({ length: 600 }, (_, i) => [
        `s${i}`,
        i === 599
          ? { type: 'string' }
          : { type: 'object', properties: { next: { $ref: `#/components/schemas/s${i + 1}` } } },
      ]),
    );
    const doc = {
      ...DOC,
      paths: {
        '/deep': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/s0' } } },
              },
            },
          },
        },
      },
      components: { schemas },
    };
    const dir = await tempProject({ 'deep.json': JSON.stringify(doc) });
    const error = await loadOpenApi('deep.json', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    const problem = error instanceof ParityError ? error.problems[0] : undefined;
    expect(problem?.message).toMatch(
      /^the OpenAPI parser cannot read it: Maximum dereference depth/,
    );
  });
});
