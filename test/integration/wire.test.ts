/**
 * Exact numbers, wire-only differences and XML bodies against two real servers:
 * each route answers raw bytes per side, so the test controls the wire exactly.
 */

import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../../src/contract/model/case.js';
import type { Observation } from '../../src/contract/observation.js';
import { judge } from '../../src/core/compare/judge.js';
import { createRedactor } from '../../src/core/redact/redact.js';
import { createClient, type TargetClient } from '../../src/io/http/client.js';
import { exchangeCase } from '../../src/io/http/exchange.js';
import { toObservation } from '../../src/judge/results/build.js';
import { makeCase } from '../helpers/case.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

type Reply = string | Buffer | { readonly body: string | Buffer; readonly type: string };

const JSON_TYPE = 'application/json';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Each route answers per side: [baseline, candidate]. */
const ROUTES: Record<string, [Reply, Reply]> = {
  '/big/equal': ['{"id":9007199254740993}', '{"id":9007199254740993}'],
  '/big/last-digit': ['{"id":9007199254740993}', '{"id":9007199254740992}'],
  '/big/string': ['{"id":9007199254740993}', '{"id":"9007199254740993"}'],
  '/float/trailing-zero': ['{"n":1}', '{"n":1.0}'],
  '/float/exponent': ['{"n":1e21}', '{"n":1e+21}'],
  '/float/decimals': ['{"n":1.50}', '{"n":1.5}'],
  '/wire/trailing-newline': ['{"a":1}', '{"a":1}\n'],
  '/wire/whitespace': ['{"a":[1,2]}', '{\n  "a": [\n    1,\n    2\n  ]\n}'],
  '/wire/key-order': ['{"id":1,"name":"x"}', '{"name":"x","id":1}'],
  '/wire/html-escaping': ['{"q":"a<b & c>d"}', '{"q":"a\\u003cb \\u0026 c\\u003ed"}'],
  '/wire/escaping': ['{"p":"/a/é"}', '{"p":"\\/a\\/\\u00e9"}'],
  '/wire/charset': [
    { body: '{"a":1}', type: JSON_TYPE },
    { body: '{"a":1}', type: 'application/json; charset=utf-8' },
  ],
  '/strict/bom': ['{"a":1}', Buffer.concat([BOM, Buffer.from('{"a":1}')])],
  '/strict/utf8': [
    '{"a":"é"}',
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]),
  ],
  '/strict/json': ['{"a":1}', '{"a":1,}'],
  '/xml/prefix': [
    { body: '<a:list xmlns:a="urn:a"><a:item>1</a:item></a:list>', type: 'application/xml' },
    { body: '<b:list xmlns:b="urn:a"><b:item>1</b:item></b:list>', type: 'application/xml' },
  ],
  '/xml/namespace': [
    { body: '<list xmlns="urn:a"><item>1</item></list>', type: 'application/xml' },
    { body: '<list xmlns="urn:b"><item>1</item></list>', type: 'application/xml' },
  ],
  '/xml/attributes': [
    { body: '<item id="1" kind="a"/>', type: 'application/xml' },
    { body: '<item kind="b" id="1"/>', type: 'application/xml' },
  ],
  '/xml/reordered': [
    { body: '<r><name>x</name><size>2</size></r>', type: 'application/xml' },
    { body: '<r><size>2</size><name>x</name></r>', type: 'application/xml' },
  ],
  '/xml/invalid': [
    { body: '<r><a>1</a></r>', type: 'application/xml' },
    { body: '<r><a>1</r>', type: 'application/xml' },
  ],
};

