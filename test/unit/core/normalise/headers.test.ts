import { describe, expect, it } from 'vitest';
import { normaliseContentType, normaliseHeaders } from '../../../../src/core/normalise/headers.js';
import { rules } from '../compare/fixtures.js';

describe('normaliseHeaders', () => {
  it('keeps only allow-listed headers, by lower-case name', () => {
    const r = rules({ headers: ['content-type', 'Cache-Control'] });
    expect(
      normaliseHeaders(
        { 'content-type': 'application/json', 'cache-control': ' no-store ', date: 'Mon' },
        r,
      ),
    ).toEqual({ 'content-type': 'application/json', 'cache-control': 'no-store' });
  });

  it('canonicalises content-type: case, spaces, quotes and parameter order', () => {
    expect(normaliseContentType('Application/JSON; Charset="UTF-8"')).toBe(
      'application/json;charset=utf-8',
    );
    expect(normaliseContentType('text/plain ; format = flowed;charset=utf-8')).toBe(
      'text/plain;charset=utf-8;format=flowed',
    );
    expect(normaliseContentType('multipart/form-data; boundary="a;b"')).toBe(
      'multipart/form-data;boundary=a;b',
    );
    expect(normaliseContentType('application/json;')).toBe('application/json');
  });

  it('makes equivalent content-types equal and different ones different', () => {
    const r = rules();
    const a = normaliseHeaders({ 'content-type': 'application/json; charset=utf-8' }, r);
    const b = normaliseHeaders({ 'content-type': 'application/json;charset="UTF-8"' }, r);
    const c = normaliseHeaders({ 'content-type': 'application/problem+json' }, r);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('reads an empty list header whose empty list means none as absent, and only those', () => {
    // json-server 0.17 answers `Link: ` (empty) where 1.0 sends no Link: no links either way.
    const r = rules({ headers: ['link', 'vary', 'allow', 'x-total-count'] });
    expect(normaliseHeaders({ link: '', vary: ' , ', allow: '', 'x-total-count': '' }, r)).toEqual({
      allow: '',
      'x-total-count': '',
    });
    expect(normaliseHeaders({ link: '<a>; rel="next"' }, r)).toEqual({ link: '<a>; rel="next"' });
    const all = rules({ allHeaders: { except: [] } });
    expect(normaliseHeaders({ link: ' ', allow: '' }, all)).toEqual({ allow: '' });
  });
});

describe('normaliseHeaders with headers: "*"', () => {
  const response = {
    'content-type': 'text/plain',
    etag: ' "v1" ',
    server: 'static/1',
    'accept-ranges': 'bytes',
    date: 'Mon, 01 Jan 2026 00:00:00 GMT',
    'x-request-id': 'abc',
    connection: 'keep-alive',
    'keep-alive': 'timeout=5',
    'content-length': '12',
    'transfer-encoding': 'chunked',
    via: 'proxy',
  };

  it('keeps every header but framing ones, the volatile list and `except`', () => {
    const r = rules({ allHeaders: { except: ['via'] } });
    expect(normaliseHeaders(response, r)).toEqual({
      'content-type': 'text/plain',
      etag: '"v1"',
      server: 'static/1',
      'accept-ranges': 'bytes',
    });
  });

  it('compares a header the rules list even when it would be excluded', () => {
    const r = rules({ headers: ['content-type', 'date'], allHeaders: { except: [] } });
    expect(normaliseHeaders(response, r)).toHaveProperty('date');
    expect(normaliseHeaders(response, r)).toHaveProperty('via');
  });

  it('follows volatileHeaders: its names are left out too, and false leaves none out', () => {
    const added = rules({ allHeaders: { except: [] }, volatileHeaders: ['date', 'etag'] });
    expect(Object.keys(normaliseHeaders(response, added))).not.toContain('etag');
    const none = rules({ allHeaders: { except: [] }, volatileHeaders: [] });
    expect(Object.keys(normaliseHeaders(response, none))).toContain('date');
    expect(Object.keys(normaliseHeaders(response, none))).not.toContain('connection');
  });
});
