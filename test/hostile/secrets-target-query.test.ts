/**
 * A credential in a target URL's query (`--baseline 'a=http://host/?api_key=…'`)
 * is sent with every request, and kept out of every output as `user:pass@`
 * is: the console's first line, every report, the tracker, even when the
 * server echoes it. Names are recognised as the import recognises them
 * (`core/redact/credential-names.ts`): `api_key`, `access_token`, `sig`, …; a
 * plain parameter (`v=2`) is shown as it is.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';
import { filesUnder } from './helpers.js';

const KEY = 'Qk7mZp2Xw9Lr';
const TOKEN = 'tokT4r9Wq2Zx';

describe('a credential in a target URL query', () => {
  it('is sent, and written nowhere: console, reports, tracker', async () => {
    const server = (side: string) =>
      startServer((req, res) => json(res, 200, { side, url: req.url, echo: `${req.url}` }));
    const [a, b] = await Promise.all([server('a'), server('b')]);
    try {
      const cwd = await tempProject({
        'cases/q.yaml': 'suite: q\ncases:\n  - id: one\n    request: { method: GET, path: /x }\n',
      });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${a.url}/?api_key=${KEY}&v=2`,
        '--candidate',
        `b=${b.url}/?access_token=${TOKEN}`,
      ]);
      expect(run.code, run.stderr).toBe(1);
      // Sent as written.
      expect(a.requests[0]?.url).toContain(`api_key=${KEY}`);
      expect(b.requests[0]?.url).toContain(`access_token=${TOKEN}`);
      const listing = await runCli(cwd, ['tracker', '--all']);
      const outputs: [string, string][] = [
        ...(await filesUnder(cwd)),
        ['stdout', run.stdout],
        ['stderr', run.stderr],
        ['tracker', listing.stdout],
      ];
      const leaks = outputs.flatMap(([where, text]) =>
        [KEY, TOKEN, KEY.toLowerCase(), TOKEN.toLowerCase()]
          .filter((secret) => text.toLowerCase().includes(secret.toLowerCase()))
          .map((secret) => `${where}: ${secret}`),
      );
      expect(leaks).toEqual([]);
      // The first line still says where the targets are, and a plain parameter is kept.
      const first = `${run.stdout}${run.stderr}`.split('\n')[0] ?? '';
      expect(first).toContain('v=2');
      expect(first).toContain(`127.0.0.1:${a.port}`);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
