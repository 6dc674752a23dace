/**
 * A name each side derives from a value the request sent and ends with a
 * tail it draws (tracker rule 50b): the slug of the sent name, one
 * separator, tails of one drawn form. Kept apart: a tail on one side only,
 * another slug, a head no request sent, tails of two lengths, digits alone.
 */
import { describe, expect, it } from 'vitest';
import { drawnTail, slugOf } from '../../../../src/core/normalise/drawn-tails.js';

describe('names with a drawn tail', () => {
  it('slugs a sent name: lower case, marks dropped, runs of other characters as one separator', () => {
    expect(slugOf('Storefront', '-')).toBe('storefront');
    expect(slugOf('  Café Royal! ', '-')).toBe('cafe-royal');
    expect(slugOf('Night Owls', '_')).toBe('night_owls');
  });

  it('finds the slug of a sent name with tails of one drawn form', () => {
    expect(drawnTail('storefront-k', 'storefront-a', ['Storefront'])).toEqual({
      head: 'storefront',
      sep: '-',
    });
    expect(drawnTail('night_owls_x7', 'night_owls_q3', ['x', 'Night Owls'])).toEqual({
      head: 'night_owls',
      sep: '_',
    });
    expect(drawnTail('cafe-royal-QX', 'cafe-royal-BZ', ['Café Royal'])).toEqual({
      head: 'cafe-royal',
      sep: '-',
    });
  });

  it('keeps apart what is no drawn tail', () => {
    const sent = ['Storefront', 'Store Front'];
    expect(drawnTail('storefront', 'storefront-k', sent)).toBeUndefined();
    expect(drawnTail('store-front-k', 'storefront-a', sent)).toBeUndefined();
    expect(drawnTail('storefront-k', 'storefront-a', ['Bakery'])).toBeUndefined();
    expect(drawnTail('storefront-k', 'storefront-ab', sent)).toBeUndefined();
    expect(drawnTail('storefront-2', 'storefront-3', sent)).toBeUndefined();
    expect(drawnTail('storefront-k', 'storefront-A', sent)).toBeUndefined();
    expect(drawnTail('storefront-k7', 'storefront-2', sent)).toBeUndefined();
    expect(drawnTail('storefront-K', 'storefront-2b', sent)).toBeUndefined();
    // A value the request sent as it stands is data.
    expect(drawnTail('storefront-k', 'storefront-a', [...sent, 'storefront-k'])).toBeUndefined();
  });

  it('leaves a digit tail against a letter one of one length and case unsettled (a drawn character, or a counter)', () => {
    const sent = ['Storefront', 'Blue Team'];
    expect(drawnTail('storefront-6', 'storefront-b', sent)).toEqual({
      head: 'storefront',
      sep: '-',
      unsettled: true,
    });
    expect(drawnTail('blue_team_ab', 'blue_team_42', sent)).toEqual({
      head: 'blue_team',
      sep: '_',
      unsettled: true,
    });
    expect(drawnTail('storefront-k', 'storefront-a', sent)?.unsettled).toBeUndefined();
    expect(drawnTail('storefront-6b', 'storefront-BQ', sent)).toBeUndefined();
  });
});
