// The Lighthouse CI server as its docs start it from code ("createServer"
// of @lhci/server), on PostgreSQL, bound to loopback. Arguments: the
// installed package's folder, the port, the database URL.
const [packageDir, port, sqlConnectionUrl] = process.argv.slice(2);
const { createServer } = require(packageDir);

createServer({
  port: Number(port),
  host: '127.0.0.1',
  logLevel: 'silent',
  storage: { storageMethod: 'sql', sqlDialect: 'postgres', sqlConnectionUrl },
}).then(
  (server) => process.stdout.write(`listening on ${server.port}\n`),
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
