/**
 * Issue 43 rule 18, with the evidence in the answers themselves: a baseline
 * whose encoder leaves members out where they hold their zero value (Go's
 * `omitempty`), against a candidate that writes every member. The run does
 * not identify the baseline as the protobuf JSON mapping (its names are no
 * lowerCamelCase, its integers numbers), but its answers show the habit: it
 * writes each of those members elsewhere with another value, and never at
 * its zero value. So an empty list left out (`[] vs absent`), a counter left
 * out of a nested object and a flag left out of another object are one row
 * (``baseline leaves members at their zero value out (empty at `records`),
 * candidate writes them``), not three.
 *
 * Kept apart, each a variant of the same servers: a member the baseline
 * never writes (a feature it lacks, as a new major's `telemetryEnabled:
 * false`), a member the baseline also writes at its zero value, an empty
 * list the candidate writes `null` (an encoder's choice of its own), and a
 * member the candidate leaves out where the baseline writes it (the other
 * direction: each side's convention is its own row). A tracker written
 * before the evidence showed keeps no open row of the members it joined.
 * Two fixtures with other names and shapes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, rootCausesOfServers, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The route of a list read, and the list it answers (left out when empty). */
  readonly listRoute: string;
  readonly list: string;
  /** A nested object of that answer and its counter (left out at zero) beside another member. */
  readonly counted: string;
  readonly counter: string;
  readonly beside: string;
  /** The route of one item, the object holding its flag (`''`: the body's top), and the flag. */
  readonly itemRoute: string;
  readonly holder: string;
  readonly flag: string;
  readonly on: unknown;
  readonly off: unknown;
  /** An envelope in every answer, whose member the candidate lacks (each answer differs). */
  readonly envelope: string;
  readonly lacked: string;
}

const KV: Fixture = {
  name: 'a key-value store: records, a page total, a swap applied',
  listRoute: '/kv/range',
  list: 'records',
  counted: 'page',
  counter: 'total',
  beside: 'size',
  itemRoute: '/kv/swap',
  holder: '',
  flag: 'applied',
  on: true,
  off: false,
  envelope: 'meta',
  lacked: 'node',
};
const LIBRARY: Fixture = {
  name: "a library: search hits, the stats' matches, a book's loans",
  listRoute: '/search',
  list: 'hits',
  counted: 'stats',
  counter: 'matched',
  beside: 'took',
  itemRoute: '/books',
  holder: 'book',
  flag: 'loans',
  on: 3,
  off: 0,
  envelope: 'about',
  lacked: 'shard',
};

/**
 * How the servers write the flag and the empty list: `omits` (the baseline
 * leaves each out at zero), `never` (the baseline never writes the flag, the
 * candidate writes it at zero everywhere), `zero` (the baseline also writes
 * the flag at zero once), `null` (the candidate writes the empty list
 * `null`), `other` (the candidate leaves the flag out at zero, the baseline
 * writes it).
 */
type Mode = 'omits' | 'never' | 'zero' | 'null' | 'other';

function servers(f: Fixture, mode: Mode) {
  return (candidate: boolean): Promise<TestServer> =>
    startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const key = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
      const envelope = { [f.envelope]: { rev: 7, ...(candidate ? {} : { [f.lacked]: 'n1' }) } };
      if (url.pathname.startsWith(`${f.listRoute}/`)) {
        const found = key.startsWith('found');
        const items = found ? [{ key, value: 'v1' }] : [];
        const list =
          found || candidate ? { [f.list]: mode === 'null' && !found ? null : items } : {};
        const counted = {
          [f.beside]: 10,
          ...(found || candidate ? { [f.counter]: items.length } : {}),
        };
        return json(res, 200, { ...envelope, ...list, [f.counted]: counted });
      }
      if (url.pathname.startsWith(`${f.itemRoute}/`)) {
        const on = key.startsWith('ok');
        const writes =
          mode === 'never'
            ? candidate
            : mode === 'zero' && key.startsWith('zero')
              ? true
              : mode === 'other'
                ? on || !candidate
                : on || candidate;
        const value = mode === 'never' ? f.off : on ? f.on : f.off;
        const flag = writes ? { [f.flag]: value } : {};
        const item = f.holder === '' ? flag : { [f.holder]: { title: key, ...flag } };
        return json(res, 200, { ...envelope, ...item, id: key });
      }
      return json(res, 404, { error: 'not found' });
    });
}

/** The reads that leave a member out (`omitting`) and those that show it written (`writing`). */
const OMITTING = ['none-1', 'none-2'] as const;
const FAILING = ['no-1', 'no-2'] as const;

const omittingCases = (f: Fixture) => `suite: omits
cases:
${OMITTING.map((k) => `  - id: ${k}\n    request: { method: GET, path: ${f.listRoute}/${k} }`).join('\n')}
${FAILING.map((k) => `  - id: ${k}\n    request: { method: GET, path: ${f.itemRoute}/${k} }`).join('\n')}
`;

const writingCases = (f: Fixture, mode: Mode) => `suite: writes
cases:
  - id: found-1
    request: { method: GET, path: ${f.listRoute}/found-1 }
  - id: found-2
    request: { method: GET, path: ${f.listRoute}/found-2 }
  - id: ok-1
    request: { method: GET, path: ${f.itemRoute}/ok-1 }
  - id: ok-2
    request: { method: GET, path: ${f.itemRoute}/ok-2 }
${mode === 'zero' ? `  - id: zero-1\n    request: { method: GET, path: ${f.itemRoute}/zero-1 }\n` : ''}`;

/** Every case, in one file. */
const allCases = (f: Fixture, mode: Mode) =>
  `${writingCases(f, mode)}${omittingCases(f).replace('suite: omits\ncases:\n', '')}`;

