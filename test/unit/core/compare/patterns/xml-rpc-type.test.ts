/** Rule 35: an XML-RPC value's type element renamed is one type transition (`xml-rpc-type`). */
import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../../../src/core/compare/bodies.js';
import { recognisePatterns } from '../../../../../src/core/compare/patterns/registry.js';
import { decodeBody } from '../../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../../helpers/case.js';

const rules = makeCase('x', { path: '/' }).rules;
const decode = (text: string) => decodeBody(new TextEncoder().encode(text), 'text/xml');
const changesOf = (a: string, b: string) => compareBodies(decode(a), decode(b), rules);
const member = (name: string, value: string) =>
  `<member><name>${name}</name><value>${value}</value></member>`;
const answer = (inner: string) =>
  `<?xml version="1.0"?><methodResponse><params><param><value>${inner}</value></param></params></methodResponse>`;

describe('xml-rpc-type pattern', () => {
  it('a struct member typed <double> vs <int> is one transition keyed by the two types', () => {
    const changes = changesOf(
      answer(
        `<struct>${member('price', '<double>20.0</double>')}${member('name', '<string>dvd</string>')}</struct>`,
      ),
      answer(
        `<struct>${member('price', '<int>20</int>')}${member('name', '<string>dvd</string>')}</struct>`,
      ),
    );
    const { matches, unexplained } = recognisePatterns(changes);
    expect(matches.map((m) => [m.name, m.params, m.field])).toEqual([
      ['xml-rpc-type', ['double', 'int'], ''],
    ]);
    expect(unexplained).toEqual([]);
  });

  it('a whole result typed <i8> vs <string>, other names, is the same kind of transition', () => {
    const changes = changesOf(answer('<i8>7</i8>'), answer('<string>7</string>'));
    const { matches, unexplained } = recognisePatterns(changes);
    expect(matches.map((m) => m.key)).toEqual(['xml-rpc-type:i8:string']);
    expect(unexplained).toEqual([]);
  });

  it('other values besides the types are left as a value question', () => {
    const changes = changesOf(answer('<double>20.5</double>'), answer('<int>21</int>'));
    const { matches, unexplained } = recognisePatterns(changes);
    expect(matches.map((m) => m.name)).toEqual(['xml-rpc-type']);
    expect(unexplained.map((c) => [c.op, c.baseline, c.candidate])).toEqual([
      ['value', '20.5', '21'],
    ]);
  });

  it('kept apart: a scalar against a struct, and a renamed member outside a value', () => {
    const struct = changesOf(
      answer('<int>3</int>'),
      answer(`<struct>${member('n', '<int>3</int>')}</struct>`),
    );
    expect(recognisePatterns(struct).matches.map((m) => m.name)).not.toContain('xml-rpc-type');
    const record = changesOf('<item><double>1</double></item>', '<item><int>1</int></item>');
    expect(recognisePatterns(record).matches.map((m) => m.name)).not.toContain('xml-rpc-type');
  });
});
