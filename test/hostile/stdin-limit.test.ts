/**
 * Standard input has the limit a file has: `parity import curl -` fed more
 * than 256 Mi characters stops reading and refuses (exit 2), never an
 * internal error once the text no longer fits one string.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { bundledBin } from './helpers.js';

it('import curl - refuses standard input past 256 Mi characters', async () => {
  const cwd = await tempProject({});
  const child = spawn(process.execPath, [await bundledBin(), 'import', 'curl', '-'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  child.stdin.on('error', () => undefined);
  for (let sent = 0; sent < 300 && child.exitCode === null && !child.stdin.destroyed; sent++) {
    if (!child.stdin.write(chunk)) {
      await new Promise((resolve) => {
        child.stdin.once('drain', resolve);
        child.once('close', resolve);
      });
    }
  }
  child.stdin.end();
  expect(await done, stderr).toBe(2);
  expect(stderr).toMatch(/standard input: more than 256 Mi characters/);
}, 60_000);
