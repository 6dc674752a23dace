/**
 * Issue 43: one value transformation wherever it shows is one cause
 * (`value-transforms.ts`): every URL written absolute where the other side
 * writes its path, a constant prefix, a change of letter case, at members of
 * other names under other objects and endpoints. Planted twice with other
 * names; a place whose pairs are not all so related, another
 * transformation, and another prefix stay apart.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { transformOfPlace, transformsOf } from '../../../../src/core/compare/value-transforms.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

const differs = (path: string): SkeletonChange => ({
  op: 'value',
  path,
  baseline: 'string',
  candidate: 'string',
});

/** One answer: each place with its concrete values. */
function answer(caseId: string, endpoint: string, places: readonly [string, unknown, unknown][]) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/:\w+$/, '');
  const findings = places.map(([path]) =>
    findingOf({ type: 'structure', endpoint: resource, change: differs(path) }, [path]),
  );
  const changes = places.map(([path, baseline, candidate]) => ({
    op: 'value',
    path,
    baseline,
    candidate,
  }));
  return { caseId, endpoint, findings, changes } satisfies ClusterAnswer;
}

const rows = clusteredSummaries;

describe('transformsOf', () => {
  it('names an absolute URL against its path on either side, never by its authority', () => {
    expect(transformsOf('/docs/a.txt', 'http://127.0.0.1:8080/docs/a.txt')[0]).toBe(
      'absolute candidate',
    );
    expect(transformsOf('https://api.example.test/v1/users/7', '/v1/users/7')[0]).toBe(
      'absolute baseline',
    );
    expect(transformsOf('/a/b', '{{origin}}/a/b')[0]).toBe('absolute candidate');
    expect(transformsOf('/docs/a.txt', 'http://h/docs/b.txt')).toEqual([]);
  });

  it('names a constant prefix or suffix with its text, a change of case, and nothing for digits', () => {
    expect(transformsOf('42', 'usr_42')).toEqual(['prefix candidate usr_']);
    expect(transformsOf('/docs/', '/docs')).toEqual(['suffix baseline /']);
    expect(transformsOf('active', 'ACTIVE')).toEqual(['case lower upper']);
    expect(transformsOf('5', '15')).toEqual([]);
    expect(transformsOf('x', `${'secret-looking-token-'.repeat(2)}x`)).toEqual([]);
    expect(transformsOf(5, 'x5')).toEqual([]);
  });

  it('keeps for a place only what every pair satisfies', () => {
    const pair = (b: string, c: string) => JSON.stringify([b, c]);
    expect(transformOfPlace([pair('/a', 'http://h:1/a'), pair('/b/c', 'http://h:1/b/c')])).toBe(
      'absolute candidate',
    );
    expect(transformOfPlace([pair('/a', 'http://h:1/a'), pair('/b', '/c')])).toBeUndefined();
  });
});

describe.each([
  {
    name: 'WebDAV-like hrefs',
    one: '/multistatus/response/href',
    two: '/prop/lockdiscovery/activelock/lockroot/href',
    other: '/prop/lockdiscovery/activelock/owner',
    from: (n: number) => `/files/${n}.txt`,
    to: (n: number) => `http://127.0.0.1:9001/files/${n}.txt`,
    prefixed: (n: number) => `/mnt/files/${n}.txt`,
  },
  {
    name: 'JSON links',
    one: '/_links/self',
    two: '/order/customer/url',
    other: '/order/customer/name',
    from: (n: number) => `/api/orders/${n}`,
    to: (n: number) => `https://shop.test/api/orders/${n}`,
    prefixed: (n: number) => `/mnt/api/orders/${n}`,
  },
])('$name', ({ one, two, other, from, to, prefixed }) => {
  it('is one row across members, objects and endpoints', () => {
    const found = rows([
      answer('c/1', 'GET /a', [[one, from(1), to(1)]]),
      answer('c/2', 'GET /b', [[one, from(2), to(2)]]),
      answer('c/3', 'LOCK /c', [[two, from(3), to(3)]]),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('candidate writes absolute URLs where baseline writes paths');
  });

  it('stays two rows for another transformation beside it, or a place whose pairs are data', () => {
    expect(
      rows([
        answer('c/1', 'GET /a', [[one, from(1), to(1)]]),
        answer('c/3', 'LOCK /c', [[two, from(3), prefixed(3)]]),
      ]),
    ).toHaveLength(2);
    // Real causes in the same answers: the URLs, and a value that is each resource's data
    // (one row per resource: nothing in its values says one change made them).
    expect(
      rows([
        answer('c/1', 'GET /a', [
          [one, from(1), to(1)],
          [other, 'ada', 'grace'],
        ]),
        answer('c/3', 'LOCK /c', [
          [two, from(3), to(3)],
          [other, 'linus', 'ken'],
        ]),
      ]),
    ).toHaveLength(3);
    // A place where one pair is another change joins no transformation; its pairs relate
    // in no way across its two resources, so each resource's is a row of its own.
    const apart = rows([
      answer('c/1', 'GET /a', [[one, from(1), to(1)]]),
      answer('c/2', 'GET /b', [[one, from(2), from(4)]]),
      answer('c/3', 'LOCK /c', [[two, from(3), to(3)]]),
    ]);
    expect(apart, apart.join('\n')).toHaveLength(3);
    expect(apart.filter((s) => s.includes('absolute URLs'))).toEqual([]);
  });

  it('keeps places apart that show one pair of values alone (a constant, not a transformation)', () => {
    expect(
      rows([
        answer('c/1', 'GET /a', [[one, from(1), to(1)]]),
        answer('c/3', 'LOCK /c', [[two, from(1), to(1)]]),
      ]),
    ).toHaveLength(2);
  });

  it('joins a change of letter case at two members, and keeps another prefix apart', () => {
    const field = (path: string, name: string) => path.replace(/[^/]+$/, name);
    expect(
      rows([
        answer('c/1', 'GET /a', [[field(one, 'status'), 'active', 'ACTIVE']]),
        answer('c/3', 'GET /c', [[field(two, 'kind'), 'closed', 'CLOSED']]),
      ]),
    ).toHaveLength(1);
    expect(
      rows([
        answer('c/1', 'GET /a', [[one, '7', 'usr_7']]),
        answer('c/3', 'GET /c', [[two, '8', 'grp_8']]),
      ]),
    ).toHaveLength(2);
  });
});
