/**
 * Issue 43: an XML-RPC API takes every call on `POST /`, and the call names
 * its operation in its body (`<methodCall><methodName>stock.add</methodName>`).
 * Its endpoint is that operation, as a JSON-RPC call's is: two operations
 * whose answers differ at one member, each in its own way, are two rows,
 * each on its own operation (one row on `POST /` before). A tracker written
 * before, whose rows were keyed by `POST /`, sees them superseded by the
 * operations' rows, never resolved. Two fixtures of other methods and
 * members: a stock service answering a struct, a ledger answering a bare
 * string.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfServers, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { causesText } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  readonly operations: readonly [string, string];
  /** The answer's value, as XML-RPC writes it inside `<param>`. */
  readonly value: (text: string) => string;
  /** Per operation, the baseline's and the candidate's value for the `n`th call (data). */
  readonly values: Readonly<Record<string, (n: number) => readonly [string, string]>>;
}

const STOCK: Fixture = {
  name: 'a stock service answering a struct',
  operations: ['shelf.count', 'shelf.label'],
  value: (text) =>
    `<value><struct><member><name>level</name><value><string>${text}</string></value></member></struct></value>`,
  values: {
    'shelf.count': (n) => [`c${n * 1000}`, `c${n * 1000 + 7}`],
    'shelf.label': (n) => [`L-${n * 31}`, `L-${n * 97}`],
  },
};

const LEDGER: Fixture = {
  name: 'a ledger answering a bare string',
  operations: ['ledger_total', 'ledger_owner'],
  value: (text) => `<value><string>${text}</string></value>`,
  values: {
    ledger_total: (n) => [`t${n * 13}`, `t${n * 13 + 5}`],
    ledger_owner: (n) => [`o-${n * 17}`, `o-${n * 71}`],
  },
};

/** The call of `operation` numbered `n`; `note`: a comment after the declaration. */
const call = (operation: string, n: number, note = '') =>
  `<?xml version="1.0"?>${note}<methodCall><methodName>${operation}</methodName><params><param><value><int>${n}</int></value></param></params></methodCall>`;

/** Two calls of each operation. */
function cases(f: Fixture, note = ''): string {
  const lines = f.operations.flatMap((operation, i) =>
    [1, 2].map((k) => {
      const text = call(operation, 10 * i + k, note);
      return `  - id: call-${i}-${k}\n    request: { method: POST, path: /, headers: { content-type: text/xml }, text: '${text}' }`;
    }),
  );
  return `suite: rpc\ncases:\n${lines.join('\n')}\n`;
}

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res, text) => {
    const method = /<methodName>([^<]*)<\/methodName>/.exec(text)?.[1] ?? '';
    const n = Number(/<int>(\d+)<\/int>/.exec(text)?.[1]);
    const values = f.values[method];
    if (req.method !== 'POST' || values === undefined) {
      res.writeHead(404).end();
      return;
    }
    const value = f.value(values(n)[candidate ? 1 : 0]);
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<?xml version="1.0"?><methodResponse><params><param>${value}</param></params></methodResponse>`,
    );
  });
}

const OPEN = /^\| PAR-\d+ \| _open_ /;
const rowsOf = (text: string, status: string) =>
  text.split('\n').filter((line) => new RegExp(`^\\| PAR-\\d+ \\| _${status}_ `).test(line));

describe.each([STOCK, LEDGER])('an XML-RPC call names its operation: $name', (f) => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it("groups each operation's answers on its own endpoint", async () => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    expect(causes, all).toHaveLength(2);
    for (const [i, operation] of f.operations.entries()) {
      const row = causes.find((c) => c.endpoints.includes(`POST / ${operation}`));
      expect(row?.endpoints, all).toEqual([`POST / ${operation}`]);
      expect([...(row?.caseIds ?? [])].sort(), all).toEqual([`rpc/call-${i}-1`, `rpc/call-${i}-2`]);
    }
  });

  it('supersedes the rows a tracker keyed by POST / alone, never resolves them', async () => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const targets = ['--baseline', `x=${baseline.url}`, '--candidate', `y=${candidate.url}`];
    // A comment before the root is read by no operation rule: the calls are keyed by `POST /`,
    // as every call was before endpoints named XML-RPC operations.
    const cwd = await tempProject({ 'cases/rpc.yaml': cases(f, '<!-- v1 -->') });
    const first = await runCli(cwd, ['run', ...targets]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const before = await readFile(tracker, 'utf8');
    const old = before.split('\n').filter((line) => OPEN.test(line));
    expect(old, before).toHaveLength(1);
    expect(old[0], before).not.toContain(f.operations[0]);

    await writeFile(join(cwd, 'cases', 'rpc.yaml'), cases(f));
    const second = await runCli(cwd, ['run', ...targets]);
    expect(second.code, second.stdout + second.stderr).toBe(1);
    const after = await readFile(tracker, 'utf8');
    expect(rowsOf(after, 'open'), after).toHaveLength(2);
    expect(rowsOf(after, 'superseded'), after).toHaveLength(1);
    expect(rowsOf(after, 'resolved'), after).toEqual([]);
  });
});
