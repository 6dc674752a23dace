/**
 * Parity as an ordinary vitest test: start (or point at) the two
 * implementations, run a case library with `runLibrary`, and assert on the
 * verdict and the root causes, as you would on any other result. Here the two
 * are the bundled reference servers (a serde-style "Rust" baseline and a
 * Go-style candidate), on free loopback ports; in your project they are your
 * services, and `cases` your library (`parity init` writes a starter).
 *
 * Runs in this repository's `npm test` (vitest.config.ts includes
 * `examples/**\/*.test.ts`); `http-parity` resolves to the package itself.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LibraryRunOptions, runLibrary } from 'http-parity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../servers/start.js';

const VALIDATOR_CASES = join(import.meta.dirname, '../../cases/validator');

describe('the Go rewrite against the Rust service', () => {
  let rust: RunningServer;
  let go: RunningServer;
  let project: string;
  beforeAll(async () => {
    [rust, go] = await Promise.all([startServer('serde'), startServer('go')]);
    // Reports go to <project>/reports; with no `tracker: false` the tracker would be
    // <project>/docs/ARCHITECTURE_COMPARISON.md.
    project = await mkdtemp(join(tmpdir(), 'parity-vitest-example-'));
  });
  afterAll(async () => {
    await Promise.all([rust?.close(), go?.close()]);
  });

  /** The options every test shares: the two targets, the project, no tracker. */
  const options = (): LibraryRunOptions => ({
    cwd: project,
    env: process.env,
    baseline: `rust=${rust.url}`,
    candidate: `go=${go.url}`,
    cases: [VALIDATOR_CASES],
    tracker: false,
  });

  it('accepts a valid record the same way', async () => {
    const run = await runLibrary({ ...options(), filter: ['validator/valid-record'] });
    expect(run.verdict).toEqual({ kind: 'passed' });
    expect(run.report.summary).toMatchObject({ cases: 1, equal: 1 });
  });

  it('answers validation errors with the same status but another shape', async () => {
    const run = await runLibrary(options());
    // 6/6 status codes equal, 5/6 bodies divergent: what a status check cannot see.
    expect(run.report.summary.statusParity).toEqual({ equal: 6, total: 6 });
    expect(run.report.summary.divergent).toBe(5);
    // One root cause explains all five: name it, so a new one fails the test.
    expect(run.report.rootCauses?.map((cause) => cause.summary)).toEqual([
      'externally tagged enum vs `Kind` discriminator',
    ]);
    expect(run.verdict.kind).toBe('failing');
    // Every format was written for a person to read: report.md, report.html, junit.xml.
    expect(run.written.failures).toEqual([]);
  });
});
