/**
 * Every reader has a bounded depth and size: each input path gets a file
 * nested near its reader's limit (it must be read: no exit 4, no stack
 * overflow), one nested 5,000 levels (refused at its position, exit 2), and
 * one far larger than any real such file (refused before a byte is read,
 * exit 2). Files are built as text (a 5,000-deep value cannot go through
 * JSON.stringify) and the large ones are sparse (no disk used).
 */
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const CASES = 'suite: s\ncases:\n  - id: c\n    request: { method: GET, path: /x }\n';
const POSTMAN = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** `[[[…]]]`, `depth` levels. */
const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** `{"a":{"a":…1}}`, `depth` levels. */
const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** Block YAML mappings, `depth` levels, each indented under the last, from `indent`. */
const blockYaml = (depth: number, indent: number) =>
  Array.from({ length: depth }, (_, i) => `${' '.repeat(indent + i)}a:`).join('\n') + ' 1\n';

/** Postman folders `depth` deep around one request. */
const folders = (depth: number) =>
  `{"info":{"name":"x","schema":"${POSTMAN}"},"item":[${'{"name":"f","item":['.repeat(depth)}{"name":"r","request":{"method":"GET","url":"http://h/x"}}${']}'.repeat(depth)}]}`;
/** An OpenAPI document whose request schema nests `depth` objects. */
const openapi = (depth: number) => {
  const schema = `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${'}}'.repeat(depth)}`;
  return `{"openapi":"3.0.0","info":{"title":"x","version":"1"},"paths":{"/x":{"post":{"requestBody":{"content":{"application/json":{"schema":${schema}}}},"responses":{"200":{"description":"ok"}}}}}}`;
};
const har = (body: string) =>
  `{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[{"startedDateTime":"2024-01-01T00:00:00Z","time":1,"request":{"method":"POST","url":"http://h/x","httpVersion":"HTTP/1.1","headers":[{"name":"content-type","value":"application/json"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":-1,"postData":{"mimeType":"application/json","text":${JSON.stringify(body)}}},"response":{"status":200,"statusText":"","httpVersion":"HTTP/1.1","headers":[],"cookies":[],"content":{"size":0,"mimeType":"text/plain"},"redirectURL":"","headersSize":-1,"bodySize":-1},"cache":{},"timings":{"send":0,"wait":0,"receive":0}}]}}`;
const postmanBody = (body: string) =>
  `{"info":{"name":"x","schema":"${POSTMAN}"},"item":[{"name":"r","request":{"method":"POST","url":"http://h/x","header":[{"key":"content-type","value":"application/json"}],"body":{"mode":"raw","raw":${JSON.stringify(body)}}}}]}`;

/** One input path: the files it needs for a depth, and the command that reads them. */
interface Input {
  readonly name: string;
  /** The file whose depth is raised (for the size check, made sparse and huge). */
  readonly file: string;
  readonly text: (depth: number) => string;
  readonly argv: (url: string) => string[];
  readonly more?: Record<string, string>;
  /** The reader's own limit (levels of the whole file). */
  readonly limit: number;
  /** What a file past the limit gives instead of a refusal (an import keeps a deep body as text). */
  readonly deep?: 'kept';
}

const run = (url: string, ...more: string[]) => [
  'run',
  '--baseline',
  `a=${url}`,
  '--candidate',
  `b=${url}`,
  '--no-tracker',
  ...more,
];

