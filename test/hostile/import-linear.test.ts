/**
 * `parity import curl` does work linear in its input: 16,000 POST commands
 * cost about 16 times what 1,000 cost (the CPU time of the child, with a
 * wide margin for a loaded machine; pair-by-pair checks made it 40 times and
 * more), and a signal while it parses ends it at once, writing nothing.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { bundledBin, startBin, until } from './helpers.js';

/** `count` POSTs, each to its own resource. */
function posts(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `curl -X POST http://h/items/${i} -H 'content-type: application/json' -d '{"a":${i}}'\n`;
  }
  return text;
}

/** The child's CPU seconds (user + system) for `import curl in.sh`, or Infinity past `ms`. */
async function cpuOf(count: number, ms: number): Promise<number> {
  const cwd = await tempProject({ 'in.sh': posts(count) });
  const bin = await bundledBin();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'cpu %U %S', process.execPath, bin, 'import', 'curl', 'in.sh'],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), ms);
  await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  const match = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  if (match === null || /Command (terminated|exited with non-zero)/.test(stderr)) {
    return Number.POSITIVE_INFINITY;
  }
  return Number(match[1]) + Number(match[2]);
}

it('16,000 POST commands cost about 16 times 1,000, not 256 times', async () => {
  const small = await cpuOf(1_000, 60_000);
  const large = await cpuOf(16_000, 120_000);
  expect(small).toBeLessThan(Number.POSITIVE_INFINITY);
  // Linear: about 16 less the start-up both share (measured 5); quadratic: 40 and more.
  expect(large / small, `${small} s, then ${large} s`).toBeLessThan(16);
}, 240_000);

it('a SIGINT while it parses 150,000 commands ends it at once, writing nothing', async () => {
  // Far more than a quiet machine parses in the 1.5 s below (16,000 took under a second there):
  // the signal must land while it parses, not after it wrote everything.
  const cwd = await tempProject({ 'in.sh': posts(150_000) });
  const bin = await startBin(['import', 'curl', 'in.sh'], cwd);
  // Once the bin has loaded (its code is read; the file is being parsed).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const sent = Date.now();
  bin.child.kill('SIGINT');
  const killer = setTimeout(() => bin.child.kill('SIGKILL'), 20_000);
  const outcome = await bin.done;
  clearTimeout(killer);
  expect(Date.now() - sent).toBeLessThan(3_000);
  expect(outcome.signal === 'SIGINT' || outcome.code === 130, JSON.stringify(outcome)).toBe(true);
  await until(async () => (await readdir(cwd)).length === 1, 5_000);
  expect(await readdir(cwd)).toEqual(['in.sh']);
}, 60_000);
