/** Credential names by pattern: what an import drops from headers and queries, and what it keeps. */
import { describe, expect, it } from 'vitest';
import { isCredentialName } from '../../../../src/core/redact/credential-names.js';

describe('isCredentialName', () => {
  it.each([
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
    'X-Api-Key',
    'x-session-token',
    'x-access-token',
    'x-goog-api-key',
    'x-amz-security-token',
    'x-auth-token',
    'x-csrf-token',
    'X-XSRF-TOKEN',
    'x-session-id',
    'Ocp-Apim-Subscription-Key',
    'api_key',
    'apikey',
    'access_token',
    'accessToken',
    'refresh_token',
    'token',
    'password',
    'client_secret',
    'aws_access_key_id',
    'oauth_consumer_key',
    'JSESSIONID',
    'csrftoken',
    'X-Amz-Signature',
    'X-Amz-Credential',
    'sig',
  ])('%s holds a credential', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each([
    // About a credential, not one: counts, types, times.
    'x-token-count',
    'token_type',
    'session-timeout',
    'x-auth-expires',
    // Paging cursors.
    'pageToken',
    'nextPageToken',
    'next_token',
    'continuation-token',
    // Plurals and words that merely contain a credential word.
    'max_tokens',
    'author',
    'authority',
    'keyword',
    // Too generic to drop.
    'key',
    'x-tenant',
    'content-type',
    'tags',
  ])('%s is kept', (name) => {
    expect(isCredentialName(name)).toBe(false);
  });
});