const INPUTS: Input[] = [
  {
    name: 'case file (YAML, flow)',
    file: 'cases/s.yaml',
    text: (d) =>
      `suite: s\ncases:\n  - id: c\n    request: { method: POST, path: /x, json: ${arrays(d - 4)} }\n`,
    argv: () => ['validate'],
    limit: 256,
  },
  {
    name: 'case file (YAML, block)',
    file: 'cases/s.yaml',
    text: (d) =>
      `suite: s\ncases:\n  - id: c\n    request:\n      method: POST\n      path: /x\n      json:\n${blockYaml(Math.min(d, 2_000) - 4, 8)}`,
    argv: () => ['validate'],
    limit: 256,
  },
  {
    name: 'case file (JSON)',
    file: 'cases/s.json',
    text: (d) =>
      `{"suite":"s","cases":[{"id":"c","request":{"method":"POST","path":"/x","json":${objects(d - 4)}}}]}`,
    argv: () => ['validate'],
    limit: 256,
  },
  {
    name: 'config (YAML)',
    file: 'parity.config.yaml',
    text: (d) => `rules:\n  ignore: ${arrays(d - 2)}\n`,
    argv: () => ['validate'],
    more: { 'cases/s.yaml': CASES },
    limit: 256,
  },
  {
    name: 'config (JSON)',
    file: 'parity.config.json',
    text: (d) => `{"rules":{"ignore":${arrays(d - 2)}}}`,
    argv: () => ['validate'],
    more: { 'cases/s.yaml': CASES },
    limit: 256,
  },
  {
    name: 'import postman (folders)',
    file: 'in.json',
    text: (d) => folders(Math.floor((d - 3) / 2)),
    argv: () => ['import', 'postman', 'in.json'],
    limit: 256,
  },
  {
    name: 'import postman (raw JSON body)',
    file: 'in.json',
    text: (d) => postmanBody(arrays(d)),
    argv: () => ['import', 'postman', 'in.json'],
    limit: 256,
    deep: 'kept',
  },
  {
    name: 'import har (file)',
    file: 'in.har',
    text: (d) => `{"log":{"version":"1.2","entries":[],"pages":${arrays(d - 2)}}}`,
    argv: () => ['import', 'har', 'in.har'],
    limit: 256,
  },
  {
    name: 'import har (JSON body)',
    file: 'in.har',
    text: (d) => har(objects(d)),
    argv: () => ['import', 'har', 'in.har'],
    limit: 256,
    deep: 'kept',
  },
  {
    name: 'import curl (JSON body)',
    file: 'in.sh',
    text: (d) => `curl -X POST http://h/x -H 'content-type: application/json' -d '${arrays(d)}'\n`,
    argv: () => ['import', 'curl', 'in.sh'],
    limit: 256,
    deep: 'kept',
  },
  {
    name: 'import openapi (schema)',
    file: 'in.json',
    text: (d) => openapi(Math.floor((d - 12) / 2)),
    argv: () => ['import', 'openapi', 'in.json'],
    limit: 256,
  },
  {
    name: 'run --openapi',
    file: 'in.json',
    text: (d) => openapi(Math.floor((d - 12) / 2)),
    argv: (url) => run(url, '--openapi', 'in.json'),
    more: { 'cases/s.yaml': CASES },
    limit: 256,
  },
  {
    name: 'report --from',
    file: 'r/report.json',
    text: (d) => `{"schemaVersion":3,"x":${arrays(d - 1)}}`,
    argv: () => ['report', '--from', 'r/report.json'],
    limit: 1_100,
  },
  {
    name: 'run --compare-to',
    file: 'r.json',
    text: (d) => `{"schemaVersion":3,"x":${arrays(d - 1)}}`,
    argv: (url) => run(url, '--compare-to', 'r.json'),
    more: { 'cases/s.yaml': CASES },
    limit: 1_100,
  },
  {
    name: 'merge',
    file: 'r.json',
    text: (d) => `{"schemaVersion":3,"x":${arrays(d - 1)}}`,
    argv: () => ['merge', 'r.json', 'r.json', '--no-tracker'],
    limit: 1_100,
  },
  {
    name: 'tracker --check --from',
    file: 'r.json',
    text: (d) => `{"schemaVersion":3,"x":${arrays(d - 1)}}`,
    argv: () => ['tracker', '--check', '--from', 'r.json'],
    limit: 1_100,
  },
  {
    name: 'recording manifest',
    file: 'rec/recording.json',
    text: (d) => `{"schemaVersion":1,"x":${arrays(d - 1)}}`,
    argv: (url) => [
      'run',
      '--baseline-recording',
      'rec',
      '--candidate',
      `b=${url}`,
      '--no-tracker',
    ],
    more: { 'cases/s.yaml': CASES },
    limit: 1_100,
  },
];

