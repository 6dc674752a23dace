/**
 * One odd request never stops an import: control characters in a header's
 * name or value, and characters a case path cannot hold (`[`, `]`, `{`, `|`,
 * a space, a stray `%`, …) in every importer that takes them from its source
 * (curl, HAR, Postman). Each import ends with exit 0, says what it changed,
 * and writes case files `validate` accepts.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const BAD_VALUES = ['a\rb', 'a\nInjected: 1', 'a\0b', 'a\r\n\r\nbody'];
const BAD_NAMES = ['X Space', 'X:Colon', 'X\tTab', 'X(paren)'];
const PATHS = ['/items[0]/x', '/a{b}', '/a|b', '/a%zz', '/a^b`c', '/a"b<c>', '/a\\b'];

function har(): string {
  const entries = [
    ...BAD_VALUES.map((value) => ({ url: '/h', headers: [{ name: 'X-Value', value }] })),
    ...BAD_NAMES.map((name) => ({ url: '/n', headers: [{ name, value: 'v' }] })),
    ...PATHS.map((path) => ({ url: path, headers: [] })),
  ].map((e) => ({
    request: { method: 'GET', url: `http://127.0.0.1:9${e.url}`, headers: e.headers },
  }));
  return JSON.stringify({ log: { entries } });
}

function postman(): string {
  const item = [
    ...BAD_VALUES.map((value, i) => ({
      name: `value ${i}`,
      request: { method: 'GET', url: 'http://127.0.0.1:9/h', header: [{ key: 'X-Value', value }] },
    })),
    ...PATHS.map((path, i) => ({
      name: `path ${i}`,
      request: { method: 'GET', url: `http://127.0.0.1:9${path}` },
    })),
  ];
  return JSON.stringify({
    info: {
      name: 'odd',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item,
  });
}

const quote = (text: string) =>
  `$'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\0/g, '\\x00').replace(/\t/g, '\\t')}'`;

function curl(): string {
  return [
    ...BAD_VALUES.map((value) => `curl http://127.0.0.1:9/h -H ${quote(`X-Value: ${value}`)}`),
    ...BAD_NAMES.map((name) => `curl http://127.0.0.1:9/n -H ${quote(`${name}: v`)}`),
    ...PATHS.map((path) => `curl -g ${quote(`http://127.0.0.1:9${path}`)}`),
  ].join('\n');
}

describe('imports of odd requests', () => {
  it.each([
    ['curl', 'in.sh', curl],
    ['har', 'in.har', har],
    ['postman', 'in.postman_collection.json', postman],
  ])('%s: exit 0, every change noted, every file valid', async (kind, file, text) => {
    const cwd = await tempProject({ [file]: text() });
    const imported = await runCli(cwd, ['import', kind, file, '--out', 'cases']);
    expect(imported.stderr, imported.stdout).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/left out: it has|sent percent-encoded/);
    const validate = await runCli(cwd, ['validate', 'cases']);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  });
});

describe('an OpenAPI path key with a "#"', () => {
  it('is sent percent-encoded, in the path and in a query the key holds, with a note (never exit 4)', async () => {
    const paths = ['/a#b', '/items#', '/a?x=1#y', '/q?x=\\u0001'];
    const doc = [
      'openapi: 3.0.3',
      'info: { title: t, version: "1" }',
      'servers: [{ url: "http://127.0.0.1:9" }]',
      'paths:',
      ...paths.map((p) => `  "${p}": { get: { responses: { "200": { description: ok } } } }`),
    ].join('\n');
    const cwd = await tempProject({ 'api.yaml': `${doc}\n` });
    const imported = await runCli(cwd, ['import', 'openapi', 'api.yaml', '--out', 'cases']);
    expect(imported.stderr, imported.stdout).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('sent percent-encoded (/a%23b)');
    expect(imported.stdout).toContain('sent percent-encoded (/a?x=1%23y)');
    expect(imported.stdout).toContain('sent percent-encoded (/q?x=%01)');
    const validate = await runCli(cwd, ['validate', 'cases']);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  });
});

describe('an OpenAPI document that is a YAML alias bomb', () => {
  it('is refused at its position (exit 2), as case files and the config are', async () => {
    const lines = [
      'openapi: 3.0.0',
      'info: { title: t, version: "1" }',
      'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
    ];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('paths: {}');
    const cwd = await tempProject({ 'bomb.yaml': `${lines.join('\n')}\n` });
    const imported = await runCli(cwd, ['import', 'openapi', 'bomb.yaml']);
    expect(imported.code, imported.stderr).toBe(2);
    expect(imported.stderr).toMatch(
      /bomb\.yaml:\d+:\d+: the YAML aliases \(\*name\) expand too much/,
    );
  });
});

describe('an imported request with a body larger than a case file holds', () => {
  it('is left out with a note, and every file written still validates', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(3 * 1024 * 1024) });
    const entries = [
      {
        request: {
          method: 'POST',
          url: 'http://127.0.0.1:9/up',
          headers: [],
          postData: { mimeType: 'application/json', text: big },
        },
      },
      { request: { method: 'GET', url: 'http://127.0.0.1:9/down', headers: [] } },
    ];
    const cwd = await tempProject({ 'in.har': JSON.stringify({ log: { entries } }) });
    const imported = await runCli(cwd, ['import', 'har', 'in.har', '--out', 'cases']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'skipped HAR entry 1: its 3.0 MiB body is more than a case file holds (1.0 MiB)',
    );
    expect((await runCli(cwd, ['validate', 'cases'])).code).toBe(0);
  });
});
