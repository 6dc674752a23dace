/**
 * The package's version, as `parity --version` prints it. It comes from
 * package.json at build time: `scripts/bundle.mjs` (and vitest's config)
 * define `PARITY_VERSION`; code run some other way says `dev`.
 */
declare const PARITY_VERSION: string | undefined;

export const VERSION: string = typeof PARITY_VERSION === 'string' ? PARITY_VERSION : 'dev';
