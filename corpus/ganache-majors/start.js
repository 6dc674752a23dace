// ganache-cli 6.12.2 (baseline, on ganache-core 2) vs ganache 7.9.2
// (candidate, the rewrite in TypeScript under a new package name): two majors
// of one npm server, a local Ethereum node that answers JSON-RPC over HTTP
// (`POST /`: accounts, balances, blocks, transactions, contracts, receipts,
// snapshots). Both are started by their own bin with the same command line a
// team keeps when it moves from 6.x to 7.x (`-d`: the published deterministic
// wallet, so both hold the same ten accounts; `-i 5777`: a fixed network id,
// which otherwise is the start time), on a free 127.0.0.1 port, each a fresh
// process with its chain in memory (nothing is written to disk).
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

supervise(async () => {
  const start = async (name, pkg, version, binFile) => {
    const dir = npmInstall(`${pkg}-${version}`, [`${pkg}@${version}`]);
    const bin = join(dir, 'node_modules', pkg, binFile);
    const port = await freePort();
    const cwd = freshDir(name);
    const args = [bin, '-d', '-i', '5777', '-h', '127.0.0.1', '-p', String(port)];
    startProcess(name, process.execPath, args, { cwd });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(url, 60_000);
    return { name, url };
  };
  return {
    baseline: await start('ganache-cli-6', 'ganache-cli', '6.12.2', 'cli.js'),
    candidate: await start('ganache-7', 'ganache', '7.9.2', 'dist/node/cli.js'),
  };
});
