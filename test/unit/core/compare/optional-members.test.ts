/**
 * Issue 43: members of one object that one side never writes, seen in fewer
 * answers because the other side writes them only sometimes, join the
 * object's row when the bodies show nothing was there to lose
 * (`optional-members.ts`). Planted twice, with other names and sides; a
 * member both sides write alike in one of the other answers (lost only
 * sometimes: a second reason) stays its own row, and so do a cut body and a
 * member seen outside the group's answers.
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
  readonly cut?: boolean;
}

/** The run's rows once clustered: summary → its cases. */
function rows(answers: readonly Answer[]): Map<string, string[]> {
  const judged = answers.map(({ caseId, endpoint, baseline, candidate, cut }) => {
    const changes = diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] });
    return {
      caseId,
      endpoint,
      changes,
      findings: structureFindings(endpoint, changes),
      bodies: { baseline, candidate, ...(cut === true ? { cut: {} } : {}) },
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
  readonly object: string;
  /** The members the full side writes in every answer. */
  readonly always: Record<string, unknown>;
  /** The member it writes in some answers only. */
  readonly sometimes: readonly [string, unknown];
  /** Which side writes them. */
  readonly full: 'baseline' | 'candidate';
  /** What the other side keeps of the object. */
  readonly kept: Record<string, unknown>;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a message’s headers map loses the headers parsed into fields',
    object: 'headers',
    always: { from: 'a@x', to: 'b@x', date: 'Tue' },
    sometimes: ['cc', 'c@x'],
    full: 'baseline',
    kept: { subject: 'hi' },
  },
  {
    name: 'a profile’s links gain one per account the person has',
    object: 'links',
    always: { self: '/p/1', avatar: '/a/1' },
    sometimes: ['github', 'gh/1'],
    full: 'candidate',
    kept: { home: '/' },
  },
];

describe.each(FIXTURES)('a member one side never writes: $name', (f) => {
  const [name, value] = f.sometimes;
  const record = (id: number, withIt: boolean, full: boolean) => ({
    id,
    [f.object]: {
      ...f.kept,
      ...(full ? f.always : {}),
      ...(withIt && full ? { [name]: value } : {}),
    },
  });
  const answer = (caseId: string, endpoint: string, withIt: boolean, list: boolean): Answer => {
    const side = (full: boolean) => (list ? [record(1, withIt, full)] : record(1, withIt, full));
    return {
      caseId,
      endpoint,
      baseline: side(f.full === 'baseline'),
      candidate: side(f.full === 'candidate'),
    };
  };
  const answers = [
    answer('c/1', 'GET /v4/items', true, true),
    answer('c/2', 'GET /v4/items/:id', true, false),
    answer('c/3', 'GET /v4/items', false, true),
  ];
  const verb = f.full === 'baseline' ? 'lacks' : 'adds';

  it('joins the object’s row where the other answers had none to lose', () => {
    const found = rows(answers);
    expect([...found.entries()]).toEqual([
      [expect.stringContaining(`candidate ${verb} \`/${f.object}/`), ['c/1', 'c/2', 'c/3']],
    ]);
    expect([...found.keys()][0]).toContain(`/${f.object}/${name}`);
  });

  it('stays its own row where both sides wrote it alike in another answer', () => {
    const alike = answer('c/3', 'GET /v4/items', false, true);
    const written = (body: unknown) =>
      (body as { [k: string]: Record<string, unknown> }[]).map((r) => ({
        ...r,
        [f.object]: { ...r[f.object], [name]: value },
      }));
    const found = rows([
      ...answers.slice(0, 2),
      { ...alike, baseline: written(alike.baseline), candidate: written(alike.candidate) },
    ]);
    expect(found.size).toBe(2);
    expect(found.get(`/v4/items: candidate ${verb} \`/${f.object}/${name}\``)).toEqual([
      'c/1',
      'c/2',
    ]);
  });

  it('keeps a member lost in exactly its answers, but written alike elsewhere, apart with it', () => {
    const note = (body: unknown, full: boolean, always: boolean) => {
      const add = (r: Record<string, Record<string, unknown>>) => ({
        ...r,
        [f.object]: { ...r[f.object], ...(full || always ? { note: 'n' } : {}) },
      });
      return Array.isArray(body)
        ? body.map(add)
        : add(body as Record<string, Record<string, unknown>>);
    };
    const found = rows(
      answers.map((a) => {
        // The side that writes the object in full writes `note` everywhere; the other
        // side writes it in the answer without the optional member only.
        const always = a.caseId === 'c/3';
        return {
          ...a,
          baseline: note(a.baseline, f.full === 'baseline', always),
          candidate: note(a.candidate, f.full === 'candidate', always),
        };
      }),
    );
    expect(found.size).toBe(2);
    expect([...found.values()].sort((a, b) => b.length - a.length)).toEqual([
      ['c/1', 'c/2', 'c/3'],
      ['c/1', 'c/2'],
    ]);
  });

  it('stays its own row where the other answer’s body was cut', () => {
    const found = rows([...answers.slice(0, 2), { ...answers[2], cut: true } as Answer]);
    expect(found.size).toBe(2);
  });
});
