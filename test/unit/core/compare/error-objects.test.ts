/**
 * Rule 58 (`error-objects.ts`): one error object's changes in exactly the
 * same answers, two or more, both sides refused, are one cause keyed by the
 * object and its members; and the rows each change had on its own (the code
 * per resource, the member lacked, the message's constant wording) are the
 * rows that cause takes over (`earlier-keys.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { changeKey, membersOf } from '../../../../src/core/compare/change-keys.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { errorObjects } from '../../../../src/core/compare/error-objects.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { ANY_ENDPOINT, causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { divergentResult as result } from './fixtures.js';

interface Fixture {
  readonly extra: string;
  readonly calls: readonly (readonly [endpoint: string, code: number, message: string])[];
}

const FIXTURES: readonly Fixture[] = [
  {
    extra: 'data',
    calls: [
      ['POST / ledger.post', -32011, 'account is required'],
      ['POST / ledger.void', -32013, 'reason is required'],
    ],
  },
  {
    extra: 'details',
    calls: [
      ['POST / Depot.Reserve', 4101, 'shelf is required'],
      ['POST / Depot.Release', 4102, 'ticket is required'],
    ],
  },
];

/** One call's answer: one code, message and extra member on the baseline, the candidate's own. */
const answerOf = (f: Fixture, [endpoint, code, message]: Fixture['calls'][number], n: number) =>
  result(`rpc/call-${n}`, endpoint, [
    { path: '/error/code', op: 'value', baseline: -32602, candidate: code },
    { path: '/error/message', op: 'value', baseline: 'Invalid params', candidate: message },
    { path: `/error/${f.extra}`, op: 'removed', baseline: { type: 'TypeError', args: [] } },
  ]);

describe.each(FIXTURES)('rule 58 on `/error/$extra`', (f) => {
  const answers = f.calls.map((call, n) => answerOf(f, call, n));
  const refused = new Map(answers.map((a) => [a.caseId, '200 refusal']));

  it('joins the code, the message and the member of both answers under one cause', () => {
    const joined = errorObjects(answers, refused);
    const causes = new Set<RootCause>();
    for (const answer of answers) {
      const mine = joined.get(answer.caseId);
      const members = answer.findings.flatMap((one) => membersOf(one.cause));
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) {
        const cause = mine?.get(changeKey(member));
        expect(cause, changeKey(member)).toBeDefined();
        if (cause !== undefined) causes.add(cause);
      }
    }
    expect(causes.size).toBe(1);
    const [cause] = causes;
    expect(cause).toMatchObject({
      type: 'structure',
      endpoint: ANY_ENDPOINT,
      errorObject: '/error',
    });
    expect(
      membersOf(cause ?? answers[0]!.findings[0]!.cause)
        .map((c) => c.path)
        .sort(),
    ).toEqual(['/error/code', `/error/${f.extra}`, '/error/message']);
  });

  it('joins nothing in one answer alone, or where a side accepted', () => {
    const [first] = answers;
    expect(errorObjects([first!], refused).size).toBe(0);
    expect(errorObjects(answers, new Map([[first!.caseId, '200 refusal']])).size).toBe(0);
  });

  it('takes over the rows each change had on its own', () => {
    const joined = errorObjects(answers, refused);
    for (const answer of answers) {
      const [cause] = [...(joined.get(answer.caseId)?.values() ?? [])];
      if (cause === undefined) throw new Error('no rule-58 cause');
      const finding = findingOf(
        cause,
        answer.findings.flatMap((one) => one.paths),
      );
      const keys = earlierKeys({ ...answer, findings: [finding], notMembers: new Set() });
      const earlier = keys.get(finding.fingerprint) ?? [];
      // The code per resource and the member lacked: each answer's own findings.
      const resource = answer.endpoint.replace(/^POST /, '');
      const code = causeFingerprint({
        type: 'structure',
        endpoint: resource,
        change: { op: 'value', path: '/error/code', baseline: 'number', candidate: 'number' },
      });
      expect(earlier).toContain(code);
      const member = membersOf(cause).find((c) => c.path === `/error/${f.extra}`);
      expect(member).toBeDefined();
      if (member !== undefined) {
        expect(earlier).toContain(
          causeFingerprint({ type: 'structure', endpoint: ANY_ENDPOINT, change: member }),
        );
      }
      // The message as one side's constant wording (rule 8), across resources.
      const wording = causeFingerprint({
        type: 'structure',
        endpoint: ANY_ENDPOINT,
        change: {
          op: 'value',
          path: '/error/message',
          baseline: 'string',
          candidate: 'string',
          edit: 'baseline writes `Invalid params` wherever the candidate names the reason',
        },
      });
      expect(earlier).toContain(wording);
    }
  });
});
