import { describe, expect, it } from 'vitest';
import type { Captured } from '../../../../src/contract/model/case.js';
import type {
  Exchange,
  ResponseBody,
  SideOutcome,
} from '../../../../src/contract/model/exchange.js';
import { maskCaptured, maskExchange, replaceBounded } from '../../../../src/core/flow/mask.js';
import { makeCase } from '../../../helpers/case.js';

const answer = (body: ResponseBody, headers: Record<string, string> = {}): SideOutcome => ({
  outcome: 'response',
  response: { status: 200, headers, body, wireBytes: 0, durationMs: 1 },
});
const json = (value: unknown): ResponseBody => ({
  kind: 'json',
  value,
  text: JSON.stringify(value),
});
const vars = (entries: Record<string, unknown>) =>
  new Map<string, Captured>(
    Object.entries(entries).map(([k, v]) => [
      k,
      { value: v, text: typeof v === 'string' ? v : JSON.stringify(v) },
    ]),
  );
const bodyOf = (side: SideOutcome) =>
  side.outcome === 'response' ? side.response.body : undefined;

describe('masking captured values', () => {
  const variables = {
    baseline: vars({ id: 1, etag: '"r-1"' }),
    candidate: vars({ id: 1001, etag: '"g-1001"' }),
  };

  it("replaces both sides' own values of one variable at the same place, in bodies and headers", () => {
    const masked = maskCaptured(
      answer(json({ id: 1, href: '/items/1', count: 1, list: [{ id: 1 }] }), {
        etag: '"r-1"',
        location: '/items/1',
      }),
      answer(json({ id: 1001, href: '/items/1001', count: 1, list: [{ id: 1001 }] }), {
        etag: '"g-1001"',
        location: '/items/1001',
      }),
      variables,
    );
    const expected = { id: '{{id}}', href: '/items/{{id}}', count: 1, list: [{ id: '{{id}}' }] };
    expect(bodyOf(masked.baseline)).toEqual({ kind: 'json', value: expected });
    expect(bodyOf(masked.candidate)).toEqual({ kind: 'json', value: expected });
    expect(masked.masked).toEqual(['header etag', 'header location', '/id', '/href', '/list/0/id']);
  });

  it('leaves a value that only one side holds there, a type change, and a coincidental equal value', () => {
    const masked = maskCaptured(
      answer(json({ id: 1, owner: 1, small: 1 })),
      answer(json({ id: '1001', owner: 7, small: 1 })),
      variables,
    );
    expect(bodyOf(masked.baseline)).toEqual(json({ id: 1, owner: 1, small: 1 }));
    expect(masked.masked).toEqual([]);
  });

  it('returns the answers untouched when the variables agree or a side failed', () => {
    const same = { baseline: vars({ id: 5 }), candidate: vars({ id: 5 }) };
    const b = answer(json({ id: 5 }));
    expect(maskCaptured(b, answer(json({ id: 5 })), same).baseline).toBe(b);
    const failed: SideOutcome = {
      outcome: 'transport-error',
      error: { code: 'ECONNRESET', message: 'x' },
      durationMs: 1,
    };
    expect(maskCaptured(b, failed, variables).masked).toEqual([]);
  });

  it('masks text bodies where each holds its own value', () => {
    const masked = maskCaptured(
      answer({ kind: 'text', text: 'item 1 of 3 deleted' }),
      answer({ kind: 'text', text: 'item 1001 of 3 deleted' }),
      variables,
    );
    expect(bodyOf(masked.baseline)).toEqual({ kind: 'text', text: 'item {{id}} of 3 deleted' });
    expect(bodyOf(masked.candidate)).toEqual({ kind: 'text', text: 'item {{id}} of 3 deleted' });
  });

  it("masks an element one side lists more where the paired elements hold the variable, and only its own side's value", () => {
    const masked = maskCaptured(
      answer(json({ nodes: [{ n: 'a', z: 1 }] })),
      answer(
        json({
          nodes: [
            { n: 'x', z: 1001, at: '/items/1001' },
            { n: 'a', z: 1001 },
            { n: 'b', z: 1, other: 1001 },
          ],
        }),
      ),
      variables,
    );
    expect(bodyOf(masked.candidate)).toEqual({
      kind: 'json',
      value: {
        nodes: [
          { n: 'x', z: '{{id}}', at: '/items/1001' },
          { n: 'a', z: '{{id}}' },
          // The baseline's value is no candidate's own, and `other` was masked in no paired element.
          { n: 'b', z: 1, other: 1001 },
        ],
      },
    });
    expect(masked.masked).toEqual(['/nodes/0/z', '/nodes/1/z']);
  });
});

describe('masking against a recorded baseline', () => {
  it('masks a value inside a string when the baseline value is the placeholder itself', () => {
    // A recording keeps a secret capture as its placeholder: the recorded token is `{{token}}`.
    const masked = maskCaptured(
      answer(json({ echo: 'Bearer {{token}}' })),
      answer(json({ echo: 'Bearer tokB-0987654321' })),
      { baseline: vars({ token: '{{token}}' }), candidate: vars({ token: 'tokB-0987654321' }) },
    );
    expect(masked.masked).toEqual(['/echo']);
    expect(bodyOf(masked.candidate)).toMatchObject({ value: { echo: 'Bearer {{token}}' } });
  });
});

describe('replaceBounded', () => {
  it('replaces a value only where it is not part of a longer word', () => {
    expect(replaceBounded('/v1/items/1?page=10&id=1', '1', '#')).toBe('/v1/items/#?page=10&id=#');
    expect(replaceBounded('"etag" W/"etag"', '"etag"', '#')).toBe('# W/#');
    expect(replaceBounded('abc', '', '#')).toBe('abc');
  });
});

describe("masking a flow step's replica answer (--noise)", () => {
  it('masks the second run’s own values where the baseline was masked, and nowhere else', () => {
    const list = makeCase('s/list', { path: '/items' });
    const exchange: Exchange = {
      case: list,
      // The candidate sends no `location`: the baseline keeps its raw one there.
      baseline: answer(json([{ id: 'b-1', name: 'ada' }]), { location: '/items/b-1' }),
      candidate: answer(json([{ id: 'c-1', name: 'ada' }])),
      replica: answer(json([{ id: 'b-2', name: 'ada' }]), { location: '/items/b-2' }),
      flow: {
        requests: { baseline: list.request, candidate: list.request },
        variables: { baseline: vars({ id: 'b-1' }), candidate: vars({ id: 'c-1' }) },
        replicaVariables: vars({ id: 'b-2' }),
        problems: [],
      },
    };
    const masked = maskExchange(exchange);
    expect(bodyOf(masked.replica ?? masked.baseline)).toEqual({
      kind: 'json',
      value: [{ id: '{{id}}', name: 'ada' }],
    });
    expect(bodyOf(masked.baseline)).toEqual(bodyOf(masked.replica ?? masked.candidate));
    const headersOf = (side: SideOutcome | undefined) =>
      side?.outcome === 'response' ? side.response.headers : undefined;
    expect(headersOf(masked.baseline)?.['location']).toBe('/items/b-1');
    expect(headersOf(masked.replica)?.['location']).toBe('/items/b-2');
  });
});
