import { describe, expect, it } from 'vitest';
import type { Response, SideOutcome } from '../../../../src/contract/model/exchange.js';
import {
  collapsePath,
  isIdKey,
  isMapLike,
  mapContainers,
} from '../../../../src/core/compare/map-like.js';
import { learnCase } from '../../../../src/judge/noise/learn.js';
import { makeCase } from '../../../helpers/case.js';

function side(value: unknown, status = 200, headers: Record<string, string> = {}): SideOutcome {
  const response: Response = {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: { kind: 'json', value },
    wireBytes: 0,
    durationMs: 1,
  };
  return { outcome: 'response', response };
}

const rules = makeCase('x', { path: '/x' }).rules;
const uuid = (n: number) => `${String(n).repeat(8)}-1111-2222-3333-444444444444`;

describe('map-like objects', () => {
  it('recognises id keys and large objects', () => {
    expect(isIdKey('42')).toBe(true);
    expect(isIdKey(uuid(1))).toBe(true);
    expect(isIdKey('usr_8f2k1m9q')).toBe(true);
    expect(isIdKey('name')).toBe(false);
    expect(isMapLike({ [uuid(1)]: 1, [uuid(2)]: 2 })).toBe(true);
    expect(isMapLike({ name: 1, id: 2 })).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`user${i}x`, i]));
    expect(isMapLike(many)).toBe(true);
    expect(isMapLike(Object.fromEntries(Object.entries(many).slice(0, 50)))).toBe(false);
  });

  it('collapses map keys and indices in paths', () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`alice${i}`, { n: i }]));
    const containers = mapContainers({ byName: many, list: [{ byName: many }] });
    expect([...containers].sort()).toEqual(['/byName', '/list/*/byName']);
    expect(collapsePath('/byName/alice3/n', containers)).toBe('/byName/*/n');
    expect(collapsePath(`/users/${uuid(3)}/tags/2`)).toBe('/users/*/tags/*');
    expect(collapsePath('/meta/name')).toBe('/meta/name');
  });
});

describe('learnCase', () => {
  it('turns value differences into noise findings with samples', () => {
    const noise = learnCase(
      rules,
      side({ id: 1, ts: 'a', meta: { rid: 'x' } }),
      side({ id: 1, ts: 'b', meta: { rid: 'y' } }),
    );
    expect(noise.flaky).toBeUndefined();
    expect(noise.findings.map((f) => `${f.kind} ${f.pattern}`)).toEqual([
      'value /meta/rid',
      'value /ts',
    ]);
    expect(noise.findings[1]?.sample).toEqual({ baseline: 'a', replica: 'b' });
  });

  it('learns shuffled arrays as order noise, not value noise', () => {
    const noise = learnCase(
      rules,
      side({ tags: ['a', 'b', 'c'], items: [{ id: 1 }, { id: 2 }] }),
      side({ tags: ['c', 'a', 'b'], items: [{ id: 2 }, { id: 1 }] }),
    );
    expect(noise.findings.map((f) => `${f.kind} ${f.pattern}`).sort()).toEqual([
      'order /items',
      'order /tags',
    ]);
  });

  it('learns map keys that change between calls as one collapsed path', () => {
    const noise = learnCase(
      rules,
      side({ sessions: { [uuid(1)]: { on: true } } }),
      side({ sessions: { [uuid(2)]: { on: true } } }),
    );
    expect(noise.flaky).toBeUndefined();
    expect(noise.findings.map((f) => f.pattern)).toEqual(['/sessions/*']);
  });

  it('reports a key present once as a flaky baseline, keeping value noise', () => {
    const noise = learnCase(rules, side({ ts: 1, debug: true }), side({ ts: 2 }));
    expect(noise.flaky?.differences).toEqual(['- /debug boolean']);
    expect(noise.findings.map((f) => f.pattern)).toEqual(['/ts']);
  });

  it('reports a type change and a status change as flaky', () => {
    expect(learnCase(rules, side({ a: 1 }), side({ a: '1' })).flaky?.differences).toEqual([
      '- /a number',
      '+ /a string',
    ]);
    expect(learnCase(rules, side({}), side({}, 500)).flaky?.reason).toBe(
      'the baseline answered 200, then 500',
    );
  });

  it('learns varying allow-listed headers; volatile ones are masked before learning', () => {
    const withEtag = makeCase('h', { path: '/h' }, { headers: ['etag'] }).rules;
    const noise = learnCase(
      withEtag,
      side({}, 200, { etag: '"1"' }),
      side({}, 200, { etag: '"2"' }),
    );
    expect(noise.findings.map((f) => `${f.kind} ${f.pattern}`)).toEqual(['header etag']);
  });

  it('reports an element of a list on one call only as flaky, never as noise (noise masks values, not shape)', () => {
    const noise = learnCase(
      rules,
      side({ ts: 1, items: [{ id: 1, n: 'a' }] }),
      side({
        ts: 2,
        items: [
          { id: 1, n: 'a' },
          { id: 7, n: 'b' },
        ],
      }),
    );
    expect(noise.flaky).toEqual({
      reason: 'a list held an element on one baseline call only',
      differences: ['+ /items/1'],
    });
    expect(noise.findings.map((f) => `${f.kind} ${f.pattern}`)).toEqual(['value /ts']);
  });

  it('learns nothing from identical answers', () => {
    expect(learnCase(rules, side({ a: [1, 2] }), side({ a: [1, 2] })).findings).toEqual([]);
  });
});
