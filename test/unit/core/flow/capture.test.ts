import { describe, expect, it } from 'vitest';
import type { CaptureSource, CaptureSpec } from '../../../../src/contract/model/case.js';
import type { Response, ResponseBody } from '../../../../src/contract/model/exchange.js';
import { capture } from '../../../../src/core/flow/capture.js';
import { ExactNumber } from '../../../../src/core/wire/exact-number.js';
import { parseXml } from '../../../../src/core/xml/tree.js';
import { evaluateXPath, parseXPath } from '../../../../src/core/xml/xpath.js';
import { compileSafe } from '../../../../src/util/safe-regex.js';

const response = (body: ResponseBody, headers: Record<string, string> = {}): Response => ({
  status: 200,
  headers,
  body,
  wireBytes: 0,
  durationMs: 1,
});
const spec = (source: CaptureSource, regex?: string, group?: number): CaptureSpec => ({
  name: 'v',
  source,
  regex: regex === undefined ? undefined : compileSafe(regex),
  group,
});

describe('capture', () => {
  const json = response(
    {
      kind: 'json',
      value: { id: 17, big: new ExactNumber('9007199254740993'), items: [{ sku: 'a/b' }] },
      text: '{"id":17}',
    },
    { etag: '"v1"', location: '/items/17?x=1' },
  );

  it('takes a value by JSON pointer, keeping its JSON type', () => {
    // A JSON pointer's capture says where it was taken whole from.
    expect(capture(spec({ kind: 'json', pointer: '/id' }), json)).toEqual({
      ok: true,
      captured: { value: 17, text: '17', from: '/id' },
    });
    expect(capture(spec({ kind: 'json', pointer: '/items/0/sku' }), json)).toEqual({
      ok: true,
      captured: { value: 'a/b', text: 'a/b', from: '/items/0/sku' },
    });
    const big = capture(spec({ kind: 'json', pointer: '/big' }), json);
    expect(big.ok && big.captured.text).toBe('9007199254740993');
  });

  it('says why nothing was captured', () => {
    expect(capture(spec({ kind: 'json', pointer: '/nope' }), json)).toEqual({
      ok: false,
      reason: 'nothing at /nope',
    });
    expect(capture(spec({ kind: 'json', pointer: '/items/1' }), json)).toEqual({
      ok: false,
      reason: 'nothing at /items/1',
    });
    expect(capture(spec({ kind: 'header', name: 'x-id' }), json)).toEqual({
      ok: false,
      reason: 'no x-id header',
    });
    const text = response({ kind: 'text', text: 'hello' });
    expect(capture(spec({ kind: 'json', pointer: '/id' }), text)).toEqual({
      ok: false,
      reason: 'the body is text, not JSON',
    });
    expect(capture(spec({ kind: 'body' }, 'id=(\\d+)'), text)).toEqual({
      ok: false,
      reason: '/id=(\\d+)/ does not match',
    });
  });

  it('takes a header, optionally through a regex (group 1 by default, or the one named)', () => {
    expect(capture(spec({ kind: 'header', name: 'etag' }), json)).toEqual({
      ok: true,
      captured: { value: '"v1"', text: '"v1"' },
    });
    expect(capture(spec({ kind: 'header', name: 'location' }, '/items/(\\d+)'), json)).toEqual({
      ok: true,
      captured: { value: '17', text: '17' },
    });
    expect(capture(spec({ kind: 'header', name: 'location' }, '/items/(\\d+)', 0), json)).toEqual({
      ok: true,
      captured: { value: '/items/17', text: '/items/17' },
    });
  });

  it('runs a regex over the body text of any text-like body', () => {
    expect(capture(spec({ kind: 'body' }, '"id":(\\d+)'), json)).toEqual({
      ok: true,
      captured: { value: '17', text: '17' },
    });
    const html = response({ kind: 'text', text: '<input name="csrf" value="t0k3n">' });
    expect(capture(spec({ kind: 'body' }, 'value="([^"]+)"'), html)).toEqual({
      ok: true,
      captured: { value: 't0k3n', text: 't0k3n' },
    });
  });

  it('takes a value from an XML body by XPath-lite', () => {
    const text =
      '<s:list xmlns:s="urn:s" count="2"><s:item id="1">pen</s:item><s:item id="2"><name>ink</name></s:item><etag>"x"</etag></s:list>';
    const parsed = parseXml(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const xml = response({ kind: 'xml', value: parsed.value, text });
    const at = (path: string) => capture(spec({ kind: 'xpath', path }), xml);
    expect(at('/list/@count')).toEqual({ ok: true, captured: { value: '2', text: '2' } });
    expect(at('/list/item[2]/@id')).toEqual({ ok: true, captured: { value: '2', text: '2' } });
    expect(at('/list/item')).toEqual({ ok: true, captured: { value: 'pen', text: 'pen' } });
    expect(at('/list/item[1]/text()')).toEqual({
      ok: true,
      captured: { value: 'pen', text: 'pen' },
    });
    expect(at('//name')).toEqual({ ok: true, captured: { value: 'ink', text: 'ink' } });
    expect(at('/list/*[3]')).toEqual({ ok: true, captured: { value: '"x"', text: '"x"' } });
    expect(at('/list/item[3]')).toEqual({ ok: false, reason: 'nothing at /list/item[3]' });
    expect(capture(spec({ kind: 'body' }, 'count="(\\d)"'), xml)).toEqual({
      ok: true,
      captured: { value: '2', text: '2' },
    });
    expect(capture(spec({ kind: 'json', pointer: '/list/@count' }), xml)).toEqual({
      ok: true,
      captured: { value: '2', text: '2', from: '/list/@count' },
    });
  });
});

describe('XPath-lite', () => {
  it('says what is wrong with a path it does not support', () => {
    expect(parseXPath('list/item')).toMatch(/must start with "\/"/);
    expect(parseXPath('/a/@b/c')).toMatch(/"@b" can only be the last step/);
    expect(parseXPath('/a[0]')).toMatch(/"a\[0\]" is not a step/);
    expect(parseXPath('/a/following-sibling::b')).toMatch(/is not a step/);
    expect(parseXPath('/a/')).toMatch(/empty step/);
    expect(Array.isArray(parseXPath('//a/b[2]/@c'))).toBe(true);
  });

  it('finds nothing rather than throwing on a tree without the path', () => {
    expect(evaluateXPath({ a: 'x' }, '/b')).toBeUndefined();
    expect(evaluateXPath({ a: { b: { '@c': '1' } } }, '/a/b')).toBeUndefined();
  });
});
