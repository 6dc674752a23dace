/**
 * Issue 43: one side's error handler, whatever the method
 * (`error-handlers.ts`). One side answers every request it refuses with one
 * error document; the other answers its framework's text page, with the
 * error's own status: one row, not a status row per method and a body-kind
 * row. Planted twice, with the sides, field names, document kinds, pages and
 * statuses changed; a route the page side lacks (404, 405), a request one
 * side accepted, a document of another shape, an empty body and a change
 * also seen outside the handler's answers stay rows of their own.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { documentCodes, documentShape } from '../../../../src/core/compare/error-handlers.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { shapeMembers } from '../../../../src/core/compare/root-cause-words.js';
import { clusteredSummaries, type RowAnswer } from '../../../helpers/clustered-rows.js';

type Side = readonly [status: number, body: unknown, kind?: string];

const kindOf = ([, body, kind]: Side) =>
  kind ?? (body === null ? 'empty' : typeof body === 'string' ? 'text' : 'json');

/** One answer, its finding as a case makes it: the status, else the bodies' kinds. */
function answer(caseId: string, endpoint: string, baseline: Side, candidate: Side): RowAnswer {
  const [b, bBody] = baseline;
  const [c, cBody] = candidate;
  const cause: RootCause =
    b !== c
      ? { type: 'status', endpoint, baseline: b, candidate: c }
      : {
          type: 'body-kind',
          statusClass: `${Math.floor(b / 100)}xx`,
          baseline: kindOf(baseline),
          candidate: kindOf(candidate),
        };
  return {
    caseId,
    endpoint,
    baseline: { status: b, bodyKind: kindOf(baseline) },
    candidate: { status: c, bodyKind: kindOf(candidate) },
    bodies: { baseline: bBody, candidate: cBody },
    findings: [findingOf(cause, [])],
  };
}

