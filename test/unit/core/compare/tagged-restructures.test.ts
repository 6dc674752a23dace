/**
 * Issue 43, item 2 (rule 48): a tag that names its sibling's shape (a
 * tagged union's discriminator) changes its word in exactly the answers
 * where that sibling is restructured: one row with the restructure
 * (`tagged-restructures.ts`). Planted twice, with other names, depths and
 * shape changes (a list's elements retyped and lacking; a value retyped);
 * kept apart: a tag that changes with no restructure, a restructure also
 * seen where the tag did not change, a second sibling restructured in some
 * of the answers only, and values that are prose, not words.
 */
import { describe, expect, it } from 'vitest';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { structureFindings } from '../../../../src/core/compare/findings.js';

interface Answer {
  readonly caseId: string;
  readonly endpoint: string;
  readonly baseline: unknown;
  readonly candidate: unknown;
}

/** The run's rows once clustered: summary → its cases. */
function rows(answers: readonly Answer[]): Map<string, string[]> {
  const judged = answers.map(({ caseId, endpoint, baseline, candidate }) => {
    const changes = diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] });
    return {
      caseId,
      endpoint,
      changes,
      findings: structureFindings(endpoint, changes),
      bodies: { baseline, candidate },
    };
  });
  const clusters = clusterCauses(judged);
  const out = new Map<string, string[]>();
  for (const { caseId, endpoint, findings } of judged) {
    for (const f of clusteredFindings(endpoint, findings, clusters)) {
      out.set(f.summary, [...(out.get(f.summary) ?? []), caseId]);
    }
  }
  return out;
}

interface Fixture {
  readonly name: string;
  readonly endpoint: string;
  /** Each variant the baseline answers, as the candidate answers it, as the bodies. */
  readonly variants: readonly (readonly [unknown, unknown])[];
  /** A body where the sibling changes its shape with the tag unchanged. */
  readonly untagged: readonly [unknown, unknown];
  /** The tag's path, and the sibling's. */
  readonly tag: string;
  readonly sibling: string;
  /** The bodies of `variants` with the tag's words written alike on both sides. */
  readonly tagAlike: (body: unknown) => unknown;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: '`kind` and `payload` at the top: a pair or a text against a list of records',
    endpoint: 'GET /v2/eval',
    variants: [
      [
        { kind: 'pair', payload: [7, 'x'] },
        { kind: 'records', payload: [{ labels: {}, at: [7, 'x'] }] },
      ],
      [
        { kind: 'text', payload: [7, 'hi'] },
        { kind: 'records', payload: [] },
      ],
    ],
    untagged: [
      { kind: 'records', payload: [{ labels: {}, at: [1, 'y'] }, 3] },
      { kind: 'records', payload: [{ labels: {}, at: [1, 'y'] }] },
    ],
    tag: '/kind',
    sibling: '/payload',
    tagAlike: (body) => ({ ...(body as object), kind: 'records' }),
  },
  {
    name: '`format` and `content` under `answer`: a joined string against a list',
    endpoint: 'POST /rpc/export',
    variants: [
      [
        { ok: true, answer: { format: 'csv', content: 'a,b' } },
        { ok: true, answer: { format: 'list', content: ['a', 'b'] } },
      ],
      [
        { ok: true, answer: { format: 'tsv', content: 'c\td' } },
        { ok: true, answer: { format: 'list', content: ['c', 'd'] } },
      ],
      [
        { ok: true, answer: { format: 'csv', content: 'e,f' } },
        { ok: true, answer: { format: 'list', content: ['e', 'f'] } },
      ],
    ],
    untagged: [
      { ok: true, answer: { format: 'list', content: 'g' } },
      { ok: true, answer: { format: 'list', content: ['g'] } },
    ],
    tag: '/answer/format',
    sibling: '/answer/content',
    tagAlike: (body) => {
      const { answer, ...rest } = body as { answer: object };
      return { ...rest, answer: { ...answer, format: 'list' } };
    },
  },
];

