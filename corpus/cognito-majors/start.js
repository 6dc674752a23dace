// cognito-local 3.23.3 (baseline) vs 5.3.0 (candidate): two majors of one npm
// emulator of Amazon Cognito's user pools API (the AWS JSON protocol: every
// call a POST / with `x-amz-target: AWSCognitoIdentityProviderService.<Op>`),
// each on a fresh data folder (cognito-local keeps its pools in `.cognito/`
// under its working folder). CODE fixes the confirmation code each side
// would otherwise draw (an environment variable its code reads, unlisted in
// its README), so that ConfirmSignUp and ConfirmForgotPassword can be sent.
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
  const v3 = npmInstall('cognito-local-3.23.3', ['cognito-local@3.23.3']);
  const v5 = npmInstall('cognito-local-5.3.0', ['cognito-local@5.3.0']);
  const [p3, p5] = [await freePort(), await freePort()];
  const cli = (dir) => join(dir, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');
  const env = (port) => ({ ...process.env, HOST: '127.0.0.1', PORT: String(port), CODE: '123456' });
  startProcess('cognito3', process.execPath, [cli(v3)], {
    cwd: freshDir('cognito3'),
    env: env(p3),
  });
  startProcess('cognito5', process.execPath, [cli(v5)], {
    cwd: freshDir('cognito5'),
    env: env(p5),
  });
  await waitForHttp(`http://127.0.0.1:${p3}/`, 60_000);
  await waitForHttp(`http://127.0.0.1:${p5}/`, 60_000);
  return {
    baseline: { name: 'cognito-local3', url: `http://127.0.0.1:${p3}` },
    candidate: { name: 'cognito-local5', url: `http://127.0.0.1:${p5}` },
  };
});
