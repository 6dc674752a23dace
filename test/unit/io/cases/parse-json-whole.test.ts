/**
 * A JSON case file is parsed whole up to `WHOLE_JSON_BYTES` and cut into
 * slices past it: both give the same header, cases, problems and positions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, parseCaseFile, WHOLE_JSON_BYTES } from '../../../../src/io/cases/parse-file.js';

/** Everything a check reads of a parsed file: `whole` false forces the slices. */
function view(text: string, whole: boolean) {
  const outcome = parseCaseFile(Buffer.from(text), 'x.json', whole ? WHOLE_JSON_BYTES : 0);
  if (!outcome.ok) return { problems: outcome.problems };
  const { parsed } = outcome;
  const indexes = Array.from({ length: parsed.count }, (_, index) => index);
  return {
    header: parsed.header,
    headerProto: Object.getPrototypeOf(parsed.header ?? {}),
    problems: parsed.problems,
    count: parsed.count,
    items: indexes.map((index) => parsed.item(index)),
    checked: indexes.map((index) => checkCase(parsed, index)),
    positions: indexes.slice(0, 3).map((index) => parsed.locate(['cases', index, 'id'])),
    suiteAt: parsed.locate(['suite']),
  };
}

const plain = (id: string, path = '/a') =>
  `{"id": "${id}", "request": {"method": "GET", "path": "${path}"}}`;

const TEXTS: Record<string, string> = {
  plain: `{"suite": "s", "cases": [${plain('a')}, ${plain('b', '/b?x=1')}]}`,
  bom: `\uFEFF{"suite": "s", "cases": [${plain('a')}]}`,
  'lines and spaces': `{\n  "suite": "s",\n  "cases": [\n    ${plain('a')},\n    ${plain('b')}\n  ]\n}\n`,
  'repeated cases, the list last': `{"suite": "s", "cases": [1], "cases": [${plain('a')}]}`,
  'repeated cases, a number last': `{"cases": [${plain('a')}], "suite": "s", "cases": 5}`,
  'a __proto__ member': `{"__proto__": {"x": 1}, "suite": "s", "cases": [${plain('a')}]}`,
  'a __proto__ scalar': `{"__proto__": 5, "suite": "s", "cases": [${plain('a')}]}`,
  'an index key': `{"1": 2, "suite": "s", "cases": [${plain('a')}]}`,
  'a list': '[1, 2]',
  'a string': '"cases"',
  null: 'null',
  'cases not a list': '{"suite": "s", "cases": {"id": 1}}',
  'no cases': '{"suite": "s", "cases": []}',
  'a bad suite': `{"suite": "S S", "cases": [${plain('a')}]}`,
  'an unknown case key': `{"suite": "s", "cases": [{"id": "a", "request": {"method": "GET", "path": "/"}, "tgas": []}]}`,
  'a bad method': `{"suite": "s", "cases": [{"id": "a", "request": {"method": "FE TCH", "path": "/"}}]}`,
  defaults: `{"suite": "s", "defaults": {"headers": {"x-a": "1"}, "tags": ["t"]}, "cases": [${plain('a')}]}`,
  'a flow': `{"suite": "s", "cases": [{"id": "f", "steps": [{"id": "one", "request": {"method": "GET", "path": "/"}}]}]}`,
  'a syntax error in a case': `{"suite": "s", "cases": [${plain('a')}, {"id": tru}]}`,
  'a syntax error in the structure': `{"suite": "s", "cases": [${plain('a')},]}`,
  'too deep': `{"suite": "s", "cases": [${'['.repeat(300)}${']'.repeat(300)}]}`,
  'non-ASCII': `{"suite": "s", "description": "é ✓", "cases": [${plain('a', '/é')}]}`,
  'trailing text': `{"suite": "s", "cases": [${plain('a')}]} x`,
};

describe('a JSON case file parsed whole or cut into slices', () => {
  it.each(Object.entries(TEXTS))('gives the same: %s', (_name, text) => {
    expect(view(text, true)).toEqual(view(text, false));
  });

  it('gives the same for generated files', () => {
    const key = fc.constantFrom('suite', 'cases', 'defaults', 'serial', 'description', 'x');
    const caseLike = fc.oneof(
      fc.record({
        id: fc.oneof(fc.constantFrom('a', 'b', 'c-1'), fc.string()),
        request: fc.record(
          {
            method: fc.constantFrom('GET', 'POST', 'FE TCH'),
            path: fc.oneof(fc.constantFrom('/', '/a?b=1', '/é'), fc.string()),
            headers: fc.dictionary(fc.constantFrom('x-a', 'X-B', 'bad name'), fc.string()),
          },
          { requiredKeys: ['method'] },
        ),
        tags: fc.array(fc.constantFrom('t', 'u', 'B A D')),
      }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const value = fc.oneof(fc.constantFrom('s', 'bench'), fc.jsonValue({ maxDepth: 2 }));
    const file = fc.tuple(
      fc.array(fc.tuple(key, value), { maxLength: 5 }),
      fc.option(fc.array(caseLike, { maxLength: 6 }), { nil: undefined }),
      fc.constantFrom(0, 2),
    );
    fc.assert(
      fc.property(file, ([members, cases, indent]) => {
        const object: Record<string, unknown> = {};
        for (const [name, member] of members) object[name] = member;
        if (cases !== undefined) object['cases'] = cases;
        const text = JSON.stringify(object, null, indent);
        expect(view(text, true)).toEqual(view(text, false));
      }),
      { numRuns: 200 },
    );
  });

  it('parses a small file whole and a large one a case at a time', () => {
    const text = `{"suite": "s", "cases": [${plain('a')}]}`;
    const parse = (whole: number) => {
      const outcome = parseCaseFile(Buffer.from(text), 'x.json', whole);
      if (!outcome.ok) throw new Error('not parsed');
      return outcome.parsed;
    };
    // Parsed whole, a case is the same value each time it is read; a slice is parsed on each read.
    const whole = parse(WHOLE_JSON_BYTES);
    expect(whole.item(0)).toEqual(parse(0).item(0));
    expect(written(whole.item(0))).toBe(written(whole.item(0)));
    const sliced = parse(0);
    expect(written(sliced.item(0))).not.toBe(written(sliced.item(0)));
    // The limit is the file's size in bytes, included.
    const atLimit = parse(text.length);
    expect(written(atLimit.item(0))).toBe(written(atLimit.item(0)));
    const past = parse(text.length - 1);
    expect(written(past.item(0))).not.toBe(written(past.item(0)));
  });
});

function written(item: { readonly value: unknown } | { readonly problem: unknown }): unknown {
  return 'value' in item ? item.value : undefined;
}
