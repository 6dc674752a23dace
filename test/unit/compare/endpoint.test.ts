import { describe, expect, it } from 'vitest';
import { endpointOf } from '../../../src/compare/endpoint.js';

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
