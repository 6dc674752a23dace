import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// As the bundle does (scripts/bundle.mjs): `parity --version` prints package.json's version.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { PARITY_VERSION: JSON.stringify(version) },
  test: {
    // examples/vitest: the API example runs as a test of its own (docs/api.md).
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Servers on port 0 and temp dirs keep files independent; 2 cores here.
    pool: 'forks',
  },
});
