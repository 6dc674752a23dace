// The HTTP tracker of the npm package bittorrent-tracker (9.x or 11.x: the
// same script serves both majors), started as its
// README's "Server" section starts one: HTTP only here (no UDP, no
// WebSocket), its statistics page on, bound to 127.0.0.1.
// Usage: node host.mjs <install folder> <port>
// (Its CLI, bin/cmd.js, loads the package's client too, whose WebRTC module
// is native code that npm cannot build offline; the server alone loads none.)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, port] = process.argv.slice(2);
const mod = await import(
  pathToFileURL(join(dir, 'node_modules/bittorrent-tracker/server.js')).href
);
const Server = mod.default;
const server = new Server({ http: true, udp: false, ws: false, stats: true });
server.on('error', (err) => {
  process.stderr.write(`tracker error: ${err.message}\n`);
  process.exit(1);
});
server.on('warning', (err) => process.stderr.write(`tracker warning: ${err.message}\n`));
server.listen(Number(port), '127.0.0.1');
