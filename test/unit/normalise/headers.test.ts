import { describe, expect, it } from 'vitest';
import { normaliseContentType, normaliseHeaders } from '../../../src/normalise/headers.js';
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
});
