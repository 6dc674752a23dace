import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../../../src/contract/model/case.js';
import { loadCases, validateCases } from '../../../../src/io/cases/load.js';
import { splitQuery } from '../../../../src/io/cases/resolve-request.js';
import { formatProblem, ParityError } from '../../../../src/util/errors.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const valid = 'test/fixtures/cases/valid';
const env = { PARITY_TEST_KEY: 'k-123', PARITY_TEST_NAME: 'ada' };

/** A source location as plain data (positions are computed on first read). */
const where = (source: SourceLocation | undefined) =>
  source && { file: source.file, line: source.line, column: source.column };

describe('loadCases on the valid fixtures', () => {
  it('loads the case-file example of docs/case-files.md exactly as written', async () => {
    const [only, ...rest] = await loadCases([`${valid}/validator.yaml`], { cwd: root, env: {} });
    expect(rest).toEqual([]);
    expect({ ...only, source: undefined }).toEqual({
      source: undefined,
      id: 'validator/schema-missing-field',
      suite: 'validator',
      description: 'a record without `field` is a schema error',
      tags: [],
      request: {
        method: 'POST',
        path: '/v1/validate',
        query: [],
        headers: [['content-type', 'application/json']],
        body: { kind: 'json', value: { record: { name: 'x' } } },
      },
      rules: {
        ignore: ['/request_id', '/meta/timing/**'],
        mask: [],
        sortArrays: [{ path: '/errors', by: undefined }],
        tolerance: [],
        keyCaseFold: false,
        nullEqualsAbsent: false,
        headers: ['content-type'],
        arrayKeys: ['id'],
        redactHeaders: [],
      },
      expect: { status: 400 },
    });
    expect(where(only?.source)).toEqual({ file: `${valid}/validator.yaml`, line: 7, column: 5 });
  });

  it('recurses into folders, reads .json and .yml, in run order (files by path, cases as written)', async () => {
    const cases = await loadCases([valid], { cwd: root, env });
    expect(cases.map((item) => item.id)).toEqual([
      'health/ping',
      'health/alive',
      'users/search',
      'users/create',
      'validator/schema-missing-field',
    ]);
    expect(where(cases[1]?.source)).toEqual({
      file: `${valid}/more/health.yml`,
      line: 13,
      column: 5,
    });
  });

  it('puts the path query first, then defaults and case query, the case winning', async () => {
    const cases = await loadCases([`${valid}/users.json`], { cwd: root, env });
    const search = cases.find((item) => item.id === 'users/search');
    expect(search?.request.path).toBe('/v1/users');
    expect(search?.request.query).toEqual([
      ['tag', 'a'],
      ['tag', 'b'],
      ['locale', 'fr'],
      ['page', '1'],
      ['limit', '10'],
      ['active', 'true'],
      ['sort', 'name'],
      ['sort', 'id'],
    ]);
    const create = cases.find((item) => item.id === 'users/create');
    expect(create?.request.query).toEqual([
      ['locale', 'en'],
      ['page', '2'],
    ]);
  });

  it('lower-cases header names, lets the case win, and substitutes env references', async () => {
    const cases = await loadCases([`${valid}/users.json`], { cwd: root, env });
    const search = cases.find((item) => item.id === 'users/search');
    expect(search?.request.headers).toEqual([
      ['x-api-key', 'k-123'],
      ['accept', 'application/vnd.users+json'],
    ]);
    expect(search?.tags).toEqual(['users', 'smoke']);
    expect(search?.request.body).toEqual({ kind: 'none' });
    const create = cases.find((item) => item.id === 'users/create');
    expect(create?.request.body).toEqual({ kind: 'text', text: 'name=ada' });
    expect(create?.expect.status).toBe(201);
  });

  it('merges global rules under suite and case rules', async () => {
    const cases = await loadCases([`${valid}/users.json`], {
      cwd: root,
      env,
      globalRules: { ignore: ['/trace'], keyCase: 'exact', headers: ['ETag'] },
    });
    const search = cases.find((item) => item.id === 'users/search');
    expect(search?.rules.ignore).toEqual(['/trace']);
    expect(search?.rules.keyCaseFold).toBe(true);
    expect(search?.rules.headers).toEqual(['content-type', 'etag', 'x-request-id']);
    expect(search?.rules.tolerance).toEqual([{ path: '/**', absolute: 0.5, relative: 0 }]);
    const create = cases.find((item) => item.id === 'users/create');
    expect(create?.rules.keyCaseFold).toBe(false);
    expect(create?.rules.headers).toEqual(['content-type', 'etag']);
  });

  it('fills rule defaults from the schema (mask path and replacement)', async () => {
    const cases = await loadCases([`${valid}/more`], { cwd: root, env });
    const ping = cases.find((item) => item.id === 'health/ping');
    expect(ping?.rules.mask).toEqual([{ path: '/**', regex: '^[0-9]+$', replacement: '<masked>' }]);
    expect(ping?.rules.sortArrays).toEqual([{ path: '/items', by: 'name' }]);
    expect(ping?.rules.tolerance).toEqual([{ path: '/latency', absolute: 0, relative: 0.1 }]);
    expect(ping?.rules.nullEqualsAbsent).toBe(true);
  });
});

