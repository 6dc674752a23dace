// node-soap 0.45.0 (baseline) vs 1.13.0 (candidate): two majors of one npm
// SOAP server library hosting the same service, an order desk described by
// one WSDL (document/literal, SOAP 1.1: create, get, list and cancel orders,
// kept in memory, refusals as SOAP faults). `service/host.cjs` is the app a
// team writes around node-soap's `soap.listen`; each side runs that same file
// on its own install of the package, on a free loopback port, at `/orders`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const host = join(dirname(fileURLToPath(import.meta.url)), 'service', 'host.cjs');

supervise(async () => {
  const start = async (name, version) => {
    const dir = npmInstall(`soap-${version}`, [`soap@${version}`]);
    const port = await freePort();
    startProcess(name, process.execPath, [host, join(dir, 'node_modules/soap'), String(port)]);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/orders?wsdl`);
    return { name, url };
  };
  return {
    baseline: await start('soap-0.31', '0.31.0'),
    candidate: await start('soap-1.13', '1.13.0'),
  };
});
