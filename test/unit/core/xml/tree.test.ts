import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../../src/core/compare/bodies.js';
import { isXmlContentType } from '../../../../src/core/wire/content-type.js';
import { parseXml } from '../../../../src/core/xml/tree.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../helpers/case.js';

const XML = 'application/xml';
const decode = (text: string, type: string | undefined) =>
  decodeBody(new TextEncoder().encode(text), type);
const rules = makeCase('x', { path: '/' }).rules;
const diff = (a: string, b: string) => compareBodies(decode(a, XML), decode(b, XML), rules);
const tree = (text: string) => {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('parseXml', () => {
  it('refuses a reference to an entity the document does not define, as a strict reader does', () => {
    expect(parseXml('<r>\n  <a>&nope;</a></r>')).toEqual({
      ok: false,
      error: 'entity &nope; is not defined (line 2, column 6)',
    });
    // The five XML entities, character references, declared entities, and text in comments or CDATA are fine.
    expect(parseXml('<r>&amp;&lt;&gt;&quot;&apos;&#233;&#x41;</r>').ok).toBe(true);
    expect(parseXml('<!DOCTYPE r [<!ENTITY who "me">]><r>&who;</r>').ok).toBe(true);
    expect(parseXml('<r><!-- &nope; --><![CDATA[&nope;]]></r>').ok).toBe(true);
  });

  it('builds a JSON-like tree: attributes, text, repeated children as arrays', () => {
    const value = tree(
      '<?xml version="1.0"?><list count="2"><!-- c --><item id="1">a &amp; b</item><item id="2"><![CDATA[<x>]]></item><total>2</total><empty/></list>',
    );
    expect(value).toEqual({
      list: {
        '@count': '2',
        item: [
          { '@id': '1', '#text': 'a & b' },
          { '@id': '2', '#text': '<x>' },
        ],
        total: '2',
        empty: '',
      },
    });
  });

  it('resolves namespaces: the root carries its URI, children only where it changes', () => {
    expect(
      tree(
        '<s:Envelope xmlns:s="urn:soap"><s:Body><m:Get xmlns:m="urn:m" m:v="1"/></s:Body></s:Envelope>',
      ),
    ).toEqual({
      Envelope: { '@xmlns': 'urn:soap', Body: { Get: { '@xmlns': 'urn:m', '@{urn:m}v': '1' } } },
    });
  });

  it('gives the docs/wire.md example', () => {
    expect(
      tree(
        '<s:list xmlns:s="urn:shop" count="2"><s:item id="1">pen</s:item><s:item id="2"/><s:total>2</s:total></s:list>',
      ),
    ).toEqual({
      list: {
        '@xmlns': 'urn:shop',
        '@count': '2',
        item: [{ '@id': '1', '#text': 'pen' }, { '@id': '2' }],
        total: '2',
      },
    });
  });

  it('decodes character references', () => {
    expect(tree('<a t="&#65;">&#233;&#x41;</a>')).toEqual({ a: { '@t': 'A', '#text': 'éA' } });
  });

  it('rejects what is not well-formed', () => {
    expect(parseXml('<a><b></a>')).toMatchObject({ ok: false });
    expect(parseXml('<a/><b/>')).toMatchObject({ ok: false });
    expect(parseXml('<p:a/>')).toEqual({
      ok: false,
      error: 'unbound namespace prefix "p" on <p:a>',
    });
  });

  it('knows XML media types', () => {
    expect(isXmlContentType('application/xml; charset=utf-8')).toBe(true);
    expect(isXmlContentType('text/xml')).toBe(true);
    expect(isXmlContentType('application/soap+xml')).toBe(true);
    expect(isXmlContentType('application/json')).toBe(false);
  });
});

describe('decodeBody for XML', () => {
  it('decodes by content type, and sniffs without one', () => {
    expect(decode('<a>1</a>', XML).kind).toBe('xml');
    expect(decode('<?xml version="1.0"?><a>1</a>', undefined).kind).toBe('xml');
    expect(decode('<a>1</b>', undefined).kind).toBe('text');
    // Judged by what it is: XML under text/plain is XML; text that is not XML stays text.
    expect(decode('<a>1</a>', 'text/plain').kind).toBe('xml');
    expect(decode('<a>1</b>', 'text/plain').kind).toBe('text');
  });

  it('invalid XML under an XML content type is invalid-xml', () => {
    const body = decode('<a><b></a>', XML);
    expect(body.kind).toBe('invalid-xml');
    expect(body.kind === 'invalid-xml' && body.error).toContain('line 1');
  });
});

describe('comparing XML bodies', () => {
  it('a renamed prefix bound to the same URI is equal', () => {
    expect(
      diff('<a:r xmlns:a="urn:x"><a:i>1</a:i></a:r>', '<b:r xmlns:b="urn:x"><b:i>1</b:i></b:r>'),
    ).toEqual([]);
    expect(
      diff('<r xmlns="urn:x"><i>1</i></r>', '<p:r xmlns:p="urn:x"><p:i>1</p:i></p:r>'),
    ).toEqual([]);
  });

  it('a different namespace URI is a change at @xmlns', () => {
    expect(diff('<r xmlns="urn:a"><i>1</i></r>', '<r xmlns="urn:b"><i>1</i></r>')).toEqual([
      { path: '/r/@xmlns', op: 'value', baseline: 'urn:a', candidate: 'urn:b' },
    ]);
  });

  it('attributes are compared by name, in any order', () => {
    expect(diff('<r a="1" b="2"/>', '<r b="2" a="1"/>')).toEqual([]);
    expect(diff('<r a="1" b="2"/>', '<r a="1" b="3"/>')).toEqual([
      { path: '/r/@b', op: 'value', baseline: '2', candidate: '3' },
    ]);
  });

  it('children with different names may come in any order; repeated ones keep theirs', () => {
    expect(diff('<r><a>1</a><b>2</b></r>', '<r><b>2</b><a>1</a></r>')).toEqual([]);
    const changes = diff('<r><i>1</i><i>2</i></r>', '<r><i>2</i><i>1</i></r>');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.path.startsWith('/r/i/'))).toBe(true);
  });

  it('valid vs invalid XML is a type change of the body', () => {
    expect(compareBodies(decode('<r/>', XML), decode('<r>', XML), rules)).toEqual([
      {
        path: '',
        op: 'type',
        baseline: { kind: 'xml', type: 'object' },
        candidate: { kind: 'invalid-xml' },
      },
    ]);
  });
});
