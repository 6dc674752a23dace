import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../src');
const files = [
  'util/json-pointer.ts',
  ...readdirSync(join(root, 'normalise')).map((f) => `normalise/${f}`),
  ...readdirSync(join(root, 'compare')).map((f) => `compare/${f}`),
].filter((f) => f.endsWith('.ts'));

// The pure core does no I/O: no fs, network, process or console.
const FORBIDDEN = [
  /from ['"](node:)?(fs|fs\/promises|net|http|https|child_process|dns|tls)['"]/,
  /from ['"]undici['"]/,
  /\bprocess\./,
  /\bconsole\./,
];

describe('pure core', () => {
  it.each(files)('%s does no I/O', (file) => {
    const source = readFileSync(join(root, file), 'utf8');
    for (const pattern of FORBIDDEN) expect(source).not.toMatch(pattern);
  });

  it('scans the expected folders', () => {
    expect(files).toContain('compare/delta.ts');
    expect(files).toContain('normalise/body.ts');
  });
});
