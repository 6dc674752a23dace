/**
 * Issue 43: a URL is two values (`url-values.ts`). One side writes a fixed
 * base URL where the other writes its own address (compared as
 * `{{origin}}`), on every answer: one row; one answer also names another
 * path: a second row, never hidden in the first. Planted twice, with other
 * members and hosts; two URLs of one origin stay one value.
 */
import { describe, expect, it } from 'vitest';
import { urlChange } from '../../../../src/core/compare/url-values.js';
import { clusteredRows } from '../../../helpers/clustered-rows.js';
import { divergentResult, valueChange } from './fixtures.js';

describe.each([
  {
    name: 'an OData metadata link',
    field: '/odata.metadata',
    fixed: 'http://127.0.0.1:10002/devstoreaccount1',
    paths: ['/$metadata#Tables', '/$metadata#customers/@Element'],
    moved: ['/$metadata#customers', '/$metadata#Tables/@Element'],
  },
  {
    name: 'a self link',
    field: '/links/self',
    fixed: 'https://api.example.com/v2',
    paths: ['/orders/7', '/orders/8?expand=items'],
    moved: ['/orders/9', '/orders/9/summary'],
  },
])('a URL with another origin ($name)', (f) => {
  const [p1 = '', p2 = ''] = f.paths;
  const [from = '', to = ''] = f.moved;
  const answers = () => [
    divergentResult('c/1', 'GET /a', [
      valueChange(f.field, `${f.fixed}${p1}`, `{{origin}}/x${p1}`),
    ]),
    divergentResult('c/2', 'GET /b', [
      valueChange(f.field, `${f.fixed}${p2}`, `{{origin}}/x${p2}`),
    ]),
    divergentResult('c/3', 'GET /c', [
      valueChange(f.field, `${f.fixed}${from}`, `{{origin}}/x${to}`),
    ]),
  ];

  it('is one row for the origin on every answer, and one for the path where it differs too', () => {
    const rows = [...clusteredRows(answers()).values()];
    const summaries = rows.map((row) => row.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    const origin = summaries.find((s) => s.includes('{{origin}}/…'));
    expect(origin).toBeDefined();
    const other = rows.find((row) => row.summary !== origin);
    expect(other?.summary).toBe(`value of \`${f.field}\` differs`);
    expect(other?.paths).toEqual([f.field]);
  });

  it('keeps two URLs of one origin one value', () => {
    expect(urlChange(`{{origin}}/x${from}`, `{{origin}}/x${to}`)).toBeUndefined();
    expect(urlChange(`${f.fixed}${from}`, `${f.fixed}${to}`)).toBeUndefined();
    expect(urlChange(`${f.fixed}${p1}`, `{{origin}}/x${p1}`)).toEqual({
      origins: [expect.any(String), '{{origin}}/…'],
      rest: true,
    });
  });
});
