// Child processes of the shadow bench: a script that prints `{"url": …}` as
// its first stdout line, `parity proxy`/`parity shadow` (ready once stderr
// says where it listens), their resident memory read from /proc.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/parity.js', import.meta.url));

/** Starts `node SCRIPT ARGS…`; resolves with its URL and a stop. */
export async function startScript(script, args = []) {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: JSON.parse(first).url,
    pid: child.pid,
    stop: async () => {
      child.stdin.end();
      child.kill();
      await exited;
    },
  };
}

/**
 * Starts `parity ARGS…` (proxy or shadow, `--listen 127.0.0.1:0 --json`) in
 * `cwd`; resolves once it listens, with its URL, its last status line and a
 * stop (SIGTERM: drain, write the reports) that resolves with the exit code.
 */
export async function startParity(args, cwd) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let status;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) status = JSON.parse(line);
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const port = /listening on http:\/\/[^:]+:(\d+)/.exec(stderr)?.[1];
      if (port !== undefined) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`parity exited with ${code}:\n${stderr}`)));
  });
  // `proxy`/`shadow` serve from the process the bin started (threads of its
  // own); a command that starts a process of its own is read through it.
  const command = childOf(child.pid) ?? child.pid;
  return {
    url,
    pid: command,
    /** Every process of the command: the bin's and, when it started one, the command's. */
    pids: command === child.pid ? [child.pid] : [child.pid, command],
    status: () => status,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      return code;
    },
  };
}

/** The first process whose parent is `pid` (Linux /proc); undefined when none (or elsewhere). */
function childOf(pid) {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
    }
  } catch {
    // Not Linux, or the process went away.
  }
  return undefined;
}

/** The resident memory of every process of a started command (`startParity`'s `pids`), summed, in MB. */
export function rssOfMb(pids, field = 'VmRSS') {
  return pids.reduce((sum, pid) => sum + rssMb(pid, field), 0);
}

/** A process's resident memory now (`VmHWM`: its peak so far), in MB (Linux /proc); NaN elsewhere. */
export function rssMb(pid, field = 'VmRSS') {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** A process's CPU seconds so far (user + system, Linux /proc); NaN elsewhere. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