const rows = (answers: readonly RowAnswer[]) => clusteredSummaries(answers).sort();

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><pre>${text}</pre></body></html>`;

describe.each([
  {
    name: 'an authorization server whose new major answers its own error JSON',
    documents: 'candidate' as const,
    document: (message: string): Side => [
      400,
      { error: 'invalid_request', error_description: message },
    ],
    crash: (message: string): Side => [500, page('Error', `AssertionError: ${message}`)],
    unparsed: (message: string): Side => [400, page('Error', `SyntaxError: ${message}`)],
    endpoints: ['POST /token', 'GET /authorize', 'GET /endsession'],
    words:
      'error answers: baseline text pages (`Error`) vs candidate JSON error documents {`error`, `error_description`}',
  },
  {
    name: 'a store whose old version writes XML faults and whose rewrite crashes into text',
    documents: 'baseline' as const,
    document: (message: string): Side => [
      422,
      { Fault: { Reason: message, Field: 'name' } },
      'xml',
    ],
    crash: (message: string): Side => [503, `Service Unavailable: ${message}`],
    unparsed: (message: string): Side => [422, `Unprocessable: ${message}`],
    endpoints: ['PUT /items/:id', 'DELETE /orders/:id', 'POST /orders'],
    words: 'error answers: candidate text pages vs baseline XML error documents {`Fault`}',
  },
])('$name', ({ documents, document, crash, unparsed, endpoints, words }) => {
  const sides = (own: Side, doc: Side): [Side, Side] =>
    documents === 'candidate' ? [own, doc] : [doc, own];
  const [first = '', second = '', third = ''] = endpoints;
  const handled = [
    answer('s/crash-1', first, ...sides(crash('a'), document('a is required'))),
    answer('s/crash-2', first, ...sides(crash('b'), document('b is not a string'))),
    answer('s/unparsed', first, ...sides(unparsed('c'), document('malformed payload'))),
    answer('s/crash-3', second, ...sides(crash('d'), document('d is required'))),
    answer('s/crash-4', third, ...sides(crash('e'), document('e is required'))),
  ];

  it('is one row whatever the method, the endpoint and the two statuses', () => {
    expect(rows(handled)).toEqual([words]);
  });

  it('keeps a route the page side lacks and a request one side accepted rows of their own', () => {
    const lacking = answer(
      's/lacking',
      second.replace(/^\w+/, 'PATCH'),
      ...sides([404, page('Error', 'Cannot PATCH')], document('no token')),
    );
    const notAllowed = answer(
      's/not-allowed',
      third.replace(/^\w+/, 'PUT'),
      ...sides([405, 'Method Not Allowed'], document('no token')),
    );
    const accepted = answer('s/accepted', second, ...sides([302, null], document('S512')));
    const found = rows([...handled, lacking, notAllowed, accepted]);
    expect(found).toContain(words);
    expect(found).toHaveLength(4);
  });

  it('keeps a document of another shape, and an empty body, rows of their own', () => {
    const [status] = document('x');
    const other = answer(
      's/other-shape',
      'POST /other',
      ...sides([500, 'oops'], [status, { message: 'x', statusCode: status }]),
    );
    const empty = answer('s/empty', first, ...sides([400, null], document('y')));
    const found = rows([...handled, other, empty]);
    expect(found).toContain(words);
    expect(found).toHaveLength(3);
  });

  it('leaves a transition also seen on an answer outside it to rule 4, and needs two', () => {
    // The crash on the first endpoint is also answered with another document there.
    const outside = answer(
      's/outside',
      first,
      ...sides(crash('f'), [document('f')[0], { detail: 'f' }]),
    );
    const found = rows([...handled, outside]);
    expect(found).toContain(words);
    expect(found.some((row) => row.startsWith(`status `))).toBe(true);
    // One answer of the handler, or two that show one transition, say nothing of it.
    expect(rows(handled.slice(3, 4))).not.toContain(words);
    expect(rows(handled.slice(0, 2))).not.toContain(words);
  });

  it('supersedes the rows each answer had: its status transition, or its bodies’ kinds', () => {
    const clusters = clusterCauses(handled);
    for (const one of handled) {
      const [own] = one.findings;
      const findings = clusteredFindings(one.endpoint, one.findings, clusters, one.caseId);
      const [row] = findings;
      expect(findings).toHaveLength(1);
      expect(row?.summary).toBe(words);
      const kind = (side: 'baseline' | 'candidate') => {
        const [b, c] = [one.baseline?.bodyKind, one.candidate?.bodyKind];
        return { kind: side === 'baseline' ? b : c };
      };
      const changes = [
        { path: '', op: 'type' as const, baseline: kind('baseline'), candidate: kind('candidate') },
      ];
      const input = { ...one, findings, changes, headerChanges: [], notMembers: new Set<string>() };
      expect(earlierKeys(input).get(row?.fingerprint ?? '')).toContain(own?.fingerprint);
    }
  });
});

describe('a document’s shape', () => {
  it('is its members’ names and JSON types at every depth, never values', () => {
    const a = documentShape({ error: 'x', detail: { code: 1, at: [1] }, hint: null });
    expect(a).toBe('detail:{at:[],code:number},error:string,hint:null');
    expect(documentShape({ hint: null, error: 'y', detail: { at: [], code: 7 } })).toBe(a);
    expect(documentShape('a string')).toBeUndefined();
    expect(documentShape({})).toBeUndefined();
  });

  it('names its top-level members, a name with a colon too', () => {
    expect(shapeMembers('detail:{at:[],code:number},error:string,hint:null')).toEqual([
      'detail',
      'error',
      'hint',
    ]);
    expect(shapeMembers('ns:Fault:{ns:Code:string}')).toEqual(['ns:Fault']);
  });
});

describe('a document’s codes', () => {
  it('are its small integers at one member, never the answer’s status, an id or a list', () => {
    expect(documentCodes({ code: 1, message: 'Session ID unknown' }, [500, 400])).toBe('/code=1');
    expect(documentCodes({ error: { errno: 4003, reason: 'x' } }, [422, 500])).toBe(
      '/error/errno=4003',
    );
    // A status echoed (Fastify's `statusCode`), an id, a list's numbers and words: no code.
    expect(documentCodes({ statusCode: 400, error: 'Bad Request' }, [500, 400])).toBe('');
    expect(documentCodes({ id: 1732867200123, codes: [1, 2] }, [500, 400])).toBe('');
    expect(documentCodes({ error: 'invalid_request' }, [500, 400])).toBe('');
    expect(documentCodes('text', [500, 400])).toBe('');
  });
});
