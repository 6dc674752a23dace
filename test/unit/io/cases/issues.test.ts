import { describe, expect, it } from 'vitest';
import { checkCase, parseCaseFile } from '../../../../src/io/cases/parse-file.js';
import { caseFileSchema, caseSpecSchema } from '../../../../src/io/cases/schema.js';
import type { InputProblem } from '../../../../src/util/errors.js';
import { formatField } from '../../../../src/util/positions.js';
import { closest, editDistance, suggestKey } from '../../../../src/util/suggest.js';
import { describeValue, knownKeysAt } from '../../../../src/util/zod-issues.js';

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('bdy', 'body')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close known words only', () => {
    expect(closest('metod', ['method', 'path'])).toBe('method');
    expect(closest('Headers', ['headers'])).toBe('headers');
    expect(closest('zzzzzz', ['method', 'path'])).toBeUndefined();
  });

  it('maps common aliases to the keys parity uses', () => {
    expect(suggestKey('body', ['method', 'json', 'text'])).toBe('"json" or "text"');
    expect(suggestKey('bdy', ['method', 'json', 'text'])).toBe('"json" or "text"');
    expect(suggestKey('url', ['path'])).toBe('"path"');
    expect(suggestKey('url', ['id'])).toBeUndefined();
  });
});

describe('issue details', () => {
  it('names fields like the source', () => {
    expect(formatField(['cases', 3, 'request', 'method'])).toBe('cases[3].request.method');
    expect(formatField(['defaults', 'headers', 'x-api-key'])).toBe('defaults.headers["x-api-key"]');
    expect(formatField([])).toBe('');
  });

  it('describes got values briefly', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1, 2])).toBe('a list of 2 items');
    expect(describeValue({ a: 1 })).toBe('a mapping');
    expect(describeValue('x'.repeat(100))).toHaveLength(58);
  });

  it('finds the known keys of nested object schemas', () => {
    expect(knownKeysAt(caseFileSchema(), ['cases', 0, 'expect'])).toEqual(['status']);
    expect(knownKeysAt(caseFileSchema(), ['cases', 0, 'rules', 'mask', 2])).toEqual([
      'path',
      'regex',
      'with',
    ]);
    expect(knownKeysAt(caseFileSchema(), ['suite'])).toEqual([]);
  });
});

/** Every problem of a case file: its own fields', then each case's. */
function problemsOf(text: string, file: string): readonly InputProblem[] {
  const outcome = parseCaseFile(Buffer.from(text), file);
  if (!outcome.ok) return outcome.problems;
  const { parsed } = outcome;
  return [
    ...parsed.problems,
    ...Array.from({ length: parsed.count }, (_, index) => index).flatMap((index) => {
      const checked = checkCase(parsed, index);
      return 'problems' in checked ? checked.problems : [];
    }),
  ];
}

describe('parseCaseFile and checkCase', () => {
  it('points at the key of an unknown field in a JSON file', () => {
    const text =
      '{\n  "suite": "s",\n  "cases": [{ "id": "a", "request": { "method": "GET", "path": "/" }, "tgas": [] }]\n}\n';
    expect(problemsOf(text, 'x.json')).toEqual([
      {
        file: 'x.json',
        line: 3,
        column: 71,
        field: 'cases[0].tgas',
        message:
          'is not a known field (did you mean "tags"? known: id, description, tags, request, steps, expect, rules)',
      },
    ]);
  });

  it('reports a non-integer status and a header value of the wrong type', () => {
    const text = [
      'suite: s',
      'cases:',
      '  - id: a',
      '    request: { method: GET, path: /, headers: { x-count: 5 } }',
      '    expect: { status: 200.5 }',
    ].join('\n');
    expect(
      problemsOf(text, 'y.yaml').map((problem) => `${problem.field} ${problem.message}`),
    ).toEqual([
      'cases[0].request.headers["x-count"] must be a string (got 5)',
      'cases[0].expect.status must be an integer (got 200.5)',
    ]);
  });
});

describe('checkCase of a plain case (one request, no rules)', () => {
  const specs = (text: string) => {
    const outcome = parseCaseFile(Buffer.from(text), 'x.json');
    if (!outcome.ok) throw new Error('not parsed');
    return Array.from({ length: outcome.parsed.count }, (_, i) => checkCase(outcome.parsed, i));
  };

  it('gives the value the whole case schema gives, fields in the same order', () => {
    const item = {
      expect: { status: 200 },
      request: { method: 'POST', path: '/a', json: { b: 1 }, headers: { 'x-a': '1' } },
      tags: ['t'],
      description: 'd',
      id: 'a',
    };
    const [checked] = specs(JSON.stringify({ suite: 's', cases: [item] }));
    expect(checked).toEqual({ spec: caseSpecSchema().parse(item) });
    const spec = checked !== undefined && 'spec' in checked ? checked.spec : {};
    expect(Object.keys(spec)).toEqual(Object.keys(caseSpecSchema().parse(item)));
  });

  it('still refuses what the whole case schema refuses, with its messages', () => {
    const cases = [
      { id: 'a', request: { method: 'GET', path: '{{x}}' } },
      { id: 'b' },
      { id: 'c', request: { method: 'GET', path: '/' }, stpes: [] },
    ];
    const messages = specs(JSON.stringify({ suite: 's', cases })).flatMap((checked) =>
      'problems' in checked ? checked.problems.map((p) => `${p.field} ${p.message}`) : ['ok'],
    );
    expect(messages).toEqual([
      'cases[0].request.path must start with "/" (got "{{x}}")',
      'cases[1] needs a request (one request) or steps (a flow of requests)',
      expect.stringMatching(/^cases\[2\]\.stpes .*"steps"/),
    ]);
  });
});
