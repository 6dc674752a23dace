/**
 * Issue 43: values compared across body kinds (`kind-values.ts`). One side
 * writes its errors as XML, the other as JSON; each names the error by a
 * code, alike in most answers and otherwise in two. The format is one row,
 * the codes a second (listing the two pairs), never hidden in the first.
 * Planted twice, with other members and formats; places whose texts never
 * agree (a message worded otherwise) are no evidence, and stay unread.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { clusteredRows, type RowAnswer } from '../../../helpers/clustered-rows.js';

interface Fixture {
  readonly name: string;
  readonly kinds: readonly [string, string];
  readonly baseline: (code: string, message: string) => unknown;
  readonly candidate: (code: string, message: string) => unknown;
  readonly summary: string;
}

const FIRST: Fixture = {
  name: 'XML errors against OData JSON',
  kinds: ['xml', 'json'],
  baseline: (code, message) => ({ Error: { Code: code, Message: message } }),
  candidate: (code, message) => ({
    'odata.error': { code, message: { lang: 'en-US', value: `${message}\nRequestId:42` } },
  }),
  summary: 'value of `/Error/Code` (`/odata.error/code` in JSON) differs: ',
};
const SECOND: Fixture = {
  name: 'JSON problems against XML faults',
  kinds: ['json', 'xml'],
  baseline: (code, message) => ({ problem: { type: code, title: message } }),
  candidate: (code, message) => ({ fault: { '@reason': code, detail: { '#text': message } } }),
  summary: 'value of `/problem/type` (`/fault/@reason` in XML) differs: ',
};

function answer(
  f: Fixture,
  caseId: string,
  endpoint: string,
  codes: readonly [string, string],
  status = 404,
): RowAnswer {
  const [b, c] = codes;
  const body: Change[] = [
    { path: '', op: 'type', baseline: { kind: f.kinds[0] }, candidate: { kind: f.kinds[1] } },
  ];
  const findings = findingsOf({
    endpoint,
    comparison: { status: { equal: true, baseline: status, candidate: status }, headers: [], body },
  });
  return {
    caseId,
    endpoint,
    findings,
    changes: body,
    baseline: { status },
    candidate: { status },
    bodies: { baseline: f.baseline(b, `no ${b}`), candidate: f.candidate(c, `none: ${c}`) },
  };
}

describe.each([FIRST, SECOND])('a code compared across body kinds ($name)', (f) => {
  const answers = () => [
    answer(f, 'c/1', 'POST /tables', ['TableAlreadyExists', 'TableAlreadyExists'], 409),
    answer(f, 'c/2', 'POST /customers', ['EntityAlreadyExists', 'EntityAlreadyExists'], 409),
    answer(f, 'c/3', 'PUT /customers/:id', ['ResourceNotFound', 'ResourceNotFound']),
    answer(f, 'c/4', 'GET /customers/:id', ['EntityNotFound', 'ResourceNotFound']),
    answer(f, 'c/5', 'DELETE /tables/:id', ['TableNotFound', 'ResourceNotFound']),
  ];

  it('is a row of its own beside the format, listing its pairs', () => {
    const rows = [...clusteredRows(answers()).values()];
    const summaries = rows.map((row) => row.summary).sort();
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(2);
    const codes = rows.find((row) => row.summary.startsWith(f.summary));
    expect(codes, JSON.stringify(summaries)).toBeDefined();
    const pairs =
      codes?.cause.type === 'structure' ? (codes.cause.together ?? []).map((c) => c.values) : [];
    expect(pairs).toEqual([
      ['EntityNotFound', 'ResourceNotFound'],
      ['TableNotFound', 'ResourceNotFound'],
    ]);
  });

  it('reads nothing where no two answers agree on a text (no evidence)', () => {
    const [, , , four, five] = answers();
    if (four === undefined || five === undefined) throw new Error('no answers');
    expect(clusteredRows([four, five]).size).toBe(1);
  });
});
