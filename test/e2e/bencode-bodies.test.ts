/**
 * A bencoded body is read by its content (issue 43), as JSON and XML are: a
 * dictionary answered as `text/plain`, `application/octet-stream` or with no
 * content type, UTF-8 or not, is compared key by key, so three keys that
 * differ are three rows, not one whole-body "body differs" row and not a
 * "binary vs text" body-kind row. Two fixtures with different keys (a
 * tracker-like announce whose compact peers are not UTF-8; an unrelated
 * key/value store), a kept-apart check, and a text body that starts with `d`
 * and is no bencode.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../src/contract/assessment.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startRoutesServer, startServer, type TestServer } from '../helpers/http.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server answering each path with fixed bytes (latin1) and content type (none when undefined). */
async function serve(
  routes: Record<string, { body: string; type: string | undefined }>,
): Promise<TestServer> {
  const bytes = Object.fromEntries(
    Object.entries(routes).map(([path, { body, type }]) => [
      path,
      { body: Buffer.from(body, 'latin1'), type },
    ]),
  );
  const server = await startRoutesServer(bytes);
  servers.push(server);
  return server;
}

/** A bencoded byte string. */
const str = (text: string) => `${Buffer.byteLength(text, 'latin1')}:${text}`;
/** A bencoded dictionary of already-encoded values (keys sorted, as BEP 3 writes them). */
const dict = (members: Record<string, string>) =>
  `d${Object.keys(members)
    .sort()
    .map((key) => `${str(key)}${members[key]}`)
    .join('')}e`;
const int = (n: number) => `i${n}e`;

/** Compact peers: 127.0.0.1 and each port, 6 bytes a peer. */
const peers = (...ports: number[]) =>
  str(ports.map((p) => `\x7f\x00\x00\x01${String.fromCharCode(p >> 8, p & 0xff)}`).join(''));

function changesOf(result: AssessedObservation | undefined): string[] {
  if (result === undefined || !('changes' in result)) return [];
  return (result.changes ?? []).map((c) => `${c.op} ${c.path}`);
}

async function run(
  cases: string,
  baseline: Record<string, { body: string; type: string | undefined }>,
  candidate: Record<string, { body: string; type: string | undefined }>,
) {
  const a = await serve(baseline);
  const b = await serve(candidate);
  const cwd = await tempProject({ 'cases/s.yaml': cases });
  const result = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
  expect(result.stderr).toBe('');
  expect(result.code, result.stdout).toBe(1);
  const report = await latestReport(cwd);
  const byId = new Map(report.results.map((r) => [r.caseId, r]));
  const rows = (report.rootCauses ?? []).map((cause) => cause.summary);
  return { report, byId, rows, cwd };
}

describe('three keys of a bencoded dictionary that differ are three rows', () => {
  /**
   * Two fixtures of one class, each with its own keys and route. Four answers
   * (`?n=1`…`4`); each of three keys differs in its own set of them, so no
   * two of the changes travel together (one answer alone would say nothing of
   * which changes go together, for bencode as for JSON).
   */
  const FIXTURES = [
    {
      name: 'a tracker announce with compact peers (not UTF-8)',
      path: '/announce',
      types: ['text/plain', undefined] as const,
      // interval differs in 1-3, `min interval` missing in 1-2, `tracker id` added in 2-4.
      answer: (n: number, candidate: boolean) =>
        dict({
          complete: int(n),
          interval: int(candidate && n <= 3 ? 600 : 1800),
          ...(candidate && n <= 2 ? {} : { 'min interval': int(900) }),
          peers: peers(6881, 6880 + n),
          ...(candidate && n >= 2 ? { 'tracker id': str('t-01') } : {}),
        }),
      changes: ['/interval', '/min interval', '/tracker id'],
    },
    {
      name: 'a key/value store (UTF-8)',
      path: '/kv/item',
      types: ['application/octet-stream', 'application/octet-stream'] as const,
      // `value` differs in 1-2, `revision` missing in 2-4, `owner` added in 1, 3 and 4.
      answer: (n: number, candidate: boolean) =>
        dict({
          key: str(`item-${n}`),
          value: str(candidate && n <= 2 ? `v${n}-new` : `v${n}`),
          ...(candidate && n >= 2 ? {} : { revision: int(n) }),
          ...(candidate && n !== 2 ? { owner: str('ops') } : {}),
        }),
      changes: ['/value', '/revision', '/owner'],
    },
  ];

  it.each(FIXTURES)('$name', async (f) => {
    const cases = `suite: s\ncases:\n${[1, 2, 3, 4]
      .map(
        (n) =>
          `  - id: n${n}\n    request: { method: GET, path: ${f.path}, query: { n: '${n}' } }\n`,
      )
      .join('')}`;
    const side = (candidate: boolean) =>
      startServer((req, res) => {
        const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n'));
        const type = f.types[candidate ? 1 : 0];
        res.writeHead(200, type === undefined ? {} : { 'content-type': type });
        res.end(Buffer.from(f.answer(n, candidate), 'latin1'));
      });
    const [a, b] = [await side(false), await side(true)];
    servers.push(a, b);
    const cwd = await tempProject({ 'cases/s.yaml': cases });
    const result = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(1);
    const report = await latestReport(cwd);
    for (const r of report.results) {
      expect(r.baseline.bodyKind).toBe('bencode');
      expect(r.candidate.bodyKind).toBe('bencode');
      // The compact peers compare as addresses, equal here.
      expect(changesOf(r).some((c) => c.includes('peers'))).toBe(false);
    }
    const rows = (report.rootCauses ?? []).map((cause) => cause.summary);
    // One row a key, plus the content type where the labels differ; never the whole body.
    const header = f.types[0] === f.types[1] ? 0 : 1;
    expect(rows, rows.join('\n')).toHaveLength(3 + header);
    for (const key of f.changes) {
      expect(rows.filter((row) => row.includes(`\`${key}\``))).toHaveLength(1);
    }
    expect(rows.join('\n')).not.toMatch(/body differs|bodies: /);
    // report.md names the keys as JSON paths.
    const markdown = await readFile(join(cwd, 'reports', 'latest', 'report.md'), 'utf8');
    for (const key of f.changes) expect(markdown).toContain(key);
    // …and says the bodies were read as bencode by their content.
    expect(markdown).toContain('were read as bencode by their content');
  });
});

