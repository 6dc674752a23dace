import { describe, expect, it } from 'vitest';
import { renumberedList } from '../../../../src/core/normalise/renumbered-records.js';

const G = '{{generated}}';

describe('the same records numbered in another order on each side', () => {
  const grant = (seq: number, team: string, zone: string) => ({ seq, team, zone, by: 'boot' });

  it('pairs the moved records by content and masks their numbers on both sides', () => {
    const a = [grant(1, 'core', 'global'), grant(2, 'ops', 'eu'), grant(3, 'dev', 'us')];
    const b = [grant(1, 'core', 'global'), grant(2, 'dev', 'us'), grant(3, 'ops', 'eu')];
    const found = renumberedList(a, b);
    expect(found?.key).toBe('seq');
    expect(found?.moved).toEqual([1, 2]);
    expect(found?.baseline).toEqual([a[0], { ...a[1], seq: G }, { ...a[2], seq: G }]);
    expect(found?.candidate).toEqual([b[0], { ...b[2], seq: G }, { ...b[1], seq: G }]);
  });

  it('reads numbers written as digits, and id-like values by their format', () => {
    const ev = (id: string, kind: string, scope: string, uuid: string) => ({
      id,
      kind,
      scope,
      uuid,
    });
    const u1 = '0b6c7f3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
    const u2 = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
    const found = renumberedList(
      [ev('7', 'admin', '*', u1), ev('6', 'client', 'main', u1)],
      [ev('7', 'client', 'main', u2), ev('6', 'admin', '*', u2)],
    );
    expect(found?.moved).toEqual([0, 1]);
  });

  it('keeps lists that are not such lists', () => {
    const a = [grant(1, 'ops', 'eu'), grant(2, 'dev', 'us')];
    // A record changed beside the swap: no partner.
    expect(renumberedList(a, [grant(1, 'dev', 'us'), grant(2, 'ops', 'asia')])).toBeUndefined();
    // One value two records swap, the rest alike: data.
    expect(
      renumberedList(
        [grant(1, 'ops', 'eu'), grant(2, 'dev', 'us')],
        [grant(1, 'ops', 'us'), grant(2, 'dev', 'eu')],
      ),
    ).toBeUndefined();
    // Other numbers, or the numbers in other places.
    expect(renumberedList(a, [grant(1, 'dev', 'us'), grant(3, 'ops', 'eu')])).toBeUndefined();
    expect(renumberedList(a, [grant(2, 'dev', 'us'), grant(1, 'ops', 'eu')])).toBeUndefined();
    // A key of words: names are data.
    const named = (name: string, team: string, zone: string) => ({ name, team, zone });
    expect(
      renumberedList(
        [named('x', 'ops', 'eu'), named('y', 'dev', 'us')],
        [named('x', 'dev', 'us'), named('y', 'ops', 'eu')],
      ),
    ).toBeUndefined();
    // A number the request sent.
    expect(
      renumberedList(a, [grant(1, 'dev', 'us'), grant(2, 'ops', 'eu')], new Set(['2'])),
    ).toBeUndefined();
    // Alike already: nothing to pair.
    expect(renumberedList(a, a)).toBeUndefined();
  });
});
