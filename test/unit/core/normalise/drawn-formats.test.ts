import { describe, expect, it } from 'vitest';
import type { Captured } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { maskCaptured } from '../../../../src/core/flow/mask.js';
import {
  createDrawnShows,
  drawnAs,
  drawnClassOf,
  drawnClassShown,
} from '../../../../src/core/normalise/drawn-formats.js';
import { makeCase } from '../../../helpers/case.js';

const answer = (value: unknown): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 200,
    headers: {},
    body: { kind: 'json', value, text: JSON.stringify(value) },
    wireBytes: 0,
    durationMs: 1,
  },
});
const vars = (entries: Record<string, string>) =>
  new Map<string, Captured>(Object.entries(entries).map(([k, v]) => [k, { value: v, text: v }]));
const bodyValue = (side: SideOutcome) =>
  side.outcome === 'response' && side.response.body.kind === 'json'
    ? side.response.body.value
    : undefined;

describe('format classes of drawn values', () => {
  it('reads a class from the value alone, lengths aside', () => {
    expect(drawnClassOf('8951364004266036766')).toBe('decimal');
    expect(drawnClassOf('91631f008c65e342')).toBe('hex');
    expect(drawnClassOf('91631f008c65e342ab')).toBe('hex');
    expect(drawnClassOf('5f1b2c3d4e5f6a7b8c9d0e1f')).toBe('hex');
    expect(drawnClassOf('3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe('uuid');
    expect(drawnClassOf('Xk3pQ9zR7mN2')).toBe('token');
  });

  it('gives no class to a word, a value with other marks, short hex, a number', () => {
    for (const value of ['disabled', 'r:91631f008c65', 'ab12', 42]) {
      expect(drawnClassOf(value), String(value)).toBeUndefined();
    }
  });

  it('reads the class back from its placeholder, and nothing else', () => {
    expect(drawnClassShown(drawnAs('lease', 'decimal'))).toBe('decimal');
    expect(drawnClassShown('{{lease}}')).toBeUndefined();
    expect(drawnClassShown('{{lease drawn as octal}}')).toBeUndefined();
  });
});

describe('captured values drawn in two classes', () => {
  const variables = {
    baseline: vars({ lease: '8951364004266036766', key: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }),
    candidate: vars({ lease: '91631f008c65e342', key: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }),
  };

  it('compares each as its class where the classes differ, as the placeholder where they agree', () => {
    const masked = maskCaptured(
      answer({ ID: '8951364004266036766', key: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }),
      answer({ ID: '91631f008c65e342', key: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }),
      variables,
    );
    expect(bodyValue(masked.baseline)).toEqual({
      ID: '{{lease drawn as decimal}}',
      key: '{{key}}',
    });
    expect(bodyValue(masked.candidate)).toEqual({ ID: '{{lease drawn as hex}}', key: '{{key}}' });
    expect(masked.drawn?.map((show) => show.place)).toEqual(['/ID', '/key']);
  });
});

describe("the run's shows of drawn values", () => {
  const exchange = (id: string, shows: [string, string, string][]): Exchange => ({
    case: { ...makeCase(id, { path: '/' }), id },
    baseline: answer({}),
    candidate: answer({}),
    flow: {
      requests: {
        baseline: makeCase(id, { path: '/' }).request,
        candidate: makeCase(id, { path: '/' }).request,
      },
      variables: { baseline: new Map(), candidate: new Map() },
      problems: [],
      drawn: shows.map(([place, baseline, candidate]) => ({ place, baseline, candidate })),
    },
  });
  const D = '8951364004266036766';
  const H = '91631f008c65e342';

  it('settles a member whose answers all show the same two classes, in two answers or more', () => {
    const shows = createDrawnShows();
    shows.add(exchange('t/grant', [['/ID', D, H]]));
    shows.add(exchange('t/list', [['/kvs/0/lease', D, H]]));
    expect(shows.settled('t/grant', '/ID')).toBe(true);
    // Shown once at its member, but its values show in two answers.
    expect(shows.settled('t/list', '/kvs/0/lease')).toBe(true);
  });

  it('settles nothing shown in one answer only, or a member that shows two pairs of classes', () => {
    const once = createDrawnShows();
    once.add(exchange('t/grant', [['/ID', D, H]]));
    expect(once.settled('t/grant', '/ID')).toBe(false);
    const two = createDrawnShows();
    two.add(exchange('t/grant', [['/ID', D, H]]));
    two.add(exchange('t/renew', [['/result/ID', D, H]]));
    two.add(exchange('t/other', [['/ID', 'a1b2c3d4e5f6a7b8', 'b1c2d3e4f5a6b7c8']]));
    expect(two.settled('t/grant', '/ID')).toBe(false);
  });
});
