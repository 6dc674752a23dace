/** The reset command: done when the shell exits, even when what it started keeps its output open. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReset } from '../../../../src/judge/fuzz/reset.js';

async function hook(command: string) {
  const cwd = await mkdtemp(join(tmpdir(), 'parity-reset-'));
  return createReset({ kind: 'command', command }, [], { cwd, env: process.env });
}

describe('--reset-command', () => {
  it('is done when the shell exits, though a server it started in the background holds stderr', async () => {
    const reset = await hook('sleep 8 & echo started');
    const started = Date.now();
    await reset.run();
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('fails with its exit code and last stderr line', async () => {
    const reset = await hook('echo first >&2; echo broken >&2; exit 3');
    await expect(reset.run()).rejects.toThrow(/failed: exit 3: broken/);
  });
});
