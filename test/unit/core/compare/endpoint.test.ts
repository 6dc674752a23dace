import { describe, expect, it } from 'vitest';
import { endpointOf } from '../../../../src/core/compare/endpoint.js';

describe('endpointOf', () => {
  it('collapses id-like segments to :id', () => {
    expect(endpointOf('GET', '/v1/records/42')).toBe('GET /v1/records/:id');
    expect(endpointOf('GET', '/v1/records/3f2504e0-4f89-11d3-9a0c-0305e82c3301/items/7')).toBe(
      'GET /v1/records/:id/items/:id',
    );
    expect(endpointOf('DELETE', '/objects/507f1f77bcf86cd799439011')).toBe('DELETE /objects/:id');
    expect(endpointOf('GET', '/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('GET /runs/:id');
  });

  it('keeps ordinary segments and drops the query string', () => {
    expect(endpointOf('POST', '/v1/validate?strict=1')).toBe('POST /v1/validate');
    expect(endpointOf('GET', '/v2/users/me/abcdef')).toBe('GET /v2/users/me/abcdef');
    expect(endpointOf('GET', '/')).toBe('GET /');
  });

  it("names a flow step's variable segments, and keeps the method as written (methods are case-sensitive)", () => {
    expect(endpointOf('GET', '/v1/notes/{{id}}/tags/{{ tag }}')).toBe(
      'GET /v1/notes/:id/tags/:tag',
    );
    expect(endpointOf('GET', '/v1/notes/n-{{id}}')).toBe('GET /v1/notes/n-{{id}}');
    expect(endpointOf('PROPFIND', '/dav/')).toBe('PROPFIND /dav/');
    expect(endpointOf('purge', '/cache/7')).toBe('purge /cache/:id');
  });
});

describe('endpointOf: numbers in any spelling are ids', () => {
  it('takes a signed, zero-padded, fractional, exponent or hex id for an id', () => {
    for (const id of [
      '+1',
      '-1',
      '01',
      '007',
      '1e3',
      '1E+2',
      '2e-5',
      '1.5',
      '1.0',
      '.5',
      '1.',
      '0x1f',
      '-0X1',
    ]) {
      expect(endpointOf('GET', `/v1/records/${id}`), id).toBe('GET /v1/records/:id');
    }
  });

  it('reads a percent-encoded number as the number it encodes', () => {
    expect(endpointOf('GET', '/v1/records/%2B3')).toBe('GET /v1/records/:id');
    expect(endpointOf('GET', '/v1/records/%31')).toBe('GET /v1/records/:id');
    expect(endpointOf('GET', '/v1/records/%2F')).toBe('GET /v1/records/%2F');
    expect(endpointOf('GET', '/v1/records/%E0%A4%A')).toBe('GET /v1/records/%E0%A4%A');
  });

  it('makes the mutated ids of one record one endpoint (one tracker row)', () => {
    const ids = ['1001', '+1', '+3', '01', '-1', '1e3'];
    expect(new Set(ids.map((id) => endpointOf('GET', `/v1/records/${id}`))).size).toBe(1);
  });

  it('keeps segments that only contain numbers, or are not numbers at all', () => {
    for (const segment of [
      'v1',
      'v1.2',
      '2024-01-15',
      '1-2',
      '1a',
      'e3',
      '0x',
      '+',
      '-',
      '.',
      '..',
      '1_000',
      'NaN',
      'Infinity',
      'me',
      'x1',
    ]) {
      expect(endpointOf('GET', `/api/${segment}/items`), segment).toBe(`GET /api/${segment}/items`);
    }
  });
});

describe('endpointOf: release versions are ids', () => {
  it('takes `1.0.0`, `v2.10.3-rc.1` and `1.2.3+b5` for one version among many', () => {
    for (const version of ['1.0.0', 'v2.10.3-rc.1', '1.2.3+b5', '10.0.0.1']) {
      expect(endpointOf('GET', `/pkg/${version}`), version).toBe('GET /pkg/:id');
    }
    expect(endpointOf('GET', '/pkg/versions/1.0.0/dist')).toBe('GET /pkg/versions/:id/dist');
  });

  it('keeps API versions, dates-as-words and dotted names as they are', () => {
    expect(endpointOf('GET', '/v1/records')).toBe('GET /v1/records');
    expect(endpointOf('GET', '/v2.1/records')).toBe('GET /v2.1/records');
    expect(endpointOf('GET', '/files/report.1.2.txt')).toBe('GET /files/report.1.2.txt');
    expect(endpointOf('GET', '/pkg/-/pkg-1.0.0.tgz')).toBe('GET /pkg/-/pkg-1.0.0.tgz');
  });
});
