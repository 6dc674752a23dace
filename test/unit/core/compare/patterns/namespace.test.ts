import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../../../src/core/compare/bodies.js';
import { recognisePatterns } from '../../../../../src/core/compare/patterns/registry.js';
import { xmlNamespace } from '../../../../../src/core/compare/patterns/xml-namespace.js';
import { decodeBody } from '../../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../../helpers/case.js';

const rules = makeCase('x', { path: '/' }).rules;
const decode = (text: string) => decodeBody(new TextEncoder().encode(text), 'text/xml');
const changesOf = (a: string, b: string) => compareBodies(decode(a), decode(b), rules);

describe('xml-namespace pattern', () => {
  it('explains a URI change on an element', () => {
    const changes = changesOf(
      '<list xmlns="urn:a"><item>1</item></list>',
      '<list xmlns="urn:b"><item>1</item></list>',
    );
    const [match] = xmlNamespace.recognise(changes);
    expect(match?.explanation).toBe(
      'candidate puts `<list>` in namespace `urn:b` instead of namespace `urn:a` (at `/list`)',
    );
    expect(match?.key).toBe('xml-namespace:/list');
  });

  it('explains a child moved into its own namespace (text-only element)', () => {
    const changes = changesOf(
      '<r xmlns:x="urn:a"><item>1</item></r>',
      '<r xmlns:x="urn:b"><x:item>1</x:item></r>',
    );
    const [match] = xmlNamespace.recognise(changes);
    expect(match?.explanation).toContain(
      "candidate puts `<item>` in namespace `urn:b` instead of its parent's namespace",
    );
  });

  it('is registered, and claims the change from the generic explanations', () => {
    const changes = changesOf('<r xmlns="urn:a"/>', '<r xmlns="urn:b"/>');
    const { matches, unexplained } = recognisePatterns(changes);
    expect(matches.map((m) => m.name)).toEqual(['xml-namespace']);
    expect(unexplained).toEqual([]);
  });

  it('does not claim other changes', () => {
    expect(xmlNamespace.recognise(changesOf('<r a="1"/>', '<r a="2"/>'))).toEqual([]);
  });
});
