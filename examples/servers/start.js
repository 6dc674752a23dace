/**
 * Starts one of the two reference servers of the bundled example on a real
 * `node:http` server: `serde` (the Rust/axum-style baseline) or `go` (the
 * Go/net/http-style candidate). Each started server has its own store.
 *
 * As a script: `node examples/servers/start.js serde 3100` prints the URL and
 * serves until interrupted (or, with `PARITY_DEMO_PARENT=1`, until its
 * standard input closes: `parity demo` ending).
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGoHandler } from './go-style.js';
import { createSerdeHandler } from './serde-style.js';

/** @typedef {'serde' | 'go'} Flavor */

/**
 * @typedef {object} RunningServer
 * @property {string} url Base URL, e.g. `http://127.0.0.1:3100`.
 * @property {() => Promise<void>} close Stops listening and drops open connections.
 */

const HANDLERS = { serde: createSerdeHandler, go: createGoHandler };

/**
 * Start a reference server.
 * @param {Flavor} flavor
 * @param {{ port?: number, host?: string }} [options] Port 0 (the default) picks a free port.
 * @returns {Promise<RunningServer>}
 */
export async function startServer(flavor, { port = 0, host = '127.0.0.1' } = {}) {
  const makeHandler = HANDLERS[flavor];
  if (makeHandler === undefined) {
    throw new Error(`unknown server flavor ${JSON.stringify(flavor)}: use "serde" or "go"`);
  }
  const server = createServer(makeHandler());
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

/** @param {readonly string[]} args */
async function main(args) {
  const [flavor, portText = '0', host = '127.0.0.1'] = args;
  if (flavor !== 'serde' && flavor !== 'go') {
    process.stderr.write('usage: node examples/servers/start.js serde|go [PORT] [HOST]\n');
    process.exitCode = 2;
    return;
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`invalid port ${JSON.stringify(portText)}\n`);
    process.exitCode = 2;
    return;
  }
  const running = await startServer(flavor, { port, host });
  process.stdout.write(`${running.url}\n`);
  // Started by `parity demo` (PARITY_DEMO_PARENT=1, standard input a pipe from it): the
  // pipe closes when parity ends, however it ends (a signal before its run
  // listens, a crash), and the server ends with it instead of staying orphaned.
  const watchParent = process.env.PARITY_DEMO_PARENT === '1';
  const stop = () => {
    running.close().catch(() => {});
    // The pipe watched would keep the process alive once the server is closed.
    if (watchParent) process.stdin.destroy();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (watchParent) process.stdin.on('end', stop).on('error', stop).resume();
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
