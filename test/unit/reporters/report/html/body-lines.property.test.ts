/**
 * report.html's body lines spell a value's pointer only where a change may
 * mark it (below the pointers above a marked one): checked against the
 * general path, which spelt and looked up every value's pointer (copied
 * below), on random bodies and changes at their own pointers, at
 * pointers they lack, and at the root.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../../src/contract/observation.js';
import {
  bodyLines,
  type DiffLine,
  type LineMark,
  marksFor,
} from '../../../../../src/reporters/report/html/diff-lines.js';

const segment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The general path: every value's pointer spelt and looked up. */
function linesGeneral(body: unknown, marks: ReadonlyMap<string, LineMark>): DiffLine[] {
  const lines: DiffLine[] = [];
  const print = (
    value: unknown,
    pointer: string,
    indent: string,
    label: string,
    comma: string,
    inherited: LineMark,
  ): void => {
    const mark = marks.get(pointer) ?? inherited;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push([`${indent}${label}[]${comma}`, mark]);
      else {
        lines.push([`${indent}${label}[`, mark]);
        value.forEach((v, i) => {
          print(v, `${pointer}/${i}`, `${indent}  `, '', i < value.length - 1 ? ',' : '', mark);
        });
        lines.push([`${indent}]${comma}`, mark]);
      }
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length === 0) lines.push([`${indent}${label}{}${comma}`, mark]);
      else {
        lines.push([`${indent}${label}{`, mark]);
        keys.forEach((key, i) => {
          const child: unknown = Reflect.get(value, key);
          const at = `${pointer}/${segment(key)}`;
          const comma = i < keys.length - 1 ? ',' : '';
          print(child, at, `${indent}  `, `${JSON.stringify(key)}: `, comma, mark);
        });
        lines.push([`${indent}}${comma}`, mark]);
      }
    } else {
      lines.push([`${indent}${label}${JSON.stringify(value) ?? String(value)}${comma}`, mark]);
    }
  };
  print(body, '', '', '', '', '');
  return lines;
}

/** Every pointer of `value`, the root's (``) first. */
function pointersOf(value: unknown, pointer = ''): string[] {
  const below = Array.isArray(value)
    ? value.flatMap((v, i) => pointersOf(v, `${pointer}/${i}`))
    : value !== null && typeof value === 'object'
      ? Object.keys(value).flatMap((k) =>
          pointersOf(Reflect.get(value, k), `${pointer}/${segment(k)}`),
        )
      : [];
  return [pointer, ...below];
}

const key = fc.constantFrom('a', 'b', 'a/b', '~', 'id', '0', '');
const body = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, 1, 'x', true),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value;

// A string at the root is a text body, printed line by line: another path.
const bodyAndChanges = body
  .filter((value) => typeof value !== 'string')
  .chain((value) => {
    const pointers = pointersOf(value);
    const path = fc.oneof(fc.constantFrom(...pointers), fc.constantFrom('/zz', '/a/zz', '/0/1'));
    const change = fc.record({
      path,
      op: fc.constantFrom('added', 'removed', 'value', 'type', 'moved'),
      baseline: fc.constant(1),
      candidate: fc.nat({ max: 3 }),
    }) as fc.Arbitrary<Change>;
    return fc.tuple(fc.constant(value), fc.array(change, { maxLength: 3 }));
  });

describe('bodyLines', () => {
  it('marks the lines the general path marks, on both sides', () => {
    fc.assert(
      fc.property(bodyAndChanges, ([value, changes]) => {
        for (const side of ['baseline', 'candidate'] as const) {
          const { lines } = bodyLines(value, changes, side);
          expect(lines).toEqual(linesGeneral(value, marksFor(changes, side)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('marks a change deep in the body, and nothing beside it', () => {
    const value = { a: { b: [1, { c: 2 }] }, d: { b: [1, { c: 2 }] } };
    const change: Change = { path: '/a/b/1/c', op: 'value', baseline: 2, candidate: 3 };
    const marked = bodyLines(value, [change], 'baseline').lines.filter(([, mark]) => mark !== '');
    expect(marked).toEqual([['        "c": 2', 'chg']]);
  });
});
