/**
 * Issue 43: links to one resource wherever they sit (`resource-links.ts`).
 * A side that exposes a new resource links to it from the parent record and
 * from each element it lists: two members under other parents, in other
 * answers, one decision. Planted twice (HAL `_links` objects, plain `links`
 * strings), each with a link to another resource and another added member
 * in the same answers that stay rows of their own.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { structureFindings } from '../../../../src/core/compare/findings.js';
import { linkedResource } from '../../../../src/core/compare/resource-links.js';

interface Seen {
  readonly caseId: string;
  readonly endpoint: string;
  readonly changes: readonly Change[];
}

/** The run's rows once clustered: summaries, sorted. */
function rows(answers: readonly Seen[]): string[] {
  const judged = answers.map(({ caseId, endpoint, changes }) => ({
    caseId,
    endpoint,
    changes,
    findings: structureFindings(endpoint, changes, false),
  }));
  const clusters = clusterCauses(judged);
  const out = new Map<string, string>();
  for (const { caseId, endpoint, findings } of judged) {
    for (const f of clusteredFindings(endpoint, findings, clusters, caseId)) {
      out.set(f.fingerprint, f.summary);
    }
  }
  return [...out.values()].sort();
}

const added = (path: string, candidate: unknown): Change => ({ op: 'added', path, candidate });

describe('linkedResource', () => {
  it('names the one resource every string of a value links to, ids and origin elided', () => {
    expect(linkedResource({ href: '{{origin}}/orders/7/items' })).toBe('/orders/:id/items');
    expect(linkedResource({ self: { href: 'http://127.0.0.1:9/orders/7/items/2' } })).toBe(
      '/orders/:id/items',
    );
    expect(linkedResource('/boards/12/cards?page=2')).toBe('/boards/:id/cards');
  });

  it('names none for a value that holds text beside its links, or links to two resources', () => {
    expect(linkedResource({ href: '/orders/7/items', title: 'Items' })).toBe('');
    expect(linkedResource({ a: '/orders/7/items', b: '/customers/3' })).toBe('');
    expect(linkedResource({ count: 3 })).toBe('');
    expect(linkedResource('//cdn.example/x')).toBe('');
    expect(linkedResource('/')).toBe('');
    expect(linkedResource(`/orders/${'a'.repeat(3000)}`)).toBe('');
  });
});

describe.each([
  {
    name: 'HAL links',
    parent: 'orders',
    child: 'items',
    other: 'customer',
    extra: 'archived',
    onParent: (id: number) => ({ href: `{{origin}}/orders/${id}/items` }),
    onChild: (href: string) => ({ self: { href: `{{origin}}${href}` } }),
    at: { parent: '/_links/items', child: '_links', other: '/_links/customer' },
  },
  {
    name: 'plain link strings',
    parent: 'boards',
    child: 'cards',
    other: 'owner',
    extra: 'starred',
    onParent: (id: number) => `http://127.0.0.1:4000/boards/${id}/cards`,
    onChild: (href: string) => ({ self: href }),
    at: { parent: '/links/cards', child: 'links', other: '/links/owner' },
  },
])('links to one resource ($name)', ({ parent, child, extra, onParent, onChild, at }) => {
  // The path within the record: a parent's link read in a list, a child's link in its list
  // (in a read of one parent, its children's list stays inside the record: `/items/*\/_links`).
  const places = [`/${at.child}`, `/${child}/*/${at.child}`].sort();
  const row = `/${parent}: candidate links to \`/${parent}/:id/${child}\`, at \`${places[0]}\`, \`${at.parent}\``;
  const create: Seen = {
    caseId: 'flow/create',
    endpoint: `POST /${parent}`,
    changes: [
      added(at.parent, onParent(7)),
      added(`/${child}/0/${at.child}`, onChild(`/${parent}/7/${child}/0`)),
      added(`/${child}/1/${at.child}`, onChild(`/${parent}/7/${child}/1`)),
    ],
  };
  const read: Seen = {
    caseId: 'flow/read',
    endpoint: `GET /${parent}/:id`,
    changes: [
      added(at.parent, onParent(7)),
      added(`/${child}/0/${at.child}`, onChild(`/${parent}/7/${child}/0`)),
    ],
  };
  // A list of parents holds no child: the parent's link shows alone there.
  const list: Seen = {
    caseId: 'flow/list',
    endpoint: `GET /${parent}`,
    changes: [added(`/${parent}/0${at.parent}`, onParent(7))],
  };

  it('makes the parent link and each child link one row, in other answers and under other parents', () => {
    const found = rows([create, read, list]);
    expect(found).toEqual([row]);
  });

  it('keeps a link to another resource and a member added in the same answers rows of their own', () => {
    const planted = (seen: Seen): Seen => ({
      ...seen,
      changes: [
        ...seen.changes,
        added(at.other, { href: '/customers/3' }),
        added(`/${extra}`, false),
      ],
    });
    const found = rows([planted(create), planted(read), list]);
    expect(found).toHaveLength(3);
    expect(found).toContain(row);
    expect(found.some((row) => row.includes(at.other))).toBe(true);
  });

  it('keeps apart a place that links elsewhere in one answer', () => {
    const elsewhere: Seen = {
      caseId: 'flow/other',
      endpoint: `GET /${parent}/:id`,
      changes: [added(`/${child}/0/${at.child}`, onChild('/somewhere/9'))],
    };
    expect(rows([create, read, list, elsewhere])).toHaveLength(2);
  });
});
