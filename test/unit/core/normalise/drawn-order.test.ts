/**
 * A list of the same elements in another order, sorted by keys each side
 * drew that the answer does not show: awaiting evidence where the sequence's
 * own writes drew ids and nothing the elements show explains the order; a
 * real change of sort (a visible member, a reversal) and a list whose
 * elements differ keep their rows. Two shapes: records of one member under
 * `docs` after a bulk write of UUIDs, and a root list of names after a create
 * answering drawn hex.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { createDrawnOrder } from '../../../../src/core/normalise/drawn-order.js';
import { maskGeneratedValues } from '../../../../src/core/normalise/generated.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown, status = 200): SideOutcome => ({
  outcome: 'response',
  response: { status, headers: {}, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});

function exchange(
  id: string,
  a: unknown,
  b: unknown,
  request: Partial<CaseRequest> & { path: string },
  more: { status?: number; serial?: string } = {},
): Exchange {
  const base = makeCase(id, request);
  return {
    case: { ...base, serial: more.serial ?? 'cases/seq.yaml' },
    baseline: side(a, more.status),
    candidate: side(b, more.status),
  };
}

const U1 = '3f2b8c1e-9d4a-4e6b-8c2d-1a0b9c8d7e6f';
const U2 = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const X1 = '65f0c2b07a1d4e9f0b3c2a18';
const X2 = '0d81be55aa7c4f21e3b9d604';
const R1 = '1-967a00dff5e02add41819138abb3284d';
const R2 = '1-7051cbe5c8faecd085a3fa619e6e6337';

/** A memory that saw `write` (masked as the run masks it) first. */
function memoryAfter(write: Exchange) {
  const memory = createDrawnOrder();
  memory.add(write, maskGeneratedValues(write));
  return memory;
}

const bulkWrite = (serial?: string) =>
  exchange(
    'bulk',
    [{ id: 'a' }, { id: U1 }],
    [{ id: 'a' }, { id: U2 }],
    { method: 'POST', path: '/items/_bulk', body: { kind: 'json', value: [{ id: 'a' }, {}] } },
    { status: 201, ...(serial === undefined ? {} : { serial }) },
  );

const createTag = () =>
  exchange(
    'create',
    { key: X1, name: 'teal' },
    { key: X2, name: 'teal' },
    { method: 'PUT', path: '/tags/teal' },
  );

