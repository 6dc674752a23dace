import { describe, expect, it } from 'vitest';
import { xmlOverBudget } from '../../../../src/core/wire/budget.js';
import { scanJson } from '../../../../src/core/wire/json-scan.js';

const budget = { nodes: 10, depth: 3 };
const jsonOverBudget = (text: string, limits: typeof budget) => scanJson(text, limits).over;

describe('the node budget', () => {
  it('counts JSON values and depth outside strings', () => {
    expect(jsonOverBudget('{"a":[1,2,3],"b":{"c":null}}', budget)).toBeUndefined();
    expect(jsonOverBudget('[[[[1]]]]', budget)).toEqual({ limit: 'depth', budget: 3 });
    expect(jsonOverBudget(`[${'1,'.repeat(20)}1]`, budget)).toEqual({ limit: 'nodes', budget: 10 });
    // Brackets and commas inside strings (escaped quotes included) count for nothing.
    expect(jsonOverBudget(JSON.stringify({ s: '[[[[,,,,,,,,,,,\\"[[[[' }), budget)).toBeUndefined();
  });

  it('stops at the first value over budget (a huge body is not scanned to its end)', () => {
    const huge = `${'['.repeat(100)}${'x'.repeat(1_000_000)}`;
    expect(jsonOverBudget(huge, budget)).toEqual({ limit: 'depth', budget: 3 });
  });

  it('tells which texts may hold a number a double cannot hold (outside strings only)', () => {
    const long = (text: string) => scanJson(text, { nodes: 100, depth: 10 }).longNumbers;
    expect(long('{"a":[1,2.5,-3e10,123456789012345]}')).toBe(false);
    expect(long('{"a":1234567890123456}')).toBe(true);
    expect(long('[-12345678901234.56]')).toBe(true);
    expect(long('[1e100]')).toBe(true);
    expect(long('[1.5E-308]')).toBe(true);
    expect(long('[1e99]')).toBe(false);
    // Digits in strings (escaped quotes included) are text, never numbers.
    expect(long(String.raw`{"id":"12345678901234567890","e":"1e400","q":"\\"}`)).toBe(false);
    expect(long(String.raw`{"s":"a\"b","n":12345678901234567890}`)).toBe(true);
    expect(long(String.raw`{"s":"a\\","n":12345678901234567890}`)).toBe(true);
  });

  it('counts XML elements and nesting', () => {
    expect(xmlOverBudget('<a><b/><c>t</c></a>', budget)).toBeUndefined();
    expect(xmlOverBudget('<a><b><c><d/></c></b></a>', budget)).toBeUndefined();
    expect(xmlOverBudget('<a><b><c><d></d></c></b></a>', budget)).toEqual({
      limit: 'depth',
      budget: 3,
    });
    expect(xmlOverBudget(`<a>${'<b/>'.repeat(20)}</a>`, budget)).toEqual({
      limit: 'nodes',
      budget: 10,
    });
  });
});
