/**
 * vitest's global setup for the tests of the real bin: bundles the current
 * sources once per `vitest run` (`scripts/bundle.mjs`, ~3 s) into a temp
 * folder, tells every test file where (`inject('parityBundle')`, see
 * ./bundle.ts) and removes it at the end. The project's dist/ is never touched.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'parity-test-bundle-'));
  const dist = join(dir, 'dist');
  await promisify(execFile)(process.execPath, ['scripts/bundle.mjs', dist], { cwd: ROOT });
  project.provide('parityBundle', dist);
  return () => rm(dir, { recursive: true, force: true });
}