function reply(res: ServerResponse, r: Reply): void {
  const { body, type } =
    typeof r === 'string' || Buffer.isBuffer(r) ? { body: r, type: JSON_TYPE } : r;
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

function handler(side: 0 | 1) {
  return (req: { url?: string | undefined }, res: ServerResponse) => {
    const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    reply(res, route[side]);
  };
}

let servers: TestServer[];
let baseline: TargetClient;
let candidate: TargetClient;
const targets: Target[] = [];

beforeAll(async () => {
  servers = await Promise.all([startServer(handler(0)), startServer(handler(1))]);
  const options = { connections: 2, timeoutMs: 2000, bodyCapBytes: 1 << 20, retries: 0 };
  targets.push(
    ...servers.map((s, i) => ({ name: i === 0 ? 'b' : 'c', url: new URL(s.url), headers: [] })),
  );
  baseline = createClient(targets[0]!, options);
  candidate = createClient(targets[1]!, options);
});

afterAll(async () => {
  await Promise.all([baseline.close(), candidate.close(), ...servers.map((s) => s.close())]);
});

async function resultOf(path: string): Promise<Observation> {
  const exchange = await exchangeCase(makeCase(path.slice(1), { path }), baseline, candidate);
  const redact = createRedactor({ headerNames: [], secrets: new Map() });
  return toObservation(exchange, judge(exchange), {
    baseline: targets[0]!,
    candidate: targets[1]!,
    redact,
  });
}

describe('exact numbers beyond 2^53', () => {
  it('equal big integers are equal', async () => {
    const result = await resultOf('/big/equal');
    expect([result.verdict, result.notes]).toEqual(['equal', undefined]);
  });

  it('a difference in the last digit is a value divergence with both exact values', async () => {
    const result = await resultOf('/big/last-digit');
    expect(result.verdict).toBe('divergent');
    expect(result.kinds).toEqual(['value']);
    expect(JSON.parse(JSON.stringify(result.changes))).toEqual([
      {
        path: '/id',
        op: 'value',
        baseline: { $exact: '9007199254740993' },
        candidate: 9007199254740992,
      },
    ]);
  });

  it('a big number vs the same digits as a string is a type divergence', async () => {
    const result = await resultOf('/big/string');
    expect(result.kinds).toEqual(['shape']);
    expect(result.changes?.map((c) => `${c.op} ${c.path}`)).toEqual(['type /id']);
  });
});

describe('wire-only differences are encoding notes on an equal result', () => {
  it.each([
    ['/float/trailing-zero', 'number-format', 'baseline `1`, candidate `1.0`'],
    ['/float/exponent', 'number-format', 'baseline `1e21`, candidate `1e+21`'],
    ['/float/decimals', 'number-format', 'baseline `1.50`, candidate `1.5`'],
    ['/wire/trailing-newline', 'trailing-newline', 'candidate ends the body with a newline'],
    ['/wire/whitespace', 'whitespace', 'baseline is compact, candidate is indented by 2'],
    ['/wire/key-order', 'key-order', 'baseline `id, name`, candidate `name, id`'],
    ['/wire/html-escaping', 'html-escaping', '\\u003c'],
    ['/wire/escaping', 'escaping', '\\/a\\/\\u00e9'],
    ['/wire/charset', 'charset', 'candidate `application/json; charset=utf-8`'],
  ])('%s → %s', async (path, code, excerpt) => {
    const result = await resultOf(path);
    expect(result.verdict).toBe('equal');
    expect(result.notes?.map((n) => n.code)).toEqual([code]);
    expect(result.notes?.[0]?.message).toContain(excerpt);
  });
});

describe('a body a strict parser rejects on one side stays a divergence', () => {
  it.each(['/strict/bom', '/strict/utf8', '/strict/json'])('%s', async (path) => {
    const result = await resultOf(path);
    expect(result.verdict).toBe('divergent');
    expect(result.candidate.bodyKind).toBe('invalid-json');
    expect(result.notes).toBeUndefined();
  });
});

describe('XML bodies', () => {
  it('a prefix renamed over the same namespace URI is equal', async () => {
    expect((await resultOf('/xml/prefix')).verdict).toBe('equal');
  });

  it('a different namespace URI is a divergence with the named explanation', async () => {
    const result = await resultOf('/xml/namespace');
    expect(result.verdict).toBe('divergent');
    expect(result.changes?.map((c) => c.path)).toEqual(['/list/@xmlns']);
    expect(result.explanation).toContain(
      'Candidate puts `<list>` in namespace `urn:b` instead of namespace `urn:a`',
    );
  });

  it('attributes compare by name; a changed one is a value divergence', async () => {
    const result = await resultOf('/xml/attributes');
    expect(result.kinds).toEqual(['value']);
    expect(result.changes).toEqual([
      { path: '/item/@kind', op: 'value', baseline: 'a', candidate: 'b' },
    ]);
  });

  it('reordered children with distinct names are equal', async () => {
    expect((await resultOf('/xml/reordered')).verdict).toBe('equal');
  });

  it('invalid XML on one side is a shape divergence', async () => {
    const result = await resultOf('/xml/invalid');
    expect([result.verdict, result.kinds, result.candidate.bodyKind]).toEqual([
      'divergent',
      ['shape'],
      'invalid-xml',
    ]);
  });
});

describe('parity run with encoding notes', () => {
  const CASES = [
    'suite: wire',
    'cases:',
    '  - id: newline',
    '    request: { method: GET, path: /wire/trailing-newline }',
    '  - id: big',
    '    request: { method: GET, path: /big/last-digit }',
  ].join('\n');

  it('counts and lists the notes, and fails the run only with --fail-on-encoding', async () => {
    const cwd = await tempProject({ 'cases/wire.yaml': CASES });
    const args = [
      'run',
      '--baseline',
      `b=${servers[0]!.url}`,
      '--candidate',
      `c=${servers[1]!.url}`,
    ];
    const plain = await runCli(cwd, [...args, '--fail-on', 'none', '--no-tracker']);
    expect(plain.code).toBe(0);
    const report = await latestReport(cwd);
    expect(report.summary.encodingNotes).toBe(1);
    const newline = report.results.find((r) => r.caseId === 'wire/newline');
    expect(newline?.notes?.map((n) => n.code)).toEqual(['trailing-newline']);
    const big = report.results.find((r) => r.caseId === 'wire/big');
    expect(big?.changes?.[0]?.baseline).toEqual({ $exact: '9007199254740993' });
    const markdown = await readFile(join(cwd, 'reports', 'latest', 'report.md'), 'utf8');
    expect(markdown).toContain('## Encoding notes (1)');
    expect(markdown).toContain('wire/newline [trailing-newline]');
    const strict = await runCli(cwd, [
      ...args,
      '--fail-on',
      'none',
      '--no-tracker',
      '--fail-on-encoding',
    ]);
    expect(strict.code).toBe(1);
  });
});
