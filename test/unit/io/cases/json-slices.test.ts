import { describe, expect, it } from 'vitest';
import { sliceCaseFile } from '../../../../src/io/cases/json-slices.js';

const slicesOf = (text: string) => {
  const bytes = Buffer.from(text);
  const slices = sliceCaseFile(bytes);
  if (slices === undefined) return undefined;
  const read = ([start, end]: readonly [number, number]) => bytes.toString('utf8', start, end);
  const items: string[] = [];
  for (let k = 0; k < (slices.items?.length ?? 0); k += 2) {
    items.push(read([slices.items?.[k] ?? 0, slices.items?.[k + 1] ?? 0]));
  }
  return { members: Object.fromEntries([...slices.members].map(([k, v]) => [k, read(v)])), items };
};

describe('sliceCaseFile', () => {
  it('cuts the members and the cases of a well-formed file, strings and nesting included', () => {
    const text = `\uFEFF {"suite": "s", "defaults": {"headers": {"x": "}]\\""}},
      "cases": [ {"id": "a", "request": {"method": "GET", "path": "/é[]"}} , 17, "x,y", [1, [2]] ] }`;
    expect(slicesOf(text)).toEqual({
      members: {
        suite: '"s"',
        defaults: '{"headers": {"x": "}]\\""}}',
        cases:
          '[ {"id": "a", "request": {"method": "GET", "path": "/é[]"}} , 17, "x,y", [1, [2]] ]',
      },
      items: [
        '{"id": "a", "request": {"method": "GET", "path": "/é[]"}}',
        '17',
        '"x,y"',
        '[1, [2]]',
      ],
    });
  });

  it('gives up on what is not a well-formed object with a well-formed cases list', () => {
    for (const text of [
      '[]',
      '{"cases": [1, 2,]}',
      '{"cases": [1 2]}',
      '{"suite": "s" "cases": []}',
      '{"suite": "unclosed}',
      '{"cases": [{"a": [1}]}',
      '{"a": 1} trailing',
      '{"a": 1,}',
    ]) {
      expect(sliceCaseFile(Buffer.from(text)), text).toBeUndefined();
    }
  });

  it('keeps a cases member that is not a list as a value (the schema check names it)', () => {
    expect(slicesOf('{"cases": {"id": 1}}')).toEqual({
      members: { cases: '{"id": 1}' },
      items: [],
    });
  });
});
