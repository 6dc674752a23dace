/**
 * `resourceOfEndpoint` keeps what it worked out per endpoint (a bounded memo):
 * whatever it has seen, and past its bound, it answers what the general path
 * (`/` + `collectionOf(endpoint)` joined) answers.
 */
import { describe, expect, it } from 'vitest';
import { collectionOf, resourceOfEndpoint } from '../../../../src/core/compare/endpoint.js';

const general = (endpoint: string) => `/${collectionOf(endpoint).join('/')}`;

describe('resourceOfEndpoint', () => {
  it('answers as the general path, asked again and past its bound', () => {
    const endpoints = ['GET /v1/records/:id', 'POST /v1/records', 'GET /', 'GET /a/:id/b/:id?x=1'];
    for (let n = 0; n < 5000; n++) endpoints.push(`GET /r${n}/:id`);
    for (const round of [1, 2]) {
      for (const endpoint of endpoints) {
        expect(resourceOfEndpoint(endpoint), `${endpoint}, round ${round}`).toBe(general(endpoint));
      }
    }
    expect(resourceOfEndpoint('GET /v1/records/:id')).toBe('/v1/records');
    expect(resourceOfEndpoint('GET /a/:id/b/:id?x=1')).toBe('/a/:id/b');
  });
});