describe('a list ordered by keys each side drew', () => {
  it('awaits evidence: records of one member after a bulk write of UUIDs', () => {
    const memory = memoryAfter(bulkWrite());
    const query = exchange(
      'find',
      { docs: [{ n: 3 }, { n: 1 }], note: 'x' },
      { docs: [{ n: 1 }, { n: 3 }], note: 'x' },
      { method: 'POST', path: '/items/_find' },
    );
    const out = memory.apply(query);
    expect(out.unsettled).toEqual(['/docs']);
    expect(out.reordered).toEqual([
      '/docs (the same elements in another order; t/bulk drew ids at /1/id earlier in this sequence, and 2 elements are too few for a member they show to tell a chosen sort from the draws)',
    ]);
    // Nothing is masked: the bodies stay as they were, the row awaits a replica.
    expect(out.baseline).toEqual(query.baseline);
  });

  it('awaits evidence: a root list of names after a create answering drawn hex', () => {
    const memory = memoryAfter(createTag());
    const list = exchange('list', ['teal', 'amber', 'rose'], ['rose', 'teal', 'amber'], {
      path: '/tags',
    });
    const out = memory.apply(list);
    expect(out.unsettled).toEqual(['/']);
    expect(out.reordered?.[0]).toContain('t/create drew ids at /key earlier in this sequence');
  });

  it('needs the sequence to have drawn ids: another sequence, a plain case, revisions only', () => {
    const find = (serial?: string) =>
      exchange(
        'find',
        { docs: [{ n: 3 }, { n: 1 }] },
        { docs: [{ n: 1 }, { n: 3 }] },
        { method: 'POST', path: '/items/_find' },
        serial === undefined ? {} : { serial },
      );
    const memory = memoryAfter(bulkWrite());
    expect(memory.apply(find('cases/other.yaml')).unsettled).toBeUndefined();
    const plain = find();
    const { serial: _, ...unsequenced } = plain.case;
    expect(memory.apply({ ...plain, case: unsequenced }).unsettled).toBeUndefined();
    // A write that answered only revisions: a version's name orders no list.
    const revisions = memoryAfter(
      exchange('rev', { rev: R1 }, { rev: R2 }, { method: 'PUT', path: '/items/a' }),
    );
    expect(revisions.apply(find()).unsettled).toBeUndefined();
    // A write one side refused drew nothing both sides show.
    const refused = exchange('bulk', [{ id: U1 }], [{ id: U2 }], { method: 'POST', path: '/x' });
    const onlyOne = createDrawnOrder();
    onlyOne.add(
      { ...refused, candidate: side({ error: 'no' }, 400) },
      maskGeneratedValues(refused),
    );
    expect(onlyOne.apply(find()).unsettled).toBeUndefined();
  });

  it('keeps a real change of sort in five elements or more: a visible member sorts one side, or the list is reversed', () => {
    const memory = memoryAfter(bulkWrite());
    // The candidate sorts by name; the baseline's order is no sort.
    const names = (list: readonly string[]) => ({ docs: list.map((name) => ({ name })) });
    const byName = exchange(
      'names',
      names(['teal', 'amber', 'rose', 'plum', 'jade']),
      names(['amber', 'jade', 'plum', 'rose', 'teal']),
      { path: '/items' },
    );
    expect(memory.apply(byName).unsettled).toBeUndefined();
    // A member the elements hold sorts the baseline's list (by n), the candidate's not.
    const ranks = (order: readonly number[]) =>
      order.map((n) => ({ n, c: ['v', 'x', 'z', 'y', 'w'][n - 1] }));
    const byRank = exchange('ranks', ranks([1, 2, 3, 4, 5]), ranks([2, 5, 3, 1, 4]), {
      path: '/ranks',
    });
    expect(memory.apply(byRank).unsettled).toBeUndefined();
    // Reversed, whatever the members: a reversed sort.
    const reversed = exchange(
      'reversed',
      ['teal', 'amber', 'rose', 'plum', 'jade'],
      ['jade', 'plum', 'rose', 'amber', 'teal'],
      { path: '/tags' },
    );
    expect(memory.apply(reversed).unsettled).toBeUndefined();
  });

  // Drawn keys sort three elements by a given member one run in three: one side's list
  // sorted by a member it shows proves no sort. Two shapes: orders' item and quantity
  // under `docs`, and a root list of tag names.
  for (const [name, a, b, path, at] of [
    [
      'orders (item, qty), the candidate happens to list them by item',
      {
        docs: [
          { item: 'coffee', qty: 1 },
          { item: 'cocoa', qty: 5 },
          { item: 'tea', qty: 2 },
        ],
      },
      {
        docs: [
          { item: 'cocoa', qty: 5 },
          { item: 'coffee', qty: 1 },
          { item: 'tea', qty: 2 },
        ],
      },
      '/orders/_find',
      '/docs',
    ],
    [
      'four tag names, the baseline happens to list them in name order',
      ['amber', 'plum', 'rose', 'teal'],
      ['rose', 'amber', 'teal', 'plum'],
      '/tags',
      '/',
    ],
  ] as const) {
    it(`awaits evidence below five elements: ${name}`, () => {
      const memory = memoryAfter(bulkWrite());
      const out = memory.apply(exchange('short', a, b, { method: 'POST', path }));
      expect(out.unsettled).toEqual([at]);
      const n = Array.isArray(a) ? a.length : 3;
      expect(out.reordered).toEqual([
        `${at} (the same elements in another order; t/bulk drew ids at /1/id earlier in this sequence, and ${n} elements are too few for a member they show to tell a chosen sort from the draws)`,
      ]);
    });
  }

  it('keeps a list whose elements differ, and looks inside lists that are not reordered', () => {
    const memory = memoryAfter(bulkWrite());
    const changed = exchange(
      'changed',
      { docs: [{ n: 3 }, { n: 1 }] },
      { docs: [{ n: 1 }, { n: 4 }] },
      { path: '/items' },
    );
    expect(memory.apply(changed).unsettled).toBeUndefined();
    const nested = exchange(
      'nested',
      { pages: [{ rows: ['k2', 'k9', 'k4'] }] },
      { pages: [{ rows: ['k4', 'k2', 'k9'] }] },
      { path: '/pages' },
    );
    expect(memory.apply(nested).unsettled).toEqual(['/pages/0/rows']);
  });

  it('keeps what was unsettled before, and the write itself is not judged by its own ids', () => {
    const memory = memoryAfter(bulkWrite());
    const write = bulkWrite();
    expect(memory.apply(write)).toBe(write);
    const query = {
      ...exchange('q', [{ n: 2 }, { n: 5 }], [{ n: 5 }, { n: 2 }], { path: '/q' }),
      unsettled: ['/code'],
    };
    expect(memory.apply(query).unsettled).toEqual(['/code', '/']);
  });
});

