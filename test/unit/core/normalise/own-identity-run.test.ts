/**
 * Issue 47 item 2, issue 43: a server's own identity (its version, working
 * directory or install path, host, pid, start time, uptime and memory
 * counters) is per-instance by the run's evidence: a member whose words name
 * it, the same shape on both sides, in no request of the run, one value per
 * side across the run (counters may change). Each class planted with two
 * fixtures of other names and shapes; a value whose shape differs, a
 * dependency's version, a value a request sent, a place that changes on one
 * side and a list's element stay differences.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import {
  createOwnIdentity,
  identityClassOf,
  nameWords,
} from '../../../../src/core/normalise/own-identity.js';
import { LONGEST_SHAPED_TEXT } from '../../../../src/util/short-text.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonSide } from '../../../helpers/json-side.js';

const side = jsonSide;
const exchange = (
  a: unknown,
  b: unknown,
  request: Partial<CaseRequest> & { path: string } = { path: '/about' },
): Exchange => ({
  case: makeCase('c', request),
  baseline: side(a),
  candidate: side(b),
});

/** The evidence for `pointer` once `answers` (pairs of bodies) are in. */
function evidence(
  answers: readonly (readonly [unknown, unknown])[],
  pointer: string,
  a: unknown,
  b: unknown,
  requests: readonly (Partial<CaseRequest> & { path: string })[] = [],
): string | undefined {
  const memory = createOwnIdentity();
  for (const [x, y] of answers) memory.add(exchange(x, y));
  for (const request of requests) memory.add(exchange({}, {}, request));
  return memory.evidenceOf(pointer, a, b);
}

describe('member names', () => {
  it('reads the words of any naming convention', () => {
    expect(nameWords('heapTotal')).toEqual(['heap', 'total']);
    expect(nameWords('server_version')).toEqual(['server', 'version']);
    expect(nameWords('GoVersion')).toEqual(['go', 'version']);
    expect(nameWords('install-dir')).toEqual(['install', 'dir']);
  });
});

describe("a server's own identity, by the run's evidence", () => {
  it.each([
    {
      name: 'a bare version and a working directory (POSIX)',
      b: { version: '1.16.0', process: { cwd: '/srv/bank-1', rss: 51_200 } },
      c: { version: '2.9.1', process: { cwd: '/opt/bank-2', rss: 77_800 } },
      places: ['/version', '/process/cwd', '/process/rss'],
    },
    {
      name: "a build's version number, an install path (drive letter), host, pid, start time",
      b: {
        build: { version: { number: 'v8.1.0' } },
        installDir: 'C:\\Program Files\\store',
        node: { hostname: 'db-a.internal', pid: 4211, startedAt: '2026-11-27T08:00:01Z' },
        runtime: { heapUsed: 1.5, uptime: 12 },
      },
      c: {
        build: { version: { number: 'v9.0.2' } },
        installDir: 'D:\\apps\\store',
        node: { hostname: 'db-b.internal', pid: 97, startedAt: '2026-11-26T21:14:59Z' },
        runtime: { heapUsed: 2.25, uptime: 3 },
      },
      places: [
        '/build/version/number',
        '/installDir',
        '/node/hostname',
        '/node/pid',
        '/node/startedAt',
        '/runtime/heapUsed',
        '/runtime/uptime',
      ],
    },
    {
      name: 'a version named in a product token on one side (a name and a space, or a slash)',
      b: { version: '3.4.23', service: { build_version: 'ledger/v2.0.1 (linux; amd64)' } },
      c: { version: 'antietcd 1.3.1', service: { build_version: '1.9.4' } },
      places: ['/version', '/service/build_version'],
    },
    {
      name: "its store's size, as a string of digits on one side and a number on the other",
      b: { dbSize: '20480', engine: { disk_used_bytes: 7_340_032 } },
      c: { dbSize: 5_671_816, engine: { disk_used_bytes: '81920' } },
      places: ['/dbSize', '/engine/disk_used_bytes'],
    },
    {
      name: 'a database size in bytes and a storage usage figure',
      b: { stats: { databaseBytes: 1_048_576, storageUsage: 12 } },
      c: { stats: { databaseBytes: 65_536, storageUsage: 40 } },
      places: ['/stats/databaseBytes', '/stats/storageUsage'],
    },
    {
      name: 'its own ports, as a string of digits on one side and a number on the other',
      b: { smtpPort: '39173', relay: { admin_port: 8025 } },
      c: { smtpPort: 1025, relay: { admin_port: '18025' } },
      places: ['/smtpPort', '/relay/admin_port'],
    },
  ])('$name', ({ b, c, places }) => {
    for (const place of places) {
      const at = place.split('/').slice(1);
      const pick = (v: unknown) =>
        at.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v);
      const found = evidence([[b, c]], place, pick(b), pick(c));
      expect(found, place).toMatch(/on both sides, in no request of the run/);
    }
  });

  it('remembers a place under members whose names hold a slash or a tilde, and under two levels', () => {
    // The walk writes a place's pointer only when a class names its member: escaped as written.
    const b = { 'svc/a~b': { relay: { port: 8080 } } };
    const c = { 'svc/a~b': { relay: { port: 9090 } } };
    const place = '/svc~1a~0b/relay/port';
    expect(evidence([[b, c]], place, 8080, 9090)).toMatch(
      /on both sides, in no request of the run/,
    );
    expect(evidence([[b, c]], '/svc/a~b/relay/port', 8080, 9090)).toBeUndefined();
  });

  it('says which evidence settled it, and counts the answers that showed one value per side', () => {
    const b = { version: '3.3.3' };
    const c = { version: '3.4.0' };
    expect(evidence([[b, c]], '/version', '3.3.3', '3.4.0')).toBe(
      "the server's own version: a release version on both sides, in no request of the run, shown once",
    );
    expect(
      evidence(
        [
          [b, c],
          [b, c],
        ],
        '/version',
        '3.3.3',
        '3.4.0',
      ),
    ).toMatch(/one value per side in 2 answers$/);
  });

  it('a counter that changed between answers of one side is still a counter', () => {
    const found = evidence(
      [
        [{ memory: { rss: 10 } }, { memory: { rss: 20 } }],
        [{ memory: { rss: 11 } }, { memory: { rss: 20 } }],
      ],
      '/memory/rss',
      10,
      20,
    );
    expect(found).toMatch(/a counter that changed between answers of one side/);
  });
});