describe('loadCases on bad input', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('throws one ParityError carrying every problem of every file', async () => {
    const invalid = 'test/fixtures/cases/invalid';
    const paths = [`${invalid}/bad-method.yaml`, `${invalid}/missing-id.yaml`, `${valid}`];
    const error = await loadCases(paths, { cwd: root, env }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParityError);
    if (!(error instanceof ParityError)) return;
    expect(error.code).toBe('PARITY_CASES_INVALID');
    expect(error.problems.map((problem) => problem.file)).toEqual([
      `${invalid}/bad-method.yaml`,
      `${invalid}/missing-id.yaml`,
    ]);
    expect(error.message.split('\n')[0]).toBe(
      '2 problems in the case files (5 files checked); fix them and run again:',
    );
    expect(error.message).toContain(
      'bad-method.yaml:9:15: cases[1].request.method must be an HTTP method token',
    );
  });

  it('reports a missing path and an empty folder, relative to cwd', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parity-cases-'));
    await writeFile(path.join(dir, 'notes.txt'), 'not a case file');
    const result = await validateCases(['nope.yaml', '.', 'notes.txt'], { cwd: dir, env: {} });
    expect(result).toEqual({
      files: 0,
      cases: 0,
      flows: 0,
      flowSteps: 0,
      problems: [
        {
          file: '.',
          line: 1,
          column: 1,
          field: '',
          message: 'is a folder with no case files (expected *.yaml, *.yml or *.json)',
        },
        {
          file: 'nope.yaml',
          line: 1,
          column: 1,
          field: '',
          message: 'does not exist (expected a case file or a folder of case files)',
        },
        {
          file: 'notes.txt',
          line: 1,
          column: 1,
          field: '',
          message: 'is not a case file (expected .yaml, .yml or .json)',
        },
      ],
      warnings: [],
    });
  });

  it('reports duplicate ids inside one file and counts files and cases', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parity-cases-'));
    const text = [
      'suite: s',
      'cases:',
      '  - { id: a, request: { method: GET, path: / } }',
      '  - { id: a, request: { method: GET, path: /x } }',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'dup.yaml'), text);
    const result = await validateCases(['dup.yaml'], { cwd: dir, env: {} });
    expect(result.files).toBe(1);
    expect(result.cases).toBe(2);
    expect(result.problems).toEqual([
      {
        file: 'dup.yaml',
        line: 4,
        column: 11,
        field: 'cases[1].id',
        message: 'duplicates "s/a" first defined at dup.yaml:3:11 (case ids must be unique)',
      },
    ]);
  });

  it('names the file of a first definition across files, broken files between them', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parity-cases-'));
    const json = (ids: string[]) =>
      `{"suite": "s", "cases": [\n${ids.map((id) => `  {"id": "${id}", "request": {"method": "GET", "path": "/"}}`).join(',\n')}\n]}`;
    await writeFile(path.join(dir, 'a.json'), '{"suite": "s", "cases": [');
    await writeFile(path.join(dir, 'b.json'), json(['p', 'q']));
    await writeFile(path.join(dir, 'c.json'), '{"suite": 1}');
    await writeFile(path.join(dir, 'd.json'), json(['q', 'r', 'p']));
    await writeFile(path.join(dir, 'e.json'), json(['r']));
    const result = await validateCases(['.'], { cwd: dir, env: {} });
    expect(
      result.problems.map(formatProblem).filter((line) => line.includes('duplicates')),
    ).toEqual([
      'd.json:2:10: cases[0].id duplicates "s/q" first defined at b.json:3:10 (case ids must be unique)',
      'd.json:4:10: cases[2].id duplicates "s/p" first defined at b.json:2:10 (case ids must be unique)',
      'e.json:2:10: cases[0].id duplicates "s/r" first defined at d.json:3:10 (case ids must be unique)',
    ]);
  });

  it('places a duplicate in a JSON file at both definitions, the file parsed once', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parity-cases-'));
    const text = [
      '{"suite": "s", "cases": [',
      '  {"id": "a", "request": {"method": "GET", "path": "/"}},',
      '  {"id": "b", "request": {"method": "GET", "path": "/b"}},',
      '  {"id": "a", "request": {"method": "GET", "path": "/x"}}',
      ']}',
    ].join('\n');
    await writeFile(path.join(dir, 'dup.json'), text);
    const result = await validateCases(['dup.json'], { cwd: dir, env: {} });
    expect(result.problems.map(formatProblem)).toEqual([
      'dup.json:4:10: cases[2].id duplicates "s/a" first defined at dup.json:2:10 (case ids must be unique)',
    ]);
  });

  it('loads a file given twice (directly and through its folder) once', async () => {
    const cases = await loadCases([`${valid}/users.json`, valid], { cwd: root, env });
    expect(cases.filter((item) => item.id === 'users/create')).toHaveLength(1);
  });
});

describe('splitQuery', () => {
  it('splits the query string off, decoding it and keeping repeated keys in order', () => {
    expect(splitQuery('/v1/search?q=a+b&tag=x&tag=y%2Fz&empty=#frag')).toEqual([
      '/v1/search',
      [
        ['q', 'a b'],
        ['tag', 'x'],
        ['tag', 'y/z'],
        ['empty', ''],
      ],
      'q=a+b&tag=x&tag=y%2Fz&empty=',
    ]);
    expect(splitQuery('/v1/plain')).toEqual(['/v1/plain', [], '']);
    expect(splitQuery('/v1/trailing?')).toEqual(['/v1/trailing', [], '']);
  });

  it('keeps the query string as written, encoding only what no URL may hold', () => {
    const [, , text] = splitQuery('/s?q=%2Fa%20b&x=[1]&y={2}&z=a b&é=ü');
    expect(text).toBe('q=%2Fa%20b&x=[1]&y={2}&z=a%20b&%C3%A9=%C3%BC');
  });
});