describe('a list whose elements show each side’s own keys (masked as its own)', () => {
  // The keys are in the answer: with five elements or more `own-key-order.ts` judged them,
  // and a list not in each side's order of its own keys is ordered by something else: a real
  // change, never awaiting. Below five, shown keys sort a list one way or the other by chance
  // as often as not: its order proves nothing, and it awaits evidence as one whose keys are not shown.
  for (const [name, list, key, data] of [
    ['records by id', 'docs', 'id', 'n'],
    ['tags by key', 'items', 'key', 'label'],
  ] as const) {
    const shown = (values: readonly number[]) => ({
      [list]: values.map((v) => ({ [key]: '{{generated}}', [data]: v })),
    });
    it(`${name}: the ids masked as {{generated}} in five elements keep the list's row`, () => {
      const memory = memoryAfter(bulkWrite());
      const out = memory.apply(
        exchange('find', shown([3, 1, 2, 5, 4]), shown([2, 3, 1, 4, 5]), {
          method: 'GET',
          path: '/items',
        }),
      );
      expect(out.unsettled).toBeUndefined();
      expect(out.reordered).toBeUndefined();
    });
    it(`${name}: the ids masked as {{generated}} in fewer than five elements: awaits`, () => {
      const memory = memoryAfter(bulkWrite());
      for (const [a, b] of [
        [
          [3, 1, 2],
          [2, 3, 1],
        ],
        [
          [7, 4],
          [4, 7],
        ],
      ] as const) {
        const out = memory.apply(
          exchange('find', shown(a), shown(b), { method: 'GET', path: '/items' }),
        );
        expect(out.unsettled).toEqual([`/${list}`]);
        expect(out.reordered?.[0]).toContain('too few for a member they show');
      }
    });
    it(`${name}: a revision masked in every element is no key: the order still awaits`, () => {
      const memory = memoryAfter(bulkWrite());
      const revs = (values: readonly number[]) => ({
        [list]: values.map((v) => ({ rev: '{{generated}}', [data]: v })),
      });
      const query = {
        ...exchange('find', revs([3, 1]), revs([1, 3]), { method: 'GET', path: '/items' }),
        generated: [0, 1].map(
          (i) => `/${list}/${i}/rev (revision 1-hex32 on both sides, in no request)`,
        ),
      };
      const out = memory.apply(query);
      expect(out.unsettled).toEqual([`/${list}`]);
    });
  }
});

describe('ids a flow captured from a write are drawn ids too (rule 50b)', () => {
  const step = (id: string, a: unknown, b: unknown, method: string, drawn?: readonly string[]) => {
    const base = exchange(id, a, b, { method, path: '/boards' }, { serial: 'cases/boards.yaml' });
    const request = base.case.request;
    return {
      ...base,
      flow: {
        requests: { baseline: request, candidate: request },
        variables: { baseline: new Map(), candidate: new Map() },
        problems: [],
        ...(drawn === undefined
          ? {}
          : {
              masked: ['/id'],
              drawn: [{ place: '/id', baseline: drawn[0] ?? '', candidate: drawn[1] ?? '' }],
            }),
      },
    } satisfies Exchange;
  };
  const list = () =>
    step(
      'list',
      [
        { name: 'a', id: '{{board}}' },
        { name: 'a', id: '{{board}}', n: 2 },
      ],
      [
        { name: 'a', id: '{{board}}', n: 2 },
        { name: 'a', id: '{{board}}' },
      ],
      'GET',
    );

  it('a list after a create whose captured id each side drew awaits evidence', () => {
    const memory = createDrawnOrder();
    const create = step('create', { id: '{{board}}' }, { id: '{{board}}' }, 'POST', [U1, U2]);
    memory.add(create, create);
    expect(memory.apply(list()).unsettled).toEqual(['/']);
  });

  it('kept apart: a captured value that is no drawn id, or the same on both sides', () => {
    for (const drawn of [
      ['blue', 'teal'],
      [U1, U1],
    ]) {
      const memory = createDrawnOrder();
      const create = step('create', { id: '{{board}}' }, { id: '{{board}}' }, 'POST', drawn);
      memory.add(create, create);
      expect(memory.apply(list()).unsettled).toBeUndefined();
    }
  });
});
