/**
 * Shrinking without a network: the predicate stands in for "still shows the
 * same root cause". fast-check's shrinking runs first, then the request's
 * reductions, to a request no reduction keeps reproducing; a request is never
 * tried twice; the replay limit is honoured.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../src/contract/observation.js';
import { inputStream } from '../../../../src/judge/fuzz/generate.js';
import { reductions } from '../../../../src/judge/fuzz/reduce.js';
import { bodyBytes, type FuzzRequest, requestKey } from '../../../../src/judge/fuzz/request.js';
import { carries } from '../../../../src/judge/fuzz/rule.js';
import { seedsOf } from '../../../../src/judge/fuzz/seeds.js';
import { type ShrinkInput, shrink } from '../../../../src/judge/fuzz/shrink.js';
import { makeCase } from '../../../helpers/case.js';

const seed = makeCase('notes', {
  method: 'POST',
  path: '/v1/notes',
  query: [['draft', 'true']],
  headers: [['content-type', 'application/json']],
  body: { kind: 'json', value: { text: 'hello world', tags: ['a', 'b'], meta: { n: 1 } } },
});

const RESULT = {} as Observation;
const seedRequest = seedsOf([seed])[0]?.request ?? (undefined as never);
const text = (r: FuzzRequest) => bodyBytes(r.body)?.toString('utf8') ?? '';

/** The first generated input whose mutation is `name`. */
function first(name: string) {
  const stream = inputStream(seedsOf([seed]), 3);
  for (let i = 0; i < 5000; i++) {
    const gen = stream.next();
    if (gen.value.value.mutation.name === name) return gen;
  }
  throw new Error(`no ${name}`);
}

describe('reductions', () => {
  it('are each one step smaller (or a number made 0), removals first', () => {
    const request = seedsOf([seed])[0]?.request;
    if (request === undefined) throw new Error('no seed');
    const all = [...reductions(request)];
    expect(all[0]?.headers).toEqual([]);
    expect(all[1]?.query).toEqual([]);
    expect(text(all[2] ?? request)).toBe('{"tags":["a","b"],"meta":{"n":1}}');
    const size = (r: FuzzRequest) =>
      text(r).length + JSON.stringify(r.query).length + JSON.stringify(r.headers).length;
    for (const smaller of all) expect(size(smaller)).toBeLessThanOrEqual(size(request));
    const keys = new Set(all.map(requestKey));
    expect(keys.size).toBe(all.length);
    expect(keys.has(requestKey(request))).toBe(false);
  });
});

/** Shrinks the first input made by `mutation` with the stand-in predicate `reproduces`. */
function shrinkFirst(
  mutation: string,
  limit: number,
  reproduces: ShrinkInput['reproduces'],
  admits: ShrinkInput['admits'] = () => true,
) {
  const gen = first(mutation);
  const { arbitrary, value } = gen;
  return shrink({ arbitrary, value, result: RESULT, limit, reproduces, admits });
}

describe('shrink', () => {
  it('shrinks trailing data to a minimal request that still has it', async () => {
    const tried: string[] = [];
    // "Diverges" while the body is a complete JSON object followed by something.
    const shrunk = await shrinkFirst('trailing-data', 500, async (request) => {
      tried.push(requestKey(request));
      const body = text(request);
      return /^\{.*\}.+$/s.test(body) && body.startsWith('{"text"') ? RESULT : undefined;
    });
    expect(text(shrunk.request)).toBe('{"text":""}x');
    expect(shrunk.request.query).toEqual([]);
    expect(shrunk.request.headers).toEqual([]);
    expect(shrunk.capped).toBe(false);
    expect(new Set(tried).size).toBe(tried.length);
    expect(shrunk.attempts).toBe(tried.length);
  });

  it('never sends what `admits` refuses, nor counts it as a replay', async () => {
    const sent: FuzzRequest[] = [];
    // Anything "diverges": only the rule check stops the shrinking.
    const shrunk = await shrinkFirst(
      'trailing-data',
      500,
      async (request) => {
        sent.push(request);
        return RESULT;
      },
      (request) => carries('trailing-data', seedRequest, request),
    );
    expect(sent.every((r) => carries('trailing-data', seedRequest, r))).toBe(true);
    expect(shrunk.attempts).toBe(sent.length);
    // Everything else is gone; one byte of trailing data stays.
    expect(text(shrunk.request)).toMatch(/^(null|\{\}|""|0)?.$/s);
    expect(text(shrunk.request).length).toBeGreaterThan(0);
  });

  it('stops at the replay limit and says so', async () => {
    const shrunk = await shrinkFirst('trailing-data', 3, async () => RESULT);
    expect(shrunk.attempts).toBe(3);
    expect(shrunk.capped).toBe(true);
  });

  it('keeps the found input when nothing smaller reproduces', async () => {
    const shrunk = await shrinkFirst('key-case', 500, async () => undefined);
    expect(shrunk.request).toEqual(first('key-case').value.value.request);
    expect(shrunk.steps).toBe(0);
  });
});
