// CPU seconds (user + system) of a whole child process, as the OS accounts
// them once it has ended: the command runs under `bash -c '…; times'`, whose
// second line is the user and system time of the shell's finished children
// (millisecond resolution; /usr/bin/time rounds to 10 ms). Wall time is taken
// around it, and peak RSS is not (see memory.js for that).
import { spawn } from 'node:child_process';

const seconds = (text) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(text);
  return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
};

/**
 * Runs `command args` to completion, its stdout kept, its stderr kept.
 * @returns {Promise<{ code: number, cpu: number, user: number, sys: number, wall: number, stdout: string, stderr: string }>}
 */
export function cpuOf(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The command's stdout goes to fd 3 so that `times` has fd 1 to itself.
    const child = spawn(
      'bash',
      ['-c', '"$@" 1>&3; code=$?; times; exit $code', 'cpu', command, ...args],
      { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], ...options },
    );
    let times = '';
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      times += c;
    });
    child.stdio[3].on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      const [user, sys] = (times.trim().split('\n')[1] ?? '').split(/\s+/).map(seconds);
      if (!Number.isFinite(user) || !Number.isFinite(sys)) {
        reject(new Error(`no CPU times for ${command}: ${times}${stderr.slice(-500)}`));
        return;
      }
      resolve({ code: code ?? -1, cpu: user + sys, user, sys, wall, stdout, stderr });
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
const binomialAtMost = (n, k) => {
  let term = 1; // C(n, 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum / 2 ** n;
};

/**
 * The interval the true median of the rounds' figure lies in, from the
 * rounds alone (distribution-free: the order statistics of the sorted
 * values, the binomial with p = 1/2): the narrowest pair of order statistics
 * x(k)…x(n+1−k) whose coverage is at least `level`, or, when no pair reaches
 * it (few rounds), the widest one (lowest…highest) with its own coverage.
 * How far a median of this many noisy rounds can be trusted, read off the
 * rounds themselves: a goal inside the interval is within the noise.
 * @returns {{ low: number, high: number, coverage: number }}
 */
export function medianInterval(values, level = 0.95) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 1;
  while (k + 1 <= n + 1 - (k + 1) && 1 - 2 * binomialAtMost(n, k) >= level) k++;
  return { low: sorted[k - 1], high: sorted[n - k], coverage: 1 - 2 * binomialAtMost(n, k - 1) };
}

/**
 * Paired rounds: `a` then `b` (their order alternating round by round), the
 * ratio a/b taken pair by pair; returns every pair's figures, the ratios, their
 * median and their spread (lowest, highest).
 */
export async function paired(rounds, a, b, figure = (r) => r.cpu) {
  const pairs = [];
  for (let round = 0; round < rounds; round++) {
    let x;
    let y;
    if (round % 2 === 0) {
      x = await a(round);
      y = await b(round);
    } else {
      y = await b(round);
      x = await a(round);
    }
    pairs.push({ a: x, b: y, ratio: figure(x) / figure(y) });
  }
  const ratios = pairs.map((p) => p.ratio);
  return {
    pairs,
    ratios,
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
  };
}
