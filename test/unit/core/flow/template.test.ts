import { describe, expect, it } from 'vitest';
import type { Captured, CaseRequest } from '../../../../src/contract/model/case.js';
import { bindRequest, exactJson } from '../../../../src/core/flow/bind.js';
import {
  substituteJson,
  substituteText,
  templatedStrings,
  variablesIn,
} from '../../../../src/core/flow/template.js';
import { ExactNumber } from '../../../../src/core/wire/exact-number.js';

const vars = (entries: Record<string, unknown>): Map<string, Captured> =>
  new Map(
    Object.entries(entries).map(([name, value]) => [
      name,
      {
        value,
        text:
          value instanceof ExactNumber
            ? value.text
            : typeof value === 'string'
              ? value
              : JSON.stringify(value),
      },
    ]),
  );

describe('{{name}} templates', () => {
  it('finds the variables a text uses, once each, spaces inside the braces allowed', () => {
    expect(variablesIn('/items/{{id}}/tags/{{ tag }}?again={{id}}')).toEqual(['id', 'tag']);
    expect(variablesIn('no variables, {not} {{1x}} {{ }}')).toEqual([]);
  });

  it('lists the strings of a JSON value that use variables, with their paths (keys are not templates)', () => {
    const body = { a: '{{x}}', list: ['plain', { deep: 'v={{y}}' }], '{{k}}': 1 };
    expect([...templatedStrings(body)]).toEqual([
      { path: ['a'], names: ['x'] },
      { path: ['list', 1, 'deep'], names: ['y'] },
    ]);
  });

  it('substitutes text, leaving names without a value as written', () => {
    expect(
      substituteText('/items/{{id}}?e={{ etag }}&m={{missing}}', vars({ id: 7, etag: '"a"' })),
    ).toBe('/items/7?e="a"&m={{missing}}');
  });

  it('puts a captured JSON value in place of a string that is exactly one variable', () => {
    const body = { id: '{{id}}', label: 'item {{id}}', nested: ['{{ flag }}'], keep: 3 };
    expect(substituteJson(body, vars({ id: 42, flag: true }))).toEqual({
      id: 42,
      label: 'item 42',
      nested: [true],
      keep: 3,
    });
  });
});

describe('bindRequest', () => {
  const request: CaseRequest = {
    method: 'PUT',
    path: '/items/{{id}}',
    query: [['v', '{{version}}']],
    headers: [['if-match', '{{etag}}']],
    body: { kind: 'json', value: { id: '{{id}}', name: 'x' } },
  };

  it('gives each side its own request', () => {
    expect(bindRequest(request, vars({ id: 1, version: 2, etag: '"r1"' }))).toEqual({
      method: 'PUT',
      path: '/items/1',
      query: [['v', '2']],
      headers: [['if-match', '"r1"']],
      body: { kind: 'json', value: { id: 1, name: 'x' } },
    });
    expect(bindRequest(request, vars({ id: 'it_9', version: 5, etag: 'W/"g"' })).path).toBe(
      '/items/it_9',
    );
  });

  it('percent-encodes what a request target cannot carry, and lets a captured "?" start the query', () => {
    const bound = bindRequest(
      { ...request, path: '{{where}}', query: [] },
      vars({ where: '/a b/é#x?page=2&q=1' }),
    );
    expect(bound.path).toBe('/a%20b/%C3%A9%23x');
    expect(bound.query).toEqual([
      ['page', '2'],
      ['q', '1'],
    ]);
  });

  it('substitutes the query written in the path, each value percent-encoded, before the other pairs', () => {
    const written: CaseRequest = {
      method: 'GET',
      path: '/search',
      query: [
        ['q', '{{term}}'],
        ['page', '{{page}}'],
        ['extra', '1'],
      ],
      pathQuery: { text: 'q={{term}}&page={{page}}', pairs: 2 },
      headers: [],
      body: { kind: 'none' },
    };
    const bound = bindRequest(written, vars({ term: 'a&b c', page: 2 }));
    expect(bound.pathQuery).toEqual({ text: 'q=a%26b%20c&page=2', pairs: 2 });
    expect(bound.query).toEqual([
      ['q', 'a&b c'],
      ['page', '2'],
      ['extra', '1'],
    ]);
    const located = bindRequest(
      { ...written, path: '{{where}}' },
      vars({ where: '/n/7?v=2', term: 'x', page: 1 }),
    );
    expect(located.path).toBe('/n/7');
    expect(located.pathQuery).toEqual({ text: 'v=2&q=x&page=1', pairs: 3 });
    expect(located.query.map(([name]) => name)).toEqual(['v', 'q', 'page', 'extra']);
  });

  it('sends a captured 64-bit number by its exact digits, with a JSON content type', () => {
    const big = new ExactNumber('9007199254740993');
    const bound = bindRequest({ ...request, headers: [] }, vars({ id: big }));
    expect(bound.body).toEqual({ kind: 'text', text: '{"id":9007199254740993,"name":"x"}' });
    expect(bound.headers).toEqual([['content-type', 'application/json']]);
    expect(exactJson([big, { a: 'x' }])).toBe('[9007199254740993,{"a":"x"}]');
  });
});