describe('bencode kept apart, and text that is not bencode', () => {
  it('keeps two members lacking in different answers as two rows', async () => {
    // `min interval` is missing from both announces; `warning message` only from the
    // second: two answer sets, two reasons (rule 2's kept-apart), though one object.
    const cases = `suite: s
cases:
  - id: first
    request: { method: GET, path: /announce, query: { n: '1' } }
  - id: second
    request: { method: GET, path: /announce, query: { n: '2' } }
`;
    const answer = (extra: Record<string, string>) =>
      dict({ interval: int(1800), peers: peers(6881), ...extra });
    const base = await startServer((req, res) => {
      const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n'));
      res.writeHead(200);
      res.end(
        Buffer.from(
          answer(
            n === 1
              ? { 'min interval': int(900) }
              : { 'min interval': int(900), 'warning message': str('slow down') },
          ),
          'latin1',
        ),
      );
    });
    const cand = await startServer((_req, res) => {
      res.writeHead(200);
      res.end(Buffer.from(answer({}), 'latin1'));
    });
    servers.push(base, cand);
    const cwd = await tempProject({ 'cases/s.yaml': cases });
    const result = await runPair(cwd, `a=${base.url}`, `b=${cand.url}`);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = await latestReport(cwd);
    const rows = (report.rootCauses ?? []).map((cause) => cause.summary);
    expect(rows).toHaveLength(2);
    expect(rows.some((row) => row.includes('`/min interval`'))).toBe(true);
    expect(rows.some((row) => row.includes('`/warning message`'))).toBe(true);
  });

  it('reads a text body that starts with d and is not bencode as text', async () => {
    const cases = `suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /status }\n`;
    const { byId, rows } = await run(
      cases,
      { '/status': { body: 'd3:up is fine', type: 'text/plain' } },
      { '/status': { body: 'down for maintenance', type: 'text/plain' } },
    );
    const result = byId.get('s/one');
    expect(result?.baseline.bodyKind).toBe('text');
    expect(result?.candidate.bodyKind).toBe('text');
    expect(changesOf(result)).toEqual(['value ']);
    expect(rows).toHaveLength(1);
  });

  it('names a change of body kind `bencode` where the bencoded side is not UTF-8', async () => {
    const cases = `suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /announce }\n`;
    const { byId, rows } = await run(
      cases,
      { '/announce': { body: 'tracker offline', type: 'text/plain' } },
      {
        '/announce': { body: dict({ interval: int(60), peers: peers(6881) }), type: 'text/plain' },
      },
    );
    expect(byId.get('s/one')?.candidate.bodyKind).toBe('bencode');
    expect(rows).toEqual(['2xx bodies: text vs bencode']);
  });

  it('compares a bencoded body against a text one as text, not as a change of kind', async () => {
    const cases = `suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /kv/beta }\n`;
    const { byId, rows } = await run(
      cases,
      { '/kv/beta': { body: dict({ key: str('beta') }), type: 'text/plain' } },
      { '/kv/beta': { body: 'no such key', type: 'text/plain' } },
    );
    expect(changesOf(byId.get('s/one'))).toEqual(['value ']);
    expect(rows.join('\n')).not.toContain('bencode vs');
  });
});
