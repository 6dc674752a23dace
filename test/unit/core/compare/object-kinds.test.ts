/**
 * Issue 43, rule 1: which places hold one object kind (`object-kinds.ts`),
 * read from the bodies of the answers whose changes sit there. Two sets of
 * names; the kept-apart cases: too few members, a body a preview cut, and
 * two objects of one name that share one member.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { structureFindings } from '../../../../src/core/compare/findings.js';
import { objectKinds } from '../../../../src/core/compare/object-kinds.js';

const removed = (path: string, baseline: unknown): Change => ({ op: 'removed', path, baseline });

/** Two answers: `whole` at `/<name>` and `down` at `/result/<name>`, each lacking `member` on the candidate. */
function kindsOf(name: string, member: string, whole: object, down: object, cut = false) {
  const slim = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== member));
  const top = { [name]: whole };
  const nested = { result: { [name]: down } };
  return objectKinds([
    {
      findings: structureFindings('GET /a', [removed(`/${name}/${member}`, 'x')]),
      bodies: { baseline: top, candidate: { [name]: slim(whole) } },
    },
    {
      findings: structureFindings('GET /b', [removed(`/result/${name}/${member}`, 'x')]),
      bodies: {
        baseline: cut ? { result: { [name]: { ...down, '…': '2 more members' } } } : nested,
        candidate: { result: { [name]: slim(down) } },
        ...(cut ? { cut: { baseline: true } } : {}),
      },
    },
  ]);
}

describe.each([
  { name: 'header', member: 'cluster', others: ['member', 'term'] },
  { name: 'owner', member: 'handle', others: ['givenName', 'familyName'] },
])('object kinds ($name)', ({ name, member, others }) => {
  const whole = Object.fromEntries([member, ...others].map((k) => [k, 'x']));

  it('joins the top and one level down when one side writes the same members', () => {
    const kinds = kindsOf(name, member, whole, whole);
    expect(kinds.get(`/result/${name}`)).toBe(`/${name}`);
    expect(kinds.get(`/${name}`)).toBe(`/${name}`);
  });

  it('keeps apart objects of fewer than three members', () => {
    const two = Object.fromEntries([member, others[0] ?? ''].map((k) => [k, 'x']));
    expect(kindsOf(name, member, two, two).size).toBe(0);
  });

  it('keeps apart an object a preview cut', () => {
    expect(kindsOf(name, member, whole, whole, true).size).toBe(0);
  });

  it('keeps apart two objects of one name that share one member', () => {
    const other = { [member]: 'x', shard: 'eu', zone: 'b' };
    expect(kindsOf(name, member, whole, other).size).toBe(0);
  });
});
