/**
 * Issue 43, rule 8: a side's messages reworded one way (`message-edits.ts`).
 * Three pairs of wordings or more at one place that relate by the same edit
 * are one change keyed by the edit; unrelated messages, pairs of another
 * edit, and a candidate wording that does not hold the baseline's (a request
 * refused for another reason) are left out. Each style of rewording is
 * planted with its own words, read as templates as the clustering reads them.
 */
import { describe, expect, it } from 'vitest';
import { systematicEdits } from '../../../../src/core/compare/message-edits.js';
import { valueTemplate } from '../../../../src/core/compare/value-template.js';

type Pair = readonly [string, string];

/** Two messages as their templates (`value-template.ts`). */
const worded = (baseline: string, candidate: string): Pair => [
  valueTemplate(baseline) ?? '',
  valueTemplate(candidate) ?? '',
];

/** A library that capitalises its messages and ends them with a period. */
const SENTENCES = [
  worded('title is required', 'Title is required.'),
  worded('year must be a number', 'Year must be a number.'),
  worded('tags must be a list', 'Tags must be a list.'),
];

const editsOf = (pairs: readonly Pair[]) =>
  pairs.map((pair) => systematicEdits(pairs).get(JSON.stringify(pair)));

describe('one edit that rewords a set of messages', () => {
  it('joins words substituted with a prefix naming the part of the request (Ajv 6 → 8)', () => {
    const pairs = [
      worded('should be <= 100', 'Request query parameter size must be <= 100'),
      worded('should be string', 'Request body property title must be string'),
      worded(
        "should have required property 'isbn'",
        "Request body must have required property 'isbn'",
      ),
      worded(
        'should NOT have additional properties',
        "Request body must NOT have additional properties; found 'x'",
      ),
    ];
    const edit = '`should` → `must`; words added before each';
    expect(new Set(editsOf(pairs))).toEqual(new Set([edit]));
    // The same edit, in the same words, from any three of them: a run of fewer cases keys it alike.
    expect(new Set(editsOf(pairs.slice(1)))).toEqual(new Set([edit]));
    expect(new Set(editsOf(pairs.slice(0, 3)))).toEqual(new Set([edit]));
  });

  it('joins a field named on the other side with a word dropped and capitals (Joi → Zod-like)', () => {
    const pairs = [
      worded('"sku" is required', 'sku: Required'),
      worded('"qty" is required', 'qty: Required'),
      worded('"price" is required', 'price: Required'),
    ];
    expect(new Set(editsOf(pairs))).toEqual(new Set(['`is` dropped; words capitalised']));
    // The field named after a prefix: the elided name is the word next to the rest.
    const prefixed = [
      worded('"sku" is required', 'Request body property sku is required'),
      worded('"qty" is required', 'Request body property qty is required'),
      worded('"price" must be a number', 'Request body property price must be a number'),
    ];
    expect(new Set(editsOf(prefixed))).toEqual(new Set(['words added before each']));
  });

  it('joins a period added and a capital letter, and a prefix with the field path', () => {
    expect(new Set(editsOf(SENTENCES))).toEqual(
      new Set(['words capitalised; `.` added at the end']),
    );
    const paths = [
      worded('is required', '/body/city: is required'),
      worded('must be a number', '/body/zip: must be a number'),
      worded('must be one of north, south', '/query/side: must be one of north, south'),
    ];
    expect(new Set(editsOf(paths))).toEqual(new Set(['words added before each']));
  });

  it('needs three pairs of one edit', () => {
    const pairs = [
      worded('should be <= 100', 'Request query parameter size must be <= 100'),
      worded('should be string', 'Request body property title must be string'),
    ];
    expect(editsOf(pairs)).toEqual([undefined, undefined]);
  });

  it('leaves out unrelated messages and a request refused for another reason', () => {
    const systematic = [
      worded('should be <= 100', 'Request query parameter size must be <= 100'),
      worded('should be string', 'Request body property title must be string'),
      worded('should be integer', 'Request path parameter id must be integer'),
    ];
    const apart = [
      // The candidate refused for a missing key where the baseline refused a value.
      worded('should be integer', 'Request header x-key must be present'),
      // Two unrelated messages.
      worded('Must provide query string.', 'GraphQL operations must contain a non-empty `query`'),
      worded('email is required', 'missing email'),
      worded('this name is taken already', 'Conflict: name in use'),
    ];
    const edits = editsOf([...systematic, ...apart]);
    expect(edits.slice(0, 3)).toEqual(Array(3).fill('`should` → `must`; words added before each'));
    expect(edits.slice(3)).toEqual(Array(4).fill(undefined));
  });

  it('keeps pairs of two edits apart, and added text at no one end', () => {
    const prefixed = [
      worded('is required', 'body: is required'),
      worded('must be a number', 'query: must be a number'),
      worded('must be a list', 'path: must be a list'),
    ];
    const edits = editsOf([...SENTENCES, ...prefixed]);
    expect(new Set(edits.slice(0, 3))).toEqual(
      new Set(['words capitalised; `.` added at the end']),
    );
    expect(new Set(edits.slice(3))).toEqual(new Set(['words added before each']));
    const eitherEnd = [
      worded('is required', 'body: is required'),
      worded('must be a number', 'must be a number (query)'),
      worded('must be a list', 'path: must be a list'),
    ];
    expect(editsOf(eitherEnd)).toEqual([undefined, undefined, undefined]);
  });
});
