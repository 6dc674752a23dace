import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/helpers/sequencer.js';

// As the bundle does (scripts/bundle.mjs): `parity --version` prints package.json's version.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { PARITY_VERSION: JSON.stringify(version) },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Servers on port 0 and temp dirs keep files independent.
    pool: 'forks',
    // vitest's default for `run` is one worker less than the cores: one worker
    // on a 2-core machine, which leaves a core idle while a test waits on a
    // server or a child process (most of the suite). Two at least; with more
    // cores, vitest's default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirst },
    // Files share a worker process, one file after another (no fresh process
    // and no fresh module graph per file): a process per file loaded vitest
    // and ~300 modules of src/ again for each of ~145 files, which was about
    // two thirds of the CPU of a file that runs the CLI in-process. No test
    // changes what the next file sees: none assigns process.env, changes
    // directory, mocks a module, fakes timers or listens for a signal in its
    // own process (the CLI runs in-process through `main`, whose process is
    // passed in: src/cli/io.ts); what touches a process does it in a child.
    isolate: false,
    // One project: the unit files and the files that start servers and
    // processes share the same workers, so each worker loads src/ once, and
    // vite transforms each module once (two projects, `unit` and `processes`,
    // did both twice: 17 s of the suite's ~215 s of CPU).
    // examples/vitest: the API example runs as a test of its own (docs/api.md).
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // The bundled CLI that the tests of the real bin copy (bundled once per run).
    globalSetup: ['test/helpers/bundle-setup.ts'],
  },
});
