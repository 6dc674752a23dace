import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Servers on port 0 and temp dirs keep files independent; 2 cores here.
    pool: 'forks',
  },
});
