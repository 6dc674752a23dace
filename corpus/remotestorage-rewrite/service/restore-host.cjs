// reStore as its README starts it: a FileTree store on a fresh folder,
// sign-up allowed, HTTP only, bound to 127.0.0.1.
// Usage: node restore-host.cjs INSTALL_DIR STORAGE_DIR PORT
//
// reStore 0.3.0 (2015) calls crypto.pbkdf2 without a digest, which Node
// before 6 took as SHA-1 and Node 8 and later refuse (every sign-up and
// sign-in would be a 500): that default is given back here, and nothing
// else is changed.
const crypto = require('node:crypto');
const { join } = require('node:path');

const pbkdf2 = crypto.pbkdf2;
crypto.pbkdf2 = function pbkdf2WithNode4Default(
  password,
  salt,
  iterations,
  keylen,
  digest,
  callback,
) {
  if (typeof digest === 'function')
    return pbkdf2(password, salt, iterations, keylen, 'sha1', digest);
  return pbkdf2(password, salt, iterations, keylen, digest, callback);
};

const [installDir, storageDir, port] = process.argv.slice(2);
const reStore = require(join(installDir, 'node_modules/restore'));

const store = new reStore.FileTree({ path: storageDir });
const server = new reStore({
  store,
  http: { host: '127.0.0.1', port: Number(port) },
  allow: { signup: true },
});
server.boot();
