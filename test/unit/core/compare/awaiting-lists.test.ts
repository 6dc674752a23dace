/**
 * A list awaiting evidence for its order (the same elements in another
 * order, sorted by keys each side drew) is one finding, the list's
 * `array-order` at its field, whatever members its elements hold: every
 * change under it is the list's. The rows an earlier keying gave its
 * members (one per place) are the ones that finding takes over. Two
 * fixtures, with other names for the list and its members.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';

/** No array keys, no tolerance: lists compared as the judge compares them without rules. */
const NO_RULES = { arrayKeys: [], tolerance: [] };

const FIXTURES = [
  {
    name: 'orders found without their ids',
    list: 'docs',
    baseline: [
      { item: 'coffee', qty: 2 },
      { item: 'cocoa', qty: 3 },
      { item: 'tea', qty: 1 },
    ],
    candidate: [
      { item: 'tea', qty: 1 },
      { item: 'cocoa', qty: 3 },
      { item: 'coffee', qty: 2 },
    ],
    beside: { path: '/warning', op: 'value', baseline: 'no index', candidate: 'No index.' },
  },
  {
    name: 'books listed without their keys',
    list: 'entries',
    baseline: [
      { title: 'Dune', year: 1965, shelf: 'b' },
      { title: 'Emma', year: 1815, shelf: 'a' },
    ],
    candidate: [
      { title: 'Emma', year: 1815, shelf: 'a' },
      { title: 'Dune', year: 1965, shelf: 'b' },
    ],
    beside: { path: '/total', op: 'value', baseline: 2, candidate: 3 },
  },
] as const;

describe('a list awaiting evidence for its order', () => {
  for (const fixture of FIXTURES) {
    const listChanges = diffJson(
      { [fixture.list]: fixture.baseline },
      { [fixture.list]: fixture.candidate },
      NO_RULES,
    );
    const changes: Change[] = [...listChanges, fixture.beside];
    const endpoint = `POST /shop/_${fixture.list}`;
    const comparison = {
      status: { equal: true, baseline: 200, candidate: 200 },
      headers: [],
      body: changes,
    };

    it(`is one array-order finding, whatever its elements hold (${fixture.name})`, () => {
      // Compared by index, each member of each element differs: one finding per place before.
      const members = new Set(listChanges.map((change) => change.path.split('/').at(-1)));
      expect(members.size).toBeGreaterThan(1);
      expect(findingsOf({ endpoint, comparison }).length).toBeGreaterThan(2);
      const found = findingsOf({ endpoint, comparison, awaitingLists: [`/${fixture.list}`] });
      const order = found.filter((f) => f.cause.type === 'pattern');
      expect(order.map((f) => f.summary)).toEqual([`array order at \`${fixture.list}\``]);
      expect(order[0]?.paths).toEqual(listChanges.map((change) => change.path));
      // A change beside the list keeps its own finding.
      const others = found.filter((f) => f.cause.type !== 'pattern');
      expect(others.flatMap((f) => f.paths)).toEqual([fixture.beside.path]);
    });

    it(`takes over the rows its members had, one per place (${fixture.name})`, () => {
      const before = findingsOf({ endpoint, comparison })
        .filter((f) => f.paths.every((path) => path.startsWith(`/${fixture.list}/`)))
        .map((f) => f.fingerprint);
      const found = findingsOf({ endpoint, comparison, awaitingLists: [`/${fixture.list}`] });
      const order = found.find((f) => f.cause.type === 'pattern');
      const earlier = earlierKeys({
        endpoint,
        findings: found,
        changes,
        headerChanges: [],
        notMembers: new Set(),
      });
      expect(earlier.get(order?.fingerprint ?? '')).toEqual(expect.arrayContaining(before));
      // The change beside the list takes over nothing.
      const beside = found.find((f) => f.cause.type !== 'pattern');
      expect(earlier.get(beside?.fingerprint ?? '') ?? []).not.toEqual(
        expect.arrayContaining(before),
      );
    });
  }

  it('a list at the body itself is one finding too', () => {
    const body = diffJson(
      [
        { label: 'a', n: 1 },
        { label: 'b', n: 2 },
      ],
      [
        { label: 'b', n: 2 },
        { label: 'a', n: 1 },
      ],
      NO_RULES,
    );
    const comparison = {
      status: { equal: true, baseline: 200, candidate: 200 },
      headers: [],
      body,
    };
    const found = findingsOf({ endpoint: 'GET /labels', comparison, awaitingLists: ['/'] });
    expect(found.map((f) => f.summary)).toEqual(['array order of the body']);
  });
});
