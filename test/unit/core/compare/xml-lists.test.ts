/**
 * Issue 43: an XML element that occurs once is an object in the tree, several
 * times an array. The same member is one cause whether its list holds one
 * element or several (across endpoints), and a list of one on one side
 * against a list of two on the other is one element more, not `object vs
 * array`. Planted twice, with other element names.
 */
import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../../../src/contract/model/case.js';
import type { Finding } from '../../../../src/contract/root-cause.js';
import { judge } from '../../../../src/core/compare/judge.js';
import { parseXml } from '../../../../src/core/xml/tree.js';
import { clusteredRows } from '../../../helpers/clustered-rows.js';
import { exchange, response, testCase } from './fixtures.js';

const XML = { 'content-type': 'application/xml' };

function xml(text: string) {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return { kind: 'xml' as const, value: parsed.value, text };
}

/** The findings of one case answered by the two documents. */
function answer(id: string, method: HttpMethod, path: string, b: string, c: string) {
  const judged = judge(
    exchange(
      response(200, xml(b), XML),
      response(200, xml(c), XML),
      testCase({ id, request: { method, path, query: [], headers: [], body: { kind: 'none' } } }),
    ),
  );
  if (judged.verdict !== 'divergent') throw new Error('expected a divergence');
  return { caseId: id, endpoint: `${method} ${path}`, findings: judged.findings };
}

function rows(answers: ReturnType<typeof answer>[]): Finding[] {
  return [...clusteredRows(answers).values()];
}

describe.each([
  ['multistatus', 'response', 'status', 'etag'],
  ['feed', 'entry', 'title', 'updated'],
])('a <%s> of <%s> elements whose <%s> the candidate lacks <%s>', (root, item, kept, lost) => {
  const doc = (n: number, withLost: boolean) =>
    `<${root}>${Array.from(
      { length: n },
      (_, i) =>
        `<${item}><${kept}>k${i}</${kept}>${withLost ? `<${lost}>v${i}</${lost}>` : ''}</${item}>`,
    ).join('')}</${root}>`;

  it('is one cause whether a list holds one element or several', () => {
    const found = rows([
      answer('a', 'PROPFIND', '/one', doc(1, true), doc(1, false)),
      answer('b', 'PROPFIND', '/two', doc(2, true), doc(2, false)),
    ]);
    expect(found.map((f) => f.summary)).toEqual([`candidate lacks \`/${root}/${item}/${lost}\``]);
  });

  it('reads a list of one against a list of two as one element more', () => {
    const [finding, ...rest] = answer('c', 'GET', '/list', doc(1, true), doc(2, true)).findings;
    expect(rest).toEqual([]);
    expect(finding?.summary).toContain('adds elements');
  });
});
