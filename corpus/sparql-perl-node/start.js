// The SPARQL 1.1 Protocol (queries over HTTP: SELECT, ASK, CONSTRUCT and
// DESCRIBE by GET and by POST, results in the format the Accept header
// names, the service description), two independent implementations over
// one read-only data file: RDF::Endpoint 0.11 on RDF::Trine's in-memory
// store (baseline; Perl, Debian `librdf-endpoint-perl`, under plackup's
// HTTP::Server::PSGI, `service/endpoint.psgi`) vs Comunica 4.5.0's
// `comunica-sparql-file-http` (candidate; TypeScript, npm, one worker).
// Both load the same Turtle file (library.js), written into a fresh folder;
// neither accepts updates (RDF::Endpoint's are switched off, Comunica's are
// off unless asked for), so every start answers from the same triples.
// Comunica's server listens on every interface: it is started with
// corpus/lib/loopback.cjs preloaded (also into its worker, which inherits
// NODE_OPTIONS), so it binds 127.0.0.1.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aptInstall,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';
import { libraryTurtle } from './library.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  aptInstall(['librdf-endpoint-perl'], ['/usr/share/perl5/RDF/Endpoint.pm', '/usr/bin/plackup']);
  const comunica = npmInstall('comunica-sparql-file-4.5.0', ['@comunica/query-sparql-file@4.5.0']);
  const [pb, pc] = [await freePort(), await freePort()];
  const dir = freshDir('sparql');
  const data = join(dir, 'library.ttl');
  writeFileSync(data, libraryTurtle);

  startProcess(
    'rdf-endpoint',
    '/usr/bin/plackup',
    [
      '-E',
      'deployment',
      '-s',
      'HTTP::Server::PSGI',
      '--host',
      '127.0.0.1',
      '--port',
      String(pb),
      join(here, 'service/endpoint.psgi'),
    ],
    { env: { ...process.env, RDF_ENDPOINT_FILE: data } },
  );
  startProcess(
    'comunica',
    process.execPath,
    [
      join(comunica, 'node_modules/@comunica/query-sparql-file/bin/http.js'),
      '-p',
      String(pc),
      '-w',
      '1',
      data,
    ],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: `--require ${join(here, '../lib/loopback.cjs')}`,
      },
    },
  );
  const b = `http://127.0.0.1:${pb}`;
  const c = `http://127.0.0.1:${pc}`;
  await waitForHttp(`${b}/sparql`, 60_000);
  // Comunica's worker starts listening several seconds after the main
  // process says it runs.
  await waitForHttp(`${c}/sparql`, 90_000);
  return {
    baseline: { name: 'rdf-endpoint-0.11', url: b },
    candidate: { name: 'comunica-4.5.0', url: c },
  };
});
