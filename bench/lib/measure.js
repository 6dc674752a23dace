// Small helpers shared by the scenarios: timing a child process, reading its
// last JSON line, and formatting numbers.
import { spawn } from 'node:child_process';

/**
 * Runs a command to completion.
 * @returns {Promise<{ code: number | null, ms: number, stdout: string, stderr: string }>}
 */
export function runProcess(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, ms: performance.now() - started, stdout, stderr }),
    );
  });
}

/** The last line of `text` that parses as JSON. */
export function lastJson(text) {
  const lines = text.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      return JSON.parse(line);
    } catch {
      // not the JSON line
    }
  }
  throw new Error(`no JSON line in output:\n${text.slice(-2000)}`);
}

export const fmt = (n, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : String(n);
