/**
 * `parity import curl|har|openapi|postman` on the checked-in samples under
 * examples/: the case files written validate, read well, and run against the
 * two bundled example servers.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../examples/servers/start.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer as startTestServer } from '../helpers/http.js';

const ROOT = join(import.meta.dirname, '../..');

async function project(): Promise<string> {
  const cwd = await tempProject();
  await cp(join(ROOT, 'examples'), join(cwd, 'examples'), { recursive: true });
  return cwd;
}

describe('parity import', () => {
  const servers: { url: string; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    servers.push(await startServer('serde'), await startServer('go'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  /** Validates the imported cases and runs them against both example servers. */
  async function validateAndRun(cwd: string, cases: string) {
    const validate = await runCli(cwd, ['validate', cases]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const [serde, go] = servers;
    const run = await runCli(cwd, [
      'run',
      cases,
      '--baseline',
      `rust=${serde?.url}`,
      '--candidate',
      `go=${go?.url}`,
      '--no-tracker',
    ]);
    expect([0, 1]).toContain(run.code);
    const report = await latestReport(cwd);
    expect(report.summary.errors).toBe(0);
    return report;
  }

  it.each([
    ['curl', 'examples/import/chrome.curl.sh', 3],
    ['har', 'examples/import/session.har', 7],
    ['postman', 'examples/import/records.postman_collection.json', 5],
    ['openapi', 'examples/openapi.yaml', 8],
    ['openapi', 'examples/swagger2.yaml', 4],
  ])('%s %s: writes case files that validate and run', async (kind, input, cases) => {
    const cwd = await project();
    const imported = await runCli(cwd, ['import', kind, input]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^imported \d+ request\(s\) into \d+ case file\(s\)/);
    expect(imported.stdout).toContain('next: parity validate cases/imported');
    const report = await validateAndRun(cwd, 'cases/imported');
    expect(report.summary.cases).toBe(cases);
  });

  it('suggests the whole next command: no target flags when the config names both targets', async () => {
    const cwd = await project();
    const bare = await runCli(cwd, ['import', 'curl', 'examples/import/chrome.curl.sh']);
    expect(bare.stdout).toMatch(
      /parity run cases\/imported --baseline old=\S+ --candidate new=URL\n/,
    );
    const [serde, go] = servers;
    await writeFile(
      join(cwd, 'parity.config.yaml'),
      `targets:\n  rust: { url: "${serde?.url}" }\n  go: { url: "${go?.url}" }\nbaseline: rust\ncandidate: go\n`,
    );
    const configured = await runCli(cwd, [
      'import',
      'curl',
      'examples/import/chrome.curl.sh',
      '--force',
    ]);
    expect(configured.stdout).toContain('      parity run cases/imported\n');
    const run = await runCli(cwd, ['run', 'cases/imported', '--no-tracker']);
    expect([0, 1], run.stderr).toContain(run.code);
  });

  it('curl: the Chrome copy loses its cookies, credentials and browser headers, keeps the body', async () => {
    const cwd = await project();
    const imported = await runCli(cwd, ['import', 'curl', 'examples/import/chrome.curl.sh']);
    expect(imported.stdout).toContain(
      'note: dropped credentials (authorization, cookie): set them per target in parity.config.yaml',
    );
    const validate = await readFile(join(cwd, 'cases/imported/validate.yaml'), 'utf8');
    expect(
      validate,
    ).toBe(`# Imported by \`parity import curl\` from examples/import/chrome.curl.sh. An ordinary case file: edit it freely.
# Each case says where it came from. Credentials are never written here: set them per
# target in parity.config.yaml (targets.<name>.headers), with \${env:NAME} for secrets.

suite: validate
cases:
  # from curl command 2 (line 14), sent to http://127.0.0.1:3100
  - id: post-v1-validate
    request:
      method: POST
      path: /v1/validate
      headers:
        accept: "*/*"
        content-type: application/json
        origin: http://127.0.0.1:3100
      json:
        record:
          name: O'Hara
          age: 200
`);
    const records = await readFile(join(cwd, 'cases/imported/records.yaml'), 'utf8');
    expect(records).toContain('query: { tag: admin, limit: "2" }');
    expect(records).not.toMatch(/session=|cookie|user-agent|sec-/i);
  });

  it('curl from standard input', async () => {
    const cwd = await tempProject();
    let stdout = '';
    const { main } = await import('../../src/cli/main.js');
    const code = await main(['import', 'curl', '--out', 'cases'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: { NO_COLOR: '1' },
      cwd,
      stdin: async () => "curl 'http://127.0.0.1:9/health'",
    });
    expect(code).toBe(0);
    expect(stdout).toContain('wrote cases/health.yaml (1 case(s))');
    expect(stdout).toContain('--baseline old=http://127.0.0.1:9');
  });

  it('postman: folders become files, variables resolve, disabled parts and auth are left out', async () => {
    const cwd = await project();
    const imported = await runCli(cwd, [
      'import',
      'postman',
      'examples/import/records.postman_collection.json',
      '--var',
      'recordId=3',
    ]);
    expect(imported.stdout).toContain('wrote cases/imported/records-api.yaml (1 case(s))');
    expect(imported.stdout).toContain('wrote cases/imported/records.yaml (3 case(s))');
    expect(imported.stdout).toContain('wrote cases/imported/validate.yaml (1 case(s))');
    expect(imported.stdout).toContain(
      'note: 5 Postman items use bearer auth (set on the collection): set the credentials per target',
    );
    const records = await readFile(join(cwd, 'cases/imported/records.yaml'), 'utf8');
    expect(records).toContain(
      '# from Postman item "Records / Get one", sent to http://127.0.0.1:3100',
    );
    expect(records).toContain('path: /v1/records/3');
    expect(records).toContain('query: { tag: admin, limit: "5" }');
    expect(records).not.toMatch(/debug/i);
    expect(records).toContain(
      'description: Creates a record; both runtimes answer 201 with a location.',
    );
  });

  it('openapi: lists the operations that got no case (none here) and one case per example', async () => {
    const cwd = await project();
    const imported = await runCli(cwd, ['import', 'openapi', 'examples/openapi.yaml']);
    expect(imported.stdout).toContain('every operation of the document has a case');
    const validate = await readFile(join(cwd, 'cases/imported/validate.yaml'), 'utf8');
    expect(validate.match(/- id: /g)).toHaveLength(3);
    expect(validate).toContain('- id: validate-record-age-too-high');
    expect(validate).toContain('description: an age outside 0..150');
  });

  it('har: --host and --method filter entries and say what they left out', async () => {
    const cwd = await project();
    const imported = await runCli(cwd, [
      'import',
      'har',
      'examples/import/session.har',
      '--method',
      'post',
    ]);
    expect(imported.stdout).toContain('note: left out 5 entries of other methods (GET)');
    const other = await runCli(cwd, [
      'import',
      'har',
      'examples/import/session.har',
      '--host',
      'example.com',
      '--out',
      'x',
    ]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('left out 7 entries to other hosts (127.0.0.1:3100)');
    expect(other.stderr).toContain('nothing to import');
  });

  it('gives a suite name taken elsewhere in the library the import kind, so the library still validates', async () => {
    const cwd = await project();
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    await runCli(cwd, ['import', 'openapi', 'examples/openapi.yaml', '--out', 'cases/a']);
    await runCli(cwd, ['import', 'openapi', 'examples/swagger2.yaml', '--out', 'cases/b']);
    expect(await readFile(join(cwd, 'cases/a/records.yaml'), 'utf8')).toContain(
      '\nsuite: records-openapi\n',
    );
    expect(await readFile(join(cwd, 'cases/b/records.yaml'), 'utf8')).toContain(
      '\nsuite: records-openapi-2\n',
    );
    const validate = await runCli(cwd, ['validate']);
    expect(validate.stdout).toBe('ok: 6 file(s), 26 case(s), no problems\n');
    // Replaced with --force, a file keeps its own suite name.
    await runCli(cwd, [
      'import',
      'openapi',
      'examples/openapi.yaml',
      '--out',
      'cases/a',
      '--force',
    ]);
    expect(await readFile(join(cwd, 'cases/a/records.yaml'), 'utf8')).toContain(
      '\nsuite: records-openapi\n',
    );
  });

  it('never overwrites a file without --force, and writes nothing then', async () => {
    const cwd = await project();
    await runCli(cwd, ['import', 'openapi', 'examples/openapi.yaml']);
    await writeFile(join(cwd, 'cases/imported/health.yaml'), '# mine\n');
    const again = await runCli(cwd, ['import', 'openapi', 'examples/openapi.yaml']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      '3 files already exist (cases/imported/health.yaml, cases/imported/validate.yaml, cases/imported/records.yaml); nothing was written (pass --force to replace, or --out DIR)',
    );
    expect(await readFile(join(cwd, 'cases/imported/health.yaml'), 'utf8')).toBe('# mine\n');
    const forced = await runCli(cwd, ['import', 'openapi', 'examples/openapi.yaml', '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(cwd, 'cases/imported/health.yaml'), 'utf8')).toContain(
      'suite: health',
    );
  });

  it('refuses a broken HAR at its line and field, and options of another kind', async () => {
    const cwd = await tempProject({
      'bad.har':
        '{\n  "log": {\n    "entries": [\n      { "request": { "method": "GET", "headers": [] } }\n    ]\n  }\n}\n',
    });
    const bad = await runCli(cwd, ['import', 'har', 'bad.har']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.har:4:20: log.entries[0].request.url is required');
    expect(bad.stderr).toContain('parity: 1 problem(s); nothing was written\n');
    await writeFile(
      join(cwd, 'bad.json'),
      '{\n  "info": { "name": "x" },\n  "item": [{ "name": 7 }]\n}\n',
    );
    const postman = await runCli(cwd, ['import', 'postman', 'bad.json']);
    expect(postman.code).toBe(2);
    expect(postman.stderr).toMatch(/^bad\.json:3:22: item\[0\]\.name /m);
    const wrong = await runCli(cwd, ['import', 'curl', 'x.sh', '--host', 'a']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--host and --method filter HAR entries');
    const unknown = await runCli(cwd, ['import', 'wsdl', 'x']);
    expect(unknown.stderr).toContain('import what? name one of curl, har, openapi, postman');
  });

  it('sends what the source sent, byte for byte: JSON numbers and keys, the query string', async () => {
    const cwd = await tempProject({
      'calls.sh': [
        `curl 'http://127.0.0.1:9/s?q=a%20b&flag&tags=a,b&api_key=k' -H 'Content-Type: application/json' --data-raw '{"n":1.0,"e":1e3,"neg":-0,"dup":1,"dup":2}'`,
        `curl --data-binary @payload.json -H 'Content-Type: application/json' http://127.0.0.1:9/upload`,
        `curl -X PATCH 'http://127.0.0.1:9/pretty' -H 'Content-Type: application/json' -d '{ "a": 1 }'`,
      ].join('\n'),
      'c.postman_collection.json': JSON.stringify({
        info: { name: 'c' },
        item: [
          {
            name: 'price',
            request: {
              method: 'PUT',
              url: 'http://127.0.0.1:9/price',
              body: { mode: 'raw', raw: '{"price":10.50}', options: { raw: { language: 'json' } } },
            },
          },
          {
            name: 'gql',
            request: {
              method: 'POST',
              url: 'http://127.0.0.1:9/gql',
              body: { mode: 'graphql', graphql: { query: '{ a }', variables: '{"n": 1}' } },
            },
          },
        ],
      }),
    });
    const curl = await runCli(cwd, ['import', 'curl', 'calls.sh', '--out', 'cases/curl']);
    expect(curl.stdout).toContain('imported 3 request(s) into 3 case file(s)');
    expect(curl.stdout).toContain('note: dropped credentials (query api_key)');
    const postman = await runCli(cwd, [
      'import',
      'postman',
      'c.postman_collection.json',
      '--out',
      'cases/pm',
    ]);
    expect(postman.code).toBe(0);
    const seen = await Promise.all(
      [0, 1].map(() =>
        startTestServer((_, res) => {
          res.end('ok');
        }),
      ),
    );
    try {
      const [a, b] = seen;
      const run = await runCli(cwd, [
        'run',
        'cases',
        '--baseline',
        `a=${a?.url}`,
        '--candidate',
        `b=${b?.url}`,
        '--no-tracker',
      ]);
      expect(run.stderr).toBe('');
      for (const server of seen) {
        const got = server.requests.map((r) => [r.method, r.url, r.body]).sort();
        expect(got).toEqual(
          [
            ['POST', '/s?q=a%20b&flag&tags=a,b', '{"n":1.0,"e":1e3,"neg":-0,"dup":1,"dup":2}'],
            ['POST', '/upload', ''],
            ['PATCH', '/pretty', '{"a":1}'],
            ['PUT', '/price', '{"price":10.50}'],
            ['POST', '/gql', '{"query":"{ a }","variables":{"n":1}}'],
          ].sort(),
        );
      }
    } finally {
      await Promise.all(seen.map((s) => s.close()));
    }
  });
});