describe.each(FIXTURES)('a tag with the restructure it names: $name', (f) => {
  const answers = f.variants.map(
    ([baseline, candidate], i): Answer => ({
      caseId: `t/${i + 1}`,
      endpoint: f.endpoint,
      baseline,
      candidate,
    }),
  );
  const cases = answers.map((a) => a.caseId);

  it('is one row for the tag’s words and every shape change of the sibling', () => {
    const found = rows(answers);
    expect(found.size).toBe(1);
    const [summary, shown] = [...found.entries()][0] ?? [];
    expect(shown).toEqual(cases);
    expect(summary?.includes(f.tag) === true || summary?.includes(f.sibling) === true).toBe(true);
  });

  it('without the tag’s change, the restructure keeps its rows', () => {
    const found = rows(
      answers.map((a) => ({ ...a, baseline: f.tagAlike(a.baseline), candidate: a.candidate })),
    );
    expect([...found.keys()].some((summary) => summary.includes(f.tag))).toBe(false);
  });

  it('a tag whose words change with no restructure keeps its row apart', () => {
    const words = answers.map((a) => ({
      ...a,
      candidate: f.tagAlike(a.baseline) as unknown,
    }));
    const shapes = answers.map((a, i) => ({
      ...a,
      caseId: `s/${i + 1}`,
      baseline: f.tagAlike(a.baseline),
    }));
    const found = rows([...words, ...shapes]);
    const tagRows = [...found.entries()].filter(([summary]) => summary.includes(f.tag));
    expect(tagRows.length).toBeGreaterThan(0);
    for (const [, shown] of tagRows) for (const id of shown) expect(id).toMatch(/^t\//);
    const others = [...found.entries()].filter(([summary]) => !summary.includes(f.tag));
    expect(others.length).toBeGreaterThan(0);
    for (const [, shown] of others) for (const id of shown) expect(id).toMatch(/^s\//);
  });

  it('one pair of words alone, renamed one for one, is no tag: a state renamed beside a restructure', () => {
    const [first] = answers;
    const once = answers.map((a) => ({
      ...a,
      baseline: first?.baseline,
      candidate: first?.candidate,
    }));
    const found = rows(once);
    expect(found.size).toBeGreaterThan(1);
    const tagRows = [...found.keys()].filter((summary) => summary.includes(f.tag));
    expect(tagRows).toHaveLength(1);
    expect(tagRows[0]?.includes(f.sibling)).toBe(false);
  });

  it('a restructure also seen where the tag did not change is not the tag’s', () => {
    const [baseline, candidate] = f.untagged;
    const found = rows([...answers, { caseId: 'u/1', endpoint: f.endpoint, baseline, candidate }]);
    expect(found.size).toBeGreaterThan(1);
    const withU = [...found.entries()].filter(([, shown]) => shown.includes('u/1'));
    for (const [summary] of withU) expect(summary).not.toContain(f.tag);
  });
});

describe('kept apart beside a tagged restructure', () => {
  const answer = (id: string, tag: [string, string], extra: boolean): Answer => ({
    caseId: id,
    endpoint: 'GET /v3/shapes',
    baseline: { variant: tag[0], body: 5, note: extra ? { a: 1 } : { a: 1, b: 2 } },
    candidate: { variant: tag[1], body: { n: 5 }, note: { a: 1 } },
  });

  it('a second sibling restructured in some of the tag’s answers only keeps its row', () => {
    const found = rows([
      answer('k/1', ['number', 'boxed'], false),
      answer('k/2', ['integer', 'boxed'], true),
    ]);
    expect(found.size).toBe(2);
    const joined = [...found.entries()].find(([s]) => s.includes('/variant'));
    expect(joined?.[1]).toEqual(['k/1', 'k/2']);
    expect(joined?.[0]).toContain('/body');
    const note = [...found.entries()].find(([s]) => s.includes('/note'));
    expect(note?.[1]).toEqual(['k/1']);
  });

  it('a change of the sibling in other answers alone is another row, the tag’s still one', () => {
    const other: Answer = {
      caseId: 'o/1',
      endpoint: 'GET /v3/shapes',
      baseline: { variant: 'boxed', body: { n: 2 }, note: { a: 1 } },
      candidate: { variant: 'boxed', body: { n: 2, unit: 'm' }, note: { a: 1 } },
    };
    const plain = (id: string, tag: string): Answer => ({
      caseId: id,
      endpoint: 'GET /v3/shapes',
      baseline: { variant: tag, body: 5 },
      candidate: { variant: 'boxed', body: { n: 5 } },
    });
    const found = rows([plain('k/1', 'number'), plain('k/2', 'integer'), other]);
    expect(found.size).toBe(2);
    const joined = [...found.entries()].find(([s]) => s.includes('/variant'));
    expect(joined?.[1]).toEqual(['k/1', 'k/2']);
    expect([...found.values()]).toContainEqual(['o/1']);
  });

  it('the tag changed at its place in another answer with no restructure keeps that row', () => {
    const plain = (id: string, tag: string): Answer => ({
      caseId: id,
      endpoint: 'GET /v3/shapes',
      baseline: { variant: tag, body: 5 },
      candidate: { variant: 'boxed', body: { n: 5 } },
    });
    const bare: Answer = {
      caseId: 'b/1',
      endpoint: 'GET /v3/shapes',
      baseline: { variant: 'draft', body: { n: 1 } },
      candidate: { variant: 'final', body: { n: 1 } },
    };
    const found = rows([plain('k/1', 'number'), plain('k/2', 'integer'), bare]);
    expect(found.size).toBe(2);
    expect([...found.values()]).toContainEqual(['k/1', 'k/2']);
    const own = [...found.entries()].find(([, shown]) => shown.includes('b/1'));
    expect(own?.[1]).toEqual(['b/1']);
    expect(own?.[0]).toContain('`draft` vs `final`');
  });

  it('a tag whose values are prose, not words, is not read as naming a variant', () => {
    const prose = (id: string, b: string): Answer => ({
      caseId: id,
      endpoint: 'GET /v3/shapes',
      baseline: { label: b, body: 5 },
      candidate: { label: 'a boxed value', body: { n: 5 } },
    });
    const found = rows([prose('p/1', 'a plain number'), prose('p/2', 'an integer here')]);
    const joined = [...found.keys()].filter((s) => s.includes('/label') && s.includes('/body'));
    expect(joined).toEqual([]);
  });
});
