import { describe, expect, it } from 'vitest';
import {
  addCredentialValues,
  literalSecrets,
  MAX_LITERAL_SECRETS,
} from '../../../../src/core/redact/literal-credentials.js';

describe('literal credentials of case files', () => {
  it('collects credential header and query values, not plain ones', () => {
    const into = new Set<string>();
    addCredentialValues(
      {
        headers: [
          ['Authorization', 'Bearer tok12345'],
          ['x-session-token', 'sess98765'],
          ['x-custom', 'custom-secret'],
          ['accept', 'application/json'],
        ],
        query: [
          ['api_key', 'key55555'],
          ['page', '2'],
        ],
      },
      ['X-Custom'],
      into,
    );
    expect([...into].sort()).toEqual(
      ['Bearer tok12345', 'custom-secret', 'key55555', 'sess98765'].sort(),
    );
  });

  it('splits a scheme, Basic and cookies; skips flow variables, env values and short parts', () => {
    const basic = Buffer.from('user:pa55word').toString('base64');
    const { secrets } = literalSecrets(
      [`Basic ${basic}`, 'Bearer {{token}}', 'Bearer envvalue1', 'a=1; session=s3ss10n', 'ab'],
      new Map([['envvalue1', '${env:E}']]),
    );
    expect([...secrets.keys()].sort()).toEqual(
      [
        `Basic ${basic}`,
        basic,
        'user:pa55word',
        'pa55word',
        'a=1; session=s3ss10n',
        's3ss10n',
      ].sort(),
    );
    expect(new Set(secrets.values())).toEqual(new Set(['[redacted]']));
  });

  it('keeps at most MAX_LITERAL_SECRETS and counts the others', () => {
    const values = Array.from({ length: MAX_LITERAL_SECRETS + 5 }, (_, i) => `token-${i}-abcdef`);
    const { secrets, dropped } = literalSecrets(values, new Map());
    expect(secrets.size).toBe(MAX_LITERAL_SECRETS);
    expect(dropped).toBe(5);
  });
});