describe('stays a difference', () => {
  it.each([
    ['a version against a word', '/version', '1.2.3', 'latest'],
    ['a release against a two-part version', '/serverVersion', '1.2.3', '1.2'],
    ['a release against a product named without one', '/version', '3.4.23', 'antietcd'],
    ['a release against two lines that name one', '/appVersion', '2.0.0', 'app\n2.0.1'],
    ['an absolute path against a relative one', '/cwd', '/srv/a', 'srv/b'],
    ['an absolute path against a drive path', '/home', '/home/a', 'C:\\Users\\a'],
    ['an IP against a host name', '/host', '10.0.0.1', 'db-b'],
    ['a pid against a word', '/pid', 12, 'twelve'],
    ["a dependency's version", '/parserVersion', '3.1.0', '4.0.2'],
    ["a runtime's version", '/process/nodeVersion', 'v18.19.0', 'v20.11.1'],
    ['a name no class accepts', '/label', '1.2.3', '2.0.0'],
    ['a counter with a limit in its name', '/memoryLimit', 512, 1024],
    ["a volume's disk size (a record's, not a usage figure)", '/volume/diskSize', 20, 40],
    ['a database size quota', '/dbSizeQuota', 1024, 2048],
    ['a database size against a word', '/dbSize', 20_480, 'unknown'],
    ['a port limit, not a port', '/maxPort', 65_000, 60_000],
    ['a port against a word', '/port', 8025, 'auto'],
    ['a number past any port', '/grpcPort', 70_000, 8080],
    ["a machine's memory size (a record's, not a usage figure)", '/flavor/memory', 2048, 4096],
    [
      "an event's start time (no process named)",
      '/event/startTime',
      '2026-03-01T10:00:00Z',
      '2026-03-02T10:00:00Z',
    ],
  ])('%s', (_name, pointer, a, b) => {
    const at = pointer.split('/').slice(1);
    const nest = (v: unknown) =>
      at.reduceRight<unknown>((inner, key) => ({ [key]: inner }), v) as Record<string, unknown>;
    expect(evidence([[nest(a), nest(b)]], pointer, a, b)).toBeUndefined();
  });

  it('a value a request of the run sent (an input echoed back is data), in any request', () => {
    const b = { version: '1.0.0' };
    const c = { version: '1.0.1' };
    expect(
      evidence([[b, c]], '/version', '1.0.0', '1.0.1', [
        { path: '/pkg', method: 'PUT', body: { kind: 'json', value: { version: '1.0.1' } } },
      ]),
    ).toBeUndefined();
    expect(
      evidence([[{ cwd: '/data/x' }, { cwd: '/data/y' }]], '/cwd', '/data/x', '/data/y', [
        { path: '/open', query: [['dir', '/data/x']] },
      ]),
    ).toBeUndefined();
  });

  it('a place that holds two values on one side across the run (records, not a process)', () => {
    const found = evidence(
      [
        [{ version: '1.0.0' }, { version: '2.0.0' }],
        [{ version: '1.1.0' }, { version: '2.0.0' }],
      ],
      '/version',
      '1.0.0',
      '2.0.0',
    );
    expect(found).toBeUndefined();
    const paths = evidence(
      [
        [{ root: '/a/1' }, { root: '/b/1' }],
        [{ root: '/a/1' }, { root: '/b/2' }],
      ],
      '/root',
      '/a/1',
      '/b/1',
    );
    expect(paths).toBeUndefined();
  });

  it('a member whose name is longer than any shape parity reads (util/short-text.ts)', () => {
    const dir = `${'a_'.repeat(LONGEST_SHAPED_TEXT)}dir`;
    expect(identityClassOf(`/${dir}`, '/srv/a', '/srv/b')).toBeUndefined();
    const version = `${'Server'.repeat(LONGEST_SHAPED_TEXT / 4)}Version`;
    expect(identityClassOf(`/build/${version}`, '1.0.0', '2.0.0')).toBeUndefined();
    // Under a parent of such a name, a member still names what it holds.
    expect(identityClassOf(`/${dir}/hostname`, 'a.example', 'b.example')?.shape).toBe(
      'a host name',
    );
  });

  it("a list's elements (each record its own)", () => {
    expect(identityClassOf('/items/0/version', '1.0.0', '2.0.0')).toBeUndefined();
    expect(identityClassOf('/nodes/1/hostname', 'a.example', 'b.example')).toBeUndefined();
  });

  it('equal values, and values the run never showed at that place', () => {
    expect(
      evidence([[{ version: '1.0.0' }, { version: '1.0.0' }]], '/version', '1.0.0', '1.0.0'),
    ).toBeUndefined();
    expect(evidence([], '/version', '1.0.0', '2.0.0')).toBeUndefined();
  });
});
