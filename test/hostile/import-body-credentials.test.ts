/**
 * `import curl` writes no credential from a request body: a form body
 * (`-d 'user=u&password=…'`) and a JSON body (`{"password": …}`, nested
 * `client_secret`) lose their credential fields, as the header the import
 * writes above every case file promises ("Credentials are never written
 * here"), and the import says which it dropped. A credential the source
 * also wrote elsewhere (a path, a plain query value, a body field) is taken
 * out there too.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { filesUnder } from './helpers.js';

const PASSWORD = 'Pw9xZq7Lm2Kd';
const SECRET = 'cs_4Hq8Wn2Zr6Tp';
const TOKEN = 'rt_8Lm3Xq9Vb1Nc';
const BEARER = 'br7Hq2Zx9Lm4Wp';

const COMMANDS = [
  `curl -X POST http://api.test/login -d 'user=u&password=${PASSWORD}&remember=1'`,
  `curl http://api.test/oauth -H 'content-type: application/json' -d '{"user":"u","password":"${PASSWORD}","client":{"id":"c1","client_secret":"${SECRET}"},"scope":"read"}'`,
  `curl http://api.test/refresh --data-urlencode 'refresh_token=${TOKEN}' --data-urlencode 'grant_type=refresh_token'`,
  // The same credentials elsewhere in other requests: a path, a plain query value, a body field.
  `curl -H 'Authorization: Bearer ${BEARER}' 'http://api.test/sessions/${BEARER}?state=${encodeURIComponent(PASSWORD)}'`,
  `curl http://api.test/audit -H 'content-type: application/json' -d '{"note":"rotated ${TOKEN.toUpperCase()}"}'`,
].join('\n');

describe('import curl and credentials in a request body', () => {
  it('writes none of them, keeps the other fields, and says what it dropped', async () => {
    const cwd = await tempProject({ 'in.sh': `${COMMANDS}\n` });
    const result = await runCli(cwd, ['import', 'curl', 'in.sh']);
    expect(result.code, result.stderr).toBe(0);
    const written = (await filesUnder(`${cwd}/cases`)).map(([, text]) => text).join('\n');
    expect(written).toContain('Credentials are never written here');
    for (const secret of [PASSWORD, SECRET, TOKEN, BEARER]) {
      const lower = written.toLowerCase();
      for (const form of [secret, encodeURIComponent(secret)]) {
        expect(lower.includes(form.toLowerCase()), `${form} written`).toBe(false);
      }
      expect(result.stdout.includes(secret) || result.stderr.includes(secret)).toBe(false);
    }
    // What is not a credential stays.
    expect(written).toContain('remember=1');
    expect(written).toContain('scope');
    expect(written).toContain('c1');
    expect(written).toContain('grant_type=refresh_token');
    expect(`${result.stdout}${result.stderr}`).toMatch(/dropped credentials \([^)]*body password/);
  });
});
