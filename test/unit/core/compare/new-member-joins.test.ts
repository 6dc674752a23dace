/**
 * Issue 43 rules 1-2: where a new member (`new-members.ts`) travels
 * (`new-member-joins.ts`). With the members exactly its answers gain; never
 * with those of another answer set; with the same member added with a value
 * elsewhere, unless two groups could hold it. Planted twice with other names.
 */
import { describe, expect, it } from 'vitest';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';
import { answerOfBodies } from './fixtures.js';

const answer = answerOfBodies;

describe.each([
  { view: '/flags', gained: ['createdBy', 'owner'], empty: 'links', named: 'color', kept: 'note' },
  { view: '/courses', gained: ['author', 'editor'], empty: 'files', named: 'accent', kept: 'memo' },
])('new members beside $view', ({ view, gained, empty, named, kept }) => {
  const [one = '', two = ''] = gained;
  const base = { id: 1, [kept]: null, tags: [] };
  const read = (id: string, extra: Record<string, unknown>) =>
    answer(`read ${id}`, `GET ${view}/:id`, base, { ...base, [one]: 'x', [two]: 'y', ...extra });

  it('joins the members exactly its answers gain: one row', () => {
    const rows = clusteredSummaries([read('a', { [empty]: [] }), read('b', { [empty]: [] })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`/${empty}`);
  });

  it('supersedes the rows it had of its own in a tracker written before', () => {
    // The baseline writes a zero elsewhere (its encoder keeps zeros): `count: 0` is new too.
    const zeroed = { ...base, level: 0 };
    const gains = { ...zeroed, [one]: 'x', [two]: 'y', [empty]: [], count: 0 };
    const [a, b] = ['a', 'b'].map((id) => answer(`read ${id}`, `GET ${view}/:id`, zeroed, gains));
    if (a === undefined || b === undefined) throw new Error('two answers');
    const findings = clusteredFindings(a.endpoint, a.findings, clusterCauses([a, b]));
    expect(findings).toHaveLength(1);
    const changes = diffJson(zeroed, gains, { arrayKeys: [], tolerance: [] });
    const earlier = earlierKeys({
      ...a,
      changes,
      findings,
      headerChanges: [],
      notMembers: new Set(),
    });
    // Its `absent vs []` row, and its object's zero-valued members.
    const before = a.findings.filter((f) => !/ adds `\/[a-z]+`$/i.test(f.summary));
    expect(before.map((f) => f.summary)).toEqual([
      `absent vs [] at \`${empty}\``,
      `${view}: candidate adds zero-valued members to \`/\``,
    ]);
    expect(earlier.get(findings[0]?.fingerprint ?? '')).toEqual(
      expect.arrayContaining(before.map((f) => f.fingerprint)),
    );
  });

  it('supersedes its `absent vs []` row where the records sit in a list', () => {
    const zeroed = [{ ...base, level: 0 }];
    const gains = [{ ...base, level: 0, [one]: 'x', [two]: 'y', [empty]: [] }];
    const list = (id: string) => answer(`list ${id}`, `GET ${view}`, zeroed, gains);
    const [a, b] = [list('a'), list('b')];
    const findings = clusteredFindings(a.endpoint, a.findings, clusterCauses([a, b]));
    expect(findings).toHaveLength(1);
    const changes = diffJson(zeroed, gains, { arrayKeys: [], tolerance: [] });
    const earlier = earlierKeys({
      ...a,
      changes,
      findings,
      headerChanges: [],
      notMembers: new Set(),
    });
    const own = a.findings.find((f) => f.summary.startsWith('absent vs []'));
    expect(own?.summary).toContain(empty);
    expect(earlier.get(findings[0]?.fingerprint ?? '')).toContain(own?.fingerprint);
  });

  it('stays apart from the members of another answer set: two rows', () => {
    const rows = clusteredSummaries([read('a', { [empty]: [] }), read('b', {})]);
    expect(rows, JSON.stringify(rows)).toHaveLength(2);
    expect(rows.filter((row) => row.includes(`\`/${one}\``))).toHaveLength(1);
    expect(rows.filter((row) => row.includes(empty))).toHaveLength(1);
    expect(rows.find((row) => row.includes(empty))).not.toContain(one);
  });

  it('joins the same member added with a value on other answers, whatever its value', () => {
    const valued = (id: string) =>
      answer(`list ${id}`, `GET /${id}`, [base], [{ ...base, [named]: '#FFF' }]);
    const nulled = answer(
      'read one',
      `GET /kinds/:id`,
      { item: base },
      {
        item: { ...base, [named]: null },
      },
    );
    const rows = clusteredSummaries([valued('kinds'), valued('labels'), nulled]);
    expect(rows, JSON.stringify(rows)).toHaveLength(1);
    expect(rows[0]).toContain(named);
  });

  it('keeps its row where two groups add a member of its name', () => {
    // Each list's records gain the member inside an object of their own: two groups.
    const valued = (id: string, at: string) =>
      answer(
        `list ${id}`,
        `GET /${id}`,
        [{ ...base, [at]: { size: 1 } }],
        [{ ...base, [at]: { size: 1, [named]: '#FFF' } }],
      );
    const nulled = answer(
      'read one',
      `GET /kinds/:id`,
      { item: base },
      {
        item: { ...base, [named]: null },
      },
    );
    const rows = clusteredSummaries([
      valued('kinds', 'style'),
      valued('kinds2', 'style'),
      valued('labels', 'theme'),
      valued('labels2', 'theme'),
      nulled,
    ]);
    expect(rows.filter((row) => row.includes(`/style/${named}`))).toHaveLength(1);
    expect(rows.filter((row) => row.includes(`/theme/${named}`))).toHaveLength(1);
    expect(rows.filter((row) => row.includes(`null at \`${named}\``))).toHaveLength(1);
  });
});
