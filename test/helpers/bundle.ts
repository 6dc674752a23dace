/**
 * The bundled CLI that the tests of the real bin run: bundled once per
 * `vitest run` by ./bundle-setup.ts (each file bundled it itself before, ~3 s
 * each), copied by each test that needs a package of its own.
 */
import { cp } from 'node:fs/promises';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding the bundle of the current sources (`parity.cjs`, `command/`, `vendor/`). */
    parityBundle: string;
  }
}

/** Copies the run's bundle to `dist` (a folder of the caller's own package). */
export async function copyBundle(dist: string): Promise<void> {
  await cp(inject('parityBundle'), dist, { recursive: true });
}