describe('every reader has a bounded depth', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
  });
  afterAll(async () => server.close());

  const grid = INPUTS.flatMap((input) => [
    [input.name, 'near its limit', input, input.limit - 8] as const,
    [input.name, '5,000 deep', input, 5_000] as const,
  ]);

  it.each(grid)('%s, %s', async (_name, _what, input, depth) => {
    const cwd = await tempProject({ ...input.more, [input.file]: input.text(depth) });
    const result = await runCli(cwd, input.argv(server.url));
    const out = result.stdout + result.stderr;
    expect(result.code, out).not.toBe(4);
    expect(out).not.toMatch(/call stack|internal error/i);
    if (depth <= input.limit) return;
    if (input.deep === 'kept') {
      // The body is written as its text, and the case file it is in validates.
      expect(result.code, out).toBe(0);
      const validated = await runCli(cwd, ['validate', 'cases/imported']);
      expect(validated.code, validated.stdout + validated.stderr).toBe(0);
      return;
    }
    expect(result.code, out).toBe(2);
    expect(out).toMatch(new RegExp(`nested more than ${input.limit} levels deep \\(at \\d+:\\d+`));
  });

  it('a recording entry nested 5,000 deep is an unreadable entry, and the run ends', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    const recorded = await runCli(cwd, ['record', '--target', `a=${server.url}`, '--out', 'rec']);
    expect(recorded.code, recorded.stderr).toBe(0);
    const entry = join(cwd, 'rec', 's', 'c.json');
    const text = await readFile(entry, 'utf8');
    await writeFile(entry, text.replace(/^\{/, `{"x":${arrays(5_000)},`));
    const replay = await runCli(cwd, [
      'run',
      '--baseline-recording',
      'rec',
      '--candidate',
      `b=${server.url}`,
      '--no-tracker',
    ]);
    expect(replay.code).not.toBe(4);
    expect(replay.stdout).toMatch(/1 with an unreadable entry|PARITY_RECORDING_INVALID/);
    const report = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8');
    expect(report).toMatch(/nested more than 1100 levels deep/);
  });
});

describe('every reader has a bounded size', () => {
  /** Each input path, and a sparse file far past its reader's limit (600 MiB: past V8's longest string). */
  const sized: [string, string, string[], Record<string, string>][] = [
    ['case file (YAML)', 'cases/s.yaml', ['validate'], {}],
    ['case file (JSON)', 'cases/s.json', ['validate'], {}],
    ['config', 'parity.config.json', ['validate'], { 'cases/s.yaml': CASES }],
    ['import curl', 'in.sh', ['import', 'curl', 'in.sh'], {}],
    ['import har', 'in.har', ['import', 'har', 'in.har'], {}],
    ['import postman', 'in.json', ['import', 'postman', 'in.json'], {}],
    ['import openapi', 'in.json', ['import', 'openapi', 'in.json'], {}],
    ['report --from', 'r/report.json', ['report', '--from', 'r/report.json'], {}],
    ['merge', 'r.json', ['merge', 'r.json', 'r.json', '--no-tracker'], {}],
    ['tracker --check --from', 'r.json', ['tracker', '--check', '--from', 'r.json'], {}],
    ['tracker', 'docs/ARCHITECTURE_COMPARISON.md', ['tracker'], {}],
    [
      'recording manifest',
      'rec/recording.json',
      ['run', '--baseline-recording', 'rec', '--candidate', 'b=http://127.0.0.1:9', '--no-tracker'],
      { 'cases/s.yaml': CASES },
    ],
  ];

  it.each(sized)('%s: 600 MiB is refused unread', async (_name, file, argv, more) => {
    const cwd = await tempProject(more);
    await mkdir(dirname(join(cwd, file)), { recursive: true });
    await writeFile(join(cwd, file), '');
    await truncate(join(cwd, file), 600 * 1024 * 1024);
    const started = Date.now();
    const result = await runCli(cwd, argv);
    const out = result.stdout + result.stderr;
    expect(result.code, out).toBe(2);
    expect(out).toMatch(/at most|larger than/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
