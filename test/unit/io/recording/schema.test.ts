import { describe, expect, it } from 'vitest';
import { entrySchema } from '../../../../src/io/recording/schema.js';

const entry = (status: number) => ({
  schemaVersion: 1,
  caseId: 's/c',
  recordedAt: '2026-11-24T00:00:00Z',
  request: { method: 'GET', path: '/x', digest: 'd' },
  response: { status, headers: {}, durationMs: 1, wireBytes: 0, body: { kind: 'empty' } },
});

describe('a recorded entry', () => {
  it('holds an HTTP status (100–599), as an answer over the wire can', () => {
    expect(entrySchema.safeParse(entry(200)).success).toBe(true);
    for (const status of [99999, 0, 99, 600, -1]) {
      expect(entrySchema.safeParse(entry(status)).success, String(status)).toBe(false);
    }
  });
});
