// Starts bench/servers.js in a child process and returns its two URLs.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../servers.js', import.meta.url));

/** @returns {Promise<{ a: string, b: string, stop: () => void }>} */
export async function startServers() {
  const child = spawn(process.execPath, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  const urls = JSON.parse(first);
  return {
    ...urls,
    stop: () => {
      child.stdin.end();
      child.kill();
    },
  };
}
