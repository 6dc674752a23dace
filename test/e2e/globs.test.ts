/**
 * Real globs where people write them (issue 46 item 3): `--filter` on case
 * ids and case paths given to a command or in the config, as a shell,
 * `.gitignore` or picomatch reads them. Two libraries of other names.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const STORE = {
  'cases/users/read.yaml': `suite: users
cases:
  - id: get-one
    request: { method: GET, path: /v1/users/1 }
  - id: get-missing
    request: { method: GET, path: /v1/users/999 }
  - id: list
    request: { method: GET, path: /v1/users }
`,
  'cases/users/write.json': JSON.stringify({
    suite: 'users-write',
    cases: [{ id: 'create', request: { method: 'POST', path: '/v1/users', json: { name: 'x' } } }],
  }),
  'cases/orders/orders.yml': `suite: orders
cases:
  - id: get-one
    request: { method: GET, path: /v1/orders/1 }
  - id: list
    request: { method: GET, path: /v1/orders }
`,
  'cases/notes.txt': 'not a case file\n',
};

const FEEDS = {
  'library/feeds/v1/feeds.yaml': `suite: feeds
cases:
  - id: fetch-rss
    request: { method: GET, path: /rss }
  - id: fetch-atom
    request: { method: GET, path: /atom }
  - id: ping
    request: { method: HEAD, path: / }
`,
  'library/feeds/v2/feeds.yaml': `suite: feeds-v2
cases:
  - id: fetch-json
    request: { method: GET, path: /feed.json }
`,
};

async function listed(cwd: string, args: readonly string[]): Promise<string[]> {
  const result = await runCli(cwd, ['run', '--list', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('  ')[0] ?? '');
}

describe('--filter globs on case ids', () => {
  it('keeps * in a segment, ** across, {a,b} and [..], and a bare glob on the last segment', async () => {
    const cwd = await tempProject(STORE);
    expect(await listed(cwd, ['--filter', 'users/*'])).toEqual([
      'users/get-one',
      'users/get-missing',
      'users/list',
    ]);
    expect(await listed(cwd, ['--filter', 'get-*'])).toEqual([
      'orders/get-one',
      'users/get-one',
      'users/get-missing',
    ]);
    expect(await listed(cwd, ['--filter', '{orders,users-write}/*'])).toEqual([
      'orders/get-one',
      'orders/list',
      'users-write/create',
    ]);
    expect(await listed(cwd, ['--filter', '*/get-[a-n]*'])).toEqual(['users/get-missing']);
    expect(await listed(cwd, ['--filter', 'user?/list'])).toEqual(['users/list']);
  });

  it('selects across suites of another library the same way', async () => {
    const cwd = await tempProject(FEEDS);
    const args = ['library', '--filter'];
    expect(await listed(cwd, [...args, 'fetch-{rss,json}'])).toEqual([
      'feeds/fetch-rss',
      'feeds-v2/fetch-json',
    ]);
    expect(await listed(cwd, [...args, 'feeds/*'])).toEqual([
      'feeds/fetch-rss',
      'feeds/fetch-atom',
      'feeds/ping',
    ]);
  });
});

describe('globs in case paths', () => {
  it('reads the case files a glob matches, from the command line and from the config', async () => {
    const cwd = await tempProject(STORE);
    expect(await listed(cwd, ['cases/**/*.yml'])).toEqual(['orders/get-one', 'orders/list']);
    expect(await listed(cwd, ['cases/{orders,users}/*.y*ml'])).toEqual([
      'orders/get-one',
      'orders/list',
      'users/get-one',
      'users/get-missing',
      'users/list',
    ]);
    // A folder a glob matches gives its case files.
    expect(await listed(cwd, ['cases/user*'])).toEqual([
      'users/get-one',
      'users/get-missing',
      'users/list',
      'users-write/create',
    ]);
    const configured = await tempProject({
      ...FEEDS,
      'parity.config.yaml': 'cases: ["library/**/v2/*.yaml"]\n',
    });
    expect(await listed(configured, [])).toEqual(['feeds-v2/fetch-json']);
  });

  it('refuses a glob that matches no case file, naming it, and sends nothing', async () => {
    const cwd = await tempProject(STORE);
    const none = await runCli(cwd, ['validate', 'cases/*.txt']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('cases/*.txt');
    expect(none.stderr).toContain('matches no case file');
    const nowhere = await runCli(cwd, ['validate', 'nowhere/**/*.yaml']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('nowhere does not exist');
  });
});