const WORDS = 'leaves members at their zero value out';

async function causesOf(f: Fixture, mode: Mode) {
  const causes = await rootCausesOfServers(allCases(f, mode), servers(f, mode));
  const all = JSON.stringify(
    causes.map((c) => `${c.summary} ${JSON.stringify(c.caseIds)}`),
    null,
    1,
  );
  const defaults = causes.filter((c) => c.summary.includes(WORDS));
  const rowOf = (id: string) => causes.filter((c) => c.caseIds?.includes(`writes/${id}`));
  return { causes, all, defaults, rowOf };
}

const sorted = (ids: Iterable<string> | undefined) => [...(ids ?? [])].sort();
const ALL_OMITTING = [...OMITTING, ...FAILING].map((k) => `writes/${k}`).sort();

describe.each([KV, LIBRARY])('$name', (f) => {
  it('members the baseline writes elsewhere and never at zero, left out at zero, are one row', async () => {
    const { causes, all, defaults } = await causesOf(f, 'omits');
    // The envelope's member the candidate lacks, and the defaults left out.
    expect(causes, all).toHaveLength(2);
    expect(defaults, all).toHaveLength(1);
    expect(defaults[0]?.summary).toContain(
      `baseline ${WORDS} (empty at \`${f.list}\`), candidate writes them`,
    );
    expect(sorted(defaults[0]?.caseIds)).toEqual(ALL_OMITTING);
  });

  it.each([
    ['never', 'a member the baseline never writes: a feature it lacks'],
    ['zero', 'a member the baseline also writes at its zero value'],
  ] as const)('keeps apart (%s) %s', async (mode, _kept) => {
    const { causes, all, defaults, rowOf } = await causesOf(f, mode);
    // The list and the counter are still the baseline's habit; the flag is a row of its own.
    expect(defaults, all).toHaveLength(1);
    expect(sorted(defaults[0]?.caseIds)).toEqual(OMITTING.map((k) => `writes/${k}`).sort());
    const flag = rowOf('no-1').filter((c) => !c.summary.includes(f.lacked));
    expect(flag, all).toHaveLength(1);
    expect(flag[0]?.summary).not.toContain(WORDS);
    expect(causes, all).toHaveLength(3);
  });

  it('keeps apart an empty list the candidate writes as null', async () => {
    const { causes, all, defaults } = await causesOf(f, 'null');
    // The counter and the flag join; `null` against absent is a row of its own.
    expect(defaults, all).toHaveLength(1);
    expect(defaults[0]?.summary).not.toContain('empty at');
    expect(sorted(defaults[0]?.caseIds)).toEqual(ALL_OMITTING);
    const nulls = causes.filter((c) => c.summary.includes('null'));
    expect(nulls, all).toHaveLength(1);
    expect(nulls[0]?.summary).not.toContain(WORDS);
    expect(causes, all).toHaveLength(3);
  });

  it("keeps apart the other direction: each side's convention is its own row", async () => {
    const { causes, all, defaults, rowOf } = await causesOf(f, 'other');
    // The baseline leaves the list and the counter out; the candidate leaves the flag out.
    const baseline = defaults.filter((c) => c.summary.startsWith('baseline'));
    expect(baseline, all).toHaveLength(1);
    expect(sorted(baseline[0]?.caseIds)).toEqual(OMITTING.map((k) => `writes/${k}`).sort());
    const flag = rowOf('no-1').filter((c) => !c.summary.includes(f.lacked));
    expect(flag, all).toHaveLength(1);
    expect(flag[0]?.summary).not.toMatch(/^baseline/);
    expect(causes, all).toHaveLength(3);
  });
});

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

describe('a tracker written before the evidence showed', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([KV, LIBRARY])(
    '$name: the rows of the members it joined are superseded, not left open',
    async (f) => {
      const start = servers(f, 'omits');
      const baseline = await start(false);
      const candidate = await start(true);
      started.push(baseline, candidate);
      const cwd = await tempProject({
        'cases/a-writes.yaml': writingCases(f, 'omits'),
        'cases/b-omits.yaml': omittingCases(f),
      });
      const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
      const read = async () =>
        trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      // The answers that leave members out, alone: nothing shows the baseline writes them.
      expect((await runCli(cwd, [...argv, 'cases/b-omits.yaml'])).code).toBe(1);
      const before = await read();
      expect(before.map((row) => row.summary).join('\n')).not.toContain(WORDS);
      const joined = before.filter((row) => !row.summary.includes(f.lacked));
      expect(joined).toHaveLength(3);
      // Every answer: one row for the defaults left out. It keeps the fingerprint of its first
      // signature's row (a cluster keeps its first member's) and supersedes the other two.
      expect((await runCli(cwd, argv)).code).toBe(1);
      const after = await read();
      const all = JSON.stringify(after);
      const open = after.filter((row) => row.status === 'open');
      expect(open, all).toHaveLength(2);
      const defaults = (await latestReport(cwd)).rootCauses?.filter((c) =>
        c.summary.includes(WORDS),
      );
      expect(defaults, all).toHaveLength(1);
      const heir = open.find((row) => row.fingerprint === defaults?.[0]?.fingerprint);
      expect(sorted(heir?.caseIds), all).toEqual(
        [...OMITTING, ...FAILING].map((k) => `omits/${k}`).sort(),
      );
      const superseded = after.filter((row) => row.status === 'superseded');
      expect(superseded.map((row) => row.id).sort(), all).toEqual(
        joined
          .filter((row) => row.id !== heir?.id)
          .map((row) => row.id)
          .sort(),
      );
      expect(superseded, all).toHaveLength(2);
    },
  );
});
