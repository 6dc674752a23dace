/**
 * Issue 43, items 1 and 2: the pure clustering of structural changes over a
 * run's answers. Each class is planted twice, with other member names, so no
 * rule is tuned to one pair.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, SkeletonChange } from '../../../../src/contract/root-cause.js';
import { type ClusterAnswer, clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { ANY_ENDPOINT, causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { clusteredRows } from '../../../helpers/clustered-rows.js';

const lacks = (path: string): SkeletonChange => ({
  op: 'removed',
  path,
  baseline: 'string',
  candidate: '-',
});
const retypes = (path: string): SkeletonChange => ({
  op: 'type',
  path,
  baseline: 'string',
  candidate: 'number',
});
const differs = (path: string): SkeletonChange => ({
  op: 'value',
  path,
  baseline: 'number',
  candidate: 'number',
});

/** One answer: its findings as `findings.ts` makes them (keyed by the endpoint's resource). */
function answer(caseId: string, endpoint: string, changes: readonly SkeletonChange[]) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/:\w+$/, '');
  const findings = changes.map((change) =>
    findingOf({ type: 'structure', endpoint: resource, change }, [change.path]),
  );
  return { caseId, endpoint, findings } satisfies ClusterAnswer;
}

/** Every row the answers make once clustered: fingerprint → summary. */
function rows(answers: readonly ReturnType<typeof answer>[]): Map<string, string> {
  return new Map([...clusteredRows(answers)].map(([key, f]) => [key, f.summary]));
}

