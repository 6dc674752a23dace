/**
 * Rule 18's evidence from the answers (`zero-omissions.ts`, over the walk
 * `written-members.ts` shares with a write's outcome): a member one side
 * writes elsewhere with another value and never at zero is omitted at zero
 * by it; one it never writes, or also writes at zero, is not. A place is
 * read without its list indices and by its object kind. And the row's hint
 * for a side of unknown runtime names the encoder options without choosing
 * one. Two sets of names each.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { hintFor } from '../../../../src/core/compare/hints.js';
import { ANY_ENDPOINT, ZERO_VALUED_MEMBERS } from '../../../../src/core/compare/root-cause.js';
import { writtenMembers } from '../../../../src/core/compare/written-members.js';
import { zeroOmissions } from '../../../../src/core/compare/zero-omissions.js';

const byName = (_place: string, name: string) => name;

describe('writtenMembers', () => {
  it('tells a zero value from another, skips null and a preview cut, and stops at its depth', () => {
    const written = writtenMembers(
      [
        { done: true, items: [{ size: 0 }, { size: 4 }], note: null, '…': 3 },
        { done: false, tags: [], owner: { name: '' } },
      ],
      byName,
    );
    expect(written.get('done')).toEqual({ zero: true, other: true });
    expect(written.get('size')).toEqual({ zero: true, other: true });
    expect(written.get('tags')).toEqual({ zero: true, other: false });
    expect(written.get('name')).toEqual({ zero: true, other: false });
    expect(written.has('note')).toBe(false);
    expect(written.has('…')).toBe(false);
    const top = writtenMembers([{ ok: true, inner: { ok: false } }], byName, 0);
    expect(top.get('ok')).toEqual({ zero: false, other: true });
  });

  it('gives each member its place (the object holding it)', () => {
    const places: string[] = [];
    writtenMembers([{ a: { b: [{ c: 1 }] } }], (place, name) => {
      places.push(`${place} ${name}`);
      return undefined;
    });
    expect(places).toEqual([' a', '/a b', '/a/b/0 c']);
  });
});

describe.each([
  { list: 'records', flag: 'applied', on: true, header: 'meta', nested: '/result/meta' },
  { list: 'hits', flag: 'loans', on: 3, header: 'about', nested: '/data/about' },
])('zeroOmissions: $list, $flag', ({ list, flag, on, header, nested }) => {
  const names = new Set([list, flag, 'rev']);
  const answers = [
    { baseline: { [list]: [{ id: 1 }], [header]: { rev: 2 } }, candidate: {} },
    { baseline: { items: [{ [flag]: on }] }, candidate: { items: [{ [flag]: on }] } },
  ];

  it('is the member written elsewhere with another value and never at zero', () => {
    const omits = zeroOmissions(answers, new Map(), names);
    expect(omits('baseline', `/${list}`)).toBeDefined();
    // A list's element is one place whatever its index.
    expect(omits('baseline', `/items/3/${flag}`)).toBeDefined();
    expect(omits('baseline', `/items/*/${flag}`)).toBe(omits('baseline', `/items/0/${flag}`));
    // The candidate never writes the list: a member it lacks, no evidence.
    expect(omits('candidate', `/${list}`)).toBeUndefined();
  });

  it('is none for a member also written at its zero value', () => {
    const zero = [...answers, { baseline: { [list]: [] }, candidate: { [list]: [] } }];
    expect(zeroOmissions(zero, new Map(), names)('baseline', `/${list}`)).toBeUndefined();
  });

  it('reads an object of one kind at another place as that kind', () => {
    const kinds = new Map([
      [`/${header}`, `/${header}`],
      [nested, `/${header}`],
    ]);
    expect(zeroOmissions(answers, kinds, names)('baseline', `${nested}/rev`)).toBeDefined();
    expect(zeroOmissions(answers, new Map(), names)('baseline', `${nested}/rev`)).toBeUndefined();
  });
});

describe("the hint of one side's defaults left out", () => {
  const signature = (path: string) =>
    ({
      type: 'structure',
      endpoint: ANY_ENDPOINT,
      change: { op: 'added', path, baseline: '-', candidate: ZERO_VALUED_MEMBERS },
    }) satisfies RootCause;
  const defaults = (path: string): RootCause => ({
    ...signature(path),
    transform: 'defaults baseline kvs',
  });

  for (const path of ['', '/item']) {
    it(`at "${path}": names the encoder options for a side of unknown runtime, one runtime's where known`, () => {
      const unknown = hintFor(defaults(path));
      for (const text of [unknown.baseline, unknown.candidate]) {
        expect(text).toMatch(/omitempty/);
        expect(text).toMatch(/skip_serializing_if/);
        expect(text).toMatch(/EmitUnpopulated/);
      }
      const go = hintFor(defaults(path), { baseline: 'go' });
      expect(go.baseline).toMatch(/drop `omitempty`/);
      expect(go.baseline).not.toMatch(/serde|protojson/);
      // A signature of one object claims no encoder: its hint names none.
      const plain = hintFor(signature(path));
      expect(`${plain.baseline} ${plain.candidate}`).not.toMatch(/omitempty|serde|protojson/);
    });
  }
});
