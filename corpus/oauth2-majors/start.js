// oauth2-mock-server 6.0.1 (baseline, Express 4) vs 8.2.3 (candidate,
// Express 5): two majors of one npm OAuth 2 / OpenID Connect mock server
// (discovery document, JWKS, a token endpoint with four grants, an authorize
// redirect that hands out a code, userinfo, introspection, revocation, end of
// session). Each is started by its own bin on a free 127.0.0.1 port with the
// same signing key: one RSA key drawn here per start and given to both with
// `--jwk`, as a team that compares two mock servers gives them one key, so
// the JWKS is the same on both and only the tokens' times and ids differ.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

/** One private RSA key as a JWK (RS256, with a key id), written into `dir`. */
function writeSigningKey(dir) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    alg: 'RS256',
    use: 'sig',
    kid: `corpus-${randomBytes(4).toString('hex')}`,
  };
  const file = join(dir, 'signing-key.json');
  writeFileSync(file, `${JSON.stringify(jwk)}\n`);
  return file;
}

supervise(async () => {
  const keyFile = writeSigningKey(freshDir('oauth2-key'));
  const start = async (name, version, binFile) => {
    const dir = npmInstall(`oauth2-mock-server-${version}`, [`oauth2-mock-server@${version}`]);
    const bin = join(dir, 'node_modules/oauth2-mock-server/dist', binFile);
    const port = await freePort();
    const cwd = freshDir(name);
    const args = [bin, '-a', '127.0.0.1', '-p', String(port), '--jwk', keyFile];
    startProcess(name, process.execPath, args, { cwd });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/.well-known/openid-configuration`);
    return { name, url };
  };
  return {
    baseline: await start('oauth2-mock-6', '6.0.1', 'oauth2-mock-server.js'),
    candidate: await start('oauth2-mock-8', '8.2.3', 'oauth2-mock-server.mjs'),
  };
});