describe.each([
  ['meta', ['version', 'build', 'region'], ['users', 'orders', 'invoices']],
  ['envelope', ['traceId', 'server', 'apiLevel'], ['books', 'shelves', 'loans']],
])('with an object `%s` holding %j on %j', (object, members, resources) => {
  const [a = '', b = '', c = ''] = members.map((m) => `/${object}/${m}`);
  const endpoints = resources.map((r) => `GET /${r}`);

  it('makes a change that recurs across endpoints one cause keyed by the change alone', () => {
    const found = rows(endpoints.map((e, n) => answer(`s/${n}`, e, [lacks(a)])));
    expect([...found.values()]).toEqual([`candidate lacks \`${a}\``]);
    const [fingerprint] = found.keys();
    expect(fingerprint).toBe(
      causeFingerprint({ type: 'structure', endpoint: ANY_ENDPOINT, change: lacks(a) }),
    );
  });

  it("keeps a change seen on one endpoint that endpoint's row (its fingerprint as before)", () => {
    const [first = ''] = endpoints;
    const found = rows([answer('s/1', first, [lacks(a)]), answer('s/2', first, [lacks(a)])]);
    expect([...found.values()]).toEqual([`/${resources[0]}: candidate lacks \`${a}\``]);
  });

  it('makes three members lacking in exactly the same answers one cause', () => {
    const found = rows(
      endpoints.map((e, n) => answer(`s/${n}`, e, [lacks(a), lacks(b), lacks(c)])),
    );
    expect(found.size).toBe(1);
    const [summary = ''] = found.values();
    for (const path of [a, b, c]) expect(summary).toContain(`\`${path}\``);
  });

  it('keeps two causes that share an object and a member path two rows', () => {
    // One reason: the first two endpoints lack two members. Another: the third retypes one of them.
    const [e1 = '', e2 = '', e3 = ''] = endpoints;
    const found = rows([
      answer('s/1', e1, [lacks(a), lacks(b)]),
      answer('s/2', e2, [lacks(a), lacks(b)]),
      answer('s/3', e3, [retypes(a), retypes(c)]),
      answer('s/4', e3, [retypes(a), retypes(c)]),
    ]);
    expect(found.size).toBe(2);
  });

  it('keeps a member that also shows in other answers apart from those it travels with elsewhere', () => {
    const [e1 = '', e2 = '', e3 = ''] = endpoints;
    const found = rows([
      answer('s/1', e1, [lacks(a), lacks(b)]),
      answer('s/2', e2, [lacks(a), lacks(b)]),
      answer('s/3', e3, [lacks(b)]),
    ]);
    // `a` in two answers, `b` in three: not the same set, so two causes.
    expect(found.size).toBe(2);
  });

  it("makes members one answer alone adds or lacks in one object that object's one cause", () => {
    const [e1 = ''] = endpoints;
    const once = rows([answer('s/1', e1, [lacks(a), lacks(b), lacks(c)])]);
    expect(once.size).toBe(1);
    const [summary = ''] = once.values();
    expect(summary).toMatch(new RegExp(`^/${resources[0]}: candidate lacks `));
    for (const path of [a, b, c]) expect(summary).toContain(`\`${path}\``);
  });

  it('keeps apart a member of one answer that another answer shows on its own', () => {
    const [e1 = '', e2 = ''] = endpoints;
    // `c` is evident elsewhere (another answer lacks it alone): another change.
    const found = rows([
      answer('s/1', e1, [lacks(a), lacks(b), lacks(c)]),
      answer('s/2', e2, [lacks(c)]),
    ]);
    expect(found.size).toBe(2);
  });

  it('never clusters retyped members of one answer alone, nor values, nor members of other objects', () => {
    const [e1 = ''] = endpoints;
    expect(rows([answer('s/1', e1, [retypes(a), retypes(b)])]).size).toBe(2);
    const twice = [
      answer('s/1', e1, [differs(a), differs(b)]),
      answer('s/2', e1, [differs(a), differs(b)]),
    ];
    expect(rows(twice).size).toBe(2);
    const apart = [
      answer('s/1', e1, [lacks(a), lacks(`/other/${members[1]}`)]),
      answer('s/2', e1, [lacks(a), lacks(`/other/${members[1]}`)]),
    ];
    expect(rows(apart).size).toBe(2);
  });

  it("keeps a cluster's fingerprint as it gains a member, and supersedes the rows its members had", () => {
    const two = rows(endpoints.map((e, n) => answer(`s/${n}`, e, [lacks(a), lacks(b)])));
    const three = rows(
      endpoints.map((e, n) => answer(`s/${n}`, e, [lacks(a), lacks(b), lacks(c)])),
    );
    const sorted = [a, b, c].sort();
    // The first member in key order names the cluster both times when it is among the two.
    if (sorted[0] !== c) expect([...three.keys()]).toEqual([...two.keys()]);
    const [first = ''] = endpoints;
    const answers = endpoints.map((e, n) => answer(`s/${n}`, e, [lacks(a), lacks(b)]));
    const clustered = clusteredFindings(first, answers[0]?.findings ?? [], clusterCauses(answers));
    const [finding] = clustered as Finding[];
    if (finding === undefined) throw new Error('no finding');
    const earlier = earlierKeys({
      endpoint: first,
      findings: [finding],
      changes: [],
      headerChanges: [],
      notMembers: new Set(),
    }).get(finding.fingerprint);
    // The per-resource rows of both members are superseded by the cluster's.
    for (const change of [lacks(a), lacks(b)]) {
      const own = causeFingerprint({ type: 'structure', endpoint: `/${resources[0]}`, change });
      expect(earlier).toContain(own);
    }
  });
});

describe('a cluster in words', () => {
  it.each([
    [['/meta/a', '/meta/b'], 'candidate lacks `/meta/a`, `/meta/b`'],
    [['/err/code', '/err/detail'], 'candidate lacks `/err/code`, `/err/detail`'],
  ])('lists the members one side lacks together (%j)', (paths, words) => {
    const [first = '', ...rest] = paths;
    const cause = {
      type: 'structure' as const,
      endpoint: ANY_ENDPOINT,
      change: lacks(first),
      together: rest.map(lacks),
    };
    expect(findingOf(cause, []).summary).toBe(words);
  });

  it('names how many more members a long cluster has, never cutting inside a code span', () => {
    const members = Array.from({ length: 12 }, (_, n) => lacks(`/envelope/member_number_${n}`));
    const [first, ...rest] = members;
    if (first === undefined) throw new Error('no member');
    const cause = {
      type: 'structure' as const,
      endpoint: '/things',
      change: first,
      together: rest,
    };
    const { summary } = findingOf(cause, []);
    expect(summary.length).toBeLessThanOrEqual(120);
    expect(summary).toMatch(
      /^\/things: candidate lacks `\/envelope\/member_number_0`, .*` \(\+\d+ more\)$/,
    );
    expect(summary.split('`').length % 2).toBe(1);
  });
});
