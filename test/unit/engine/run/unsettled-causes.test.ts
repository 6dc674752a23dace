/**
 * Which root causes await evidence: every finding of theirs changed only
 * places without evidence, a place being a pointer or, for a list sorted by
 * keys each side drew, everything under it; and the words their new row gets.
 */
import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import {
  ownKeyCauses,
  reorderedCauses,
  unsettledCauses,
} from '../../../../src/engine/run/tracker-update.js';
import {
  awaitsDrawnOrder,
  OWN_KEYS_NOTE,
  REORDERED_NOTE,
  UNSETTLED_NOTE,
  unsettledNote,
} from '../../../../src/io/tracker/types.js';

const result = (
  caseId: string,
  findings: [fingerprint: string, paths: string[]][],
  places: { unsettled?: string[]; reordered?: string[] },
): AssessedObservation =>
  ({
    caseId,
    findings: findings.map(([fingerprint, paths]) => ({ fingerprint, paths })),
    ...places,
  }) as unknown as AssessedObservation;

describe('root causes awaiting evidence', () => {
  it('a list awaiting evidence holds every change under its pointer, and nothing beside it', () => {
    const results = [
      result(
        'flow/find',
        [
          ['order', ['/docs/0/n', '/docs/1/n']],
          ['sibling', ['/docsets/0']],
          ['warning', ['/warning']],
        ],
        { unsettled: ['/docs'], reordered: ['/docs (the same elements in another order; …)'] },
      ),
      result('plain/code', [['code', ['/code']]], { unsettled: ['/code'] }),
    ];
    expect([...unsettledCauses(results)].sort()).toEqual(['code', 'order']);
    expect([...reorderedCauses(results)]).toEqual(['order']);
  });

  it('a cause another case shows with evidence is settled', () => {
    const results = [
      result('a', [['order', ['/items/0']]], { unsettled: ['/items'], reordered: ['/items (…)'] }),
      result('b', [['order', ['/items/0']]], {}),
    ];
    expect(unsettledCauses(results).size).toBe(0);
    expect(reorderedCauses(results).size).toBe(0);
  });

  it('a root list holds every change of the body', () => {
    const results = [
      result('tags/list', [['order', ['/0', '/2']]], { unsettled: ['/'], reordered: ['/ (…)'] }),
    ];
    expect([...unsettledCauses(results)]).toEqual(['order']);
  });

  it('the row of a list says what would settle it in its own words', () => {
    expect(unsettledNote(undefined, true)).toBe(REORDERED_NOTE);
    expect(REORDERED_NOTE.startsWith('unsettled: the same elements in another order')).toBe(true);
    expect(unsettledNote()).toBe(UNSETTLED_NOTE);
  });

  for (const [name, list, key] of [
    ['documents by id', '/rows', 'id'],
    ['entries by key', '/entries', 'key'],
  ] as const) {
    it(`${name}: a list in each side's own keys' order, too few to settle, says so in its row`, () => {
      const ownKeys = `${list} (each side's list in the order of its own /*/${key} values; only 1 key(s) each side drew: …)`;
      const results = [
        result('db/all', [['mine', [`${list}/0`, `${list}/1`]]], {
          unsettled: [list],
          reordered: [ownKeys],
        }),
        result('flow/find', [['hidden', ['/docs/0/n']]], {
          unsettled: ['/docs'],
          reordered: ['/docs (the same elements in another order; …)'],
        }),
      ];
      expect([...ownKeyCauses(results)]).toEqual(['mine']);
      expect([...reorderedCauses(results)].sort()).toEqual(['hidden', 'mine']);
      expect(unsettledNote(undefined, 'own-keys')).toBe(OWN_KEYS_NOTE);
      // A drawn order like the other: never resolved by a run whose draws agree.
      expect(awaitsDrawnOrder({ status: 'awaiting', decision: OWN_KEYS_NOTE })).toBe(true);
    });
  }
});
