/**
 * Repro commands are complete: a flow step's repro fills every captured value
 * in wherever the step uses it (path, query pairs, a query written in the
 * path, headers, a JSON body, a text body), in every format that prints it
 * (report.json, report.md, report.html, junit.xml, `parity show`). Each printed script
 * is run with the real curl and bash against the two servers, and the request
 * the server receives is the one parity sent in the run, byte for byte. The
 * captures are read from JSON bodies answered as `text/plain` (by the
 * baseline, or by both sides).
 * Two fixtures with different field names.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const run = promisify(execFile);

/** Values each side generates for itself, with characters every place escapes its own way. */
interface Minted {
  readonly key: string;
  readonly version: string;
}

interface Fixture {
  readonly name: string;
  readonly cases: string;
  readonly minted: { readonly baseline: Minted; readonly candidate: Minted };
  /** What the server answers the first step (at `host`): the body, and headers. */
  answer(minted: Minted, host: string): { body: unknown; headers: Record<string, string> };
  /** Where the last step carries the captured values, as the server sees them. */
  carried(request: TestServer['requests'][number]): Minted;
  readonly lastMethod: string;
  /** The content types of the first step's answers (default: `text/plain` vs JSON). */
  readonly types?: { readonly baseline: string; readonly candidate: string };
}

const DOCS: Fixture = {
  name: 'docs: id and rev from a JSON body (path, query pair, header, JSON body)',
  cases: `suite: docs
sideEffects: true
cases:
  - id: lifecycle
    steps:
      - id: create
        request: { method: POST, path: /docs, json: { title: a } }
        capture:
          id: { json: /id }
          rev: { json: /rev }
      - id: update
        request:
          method: PUT
          path: "/docs/{{id}}"
          query: { rev: "{{rev}}" }
          headers: { if-match: "{{rev}}" }
          json: { rev: "{{rev}}", note: "was {{rev}}", id: "{{id}}" }
`,
  minted: {
    baseline: { key: 'd 1/ä~x', version: '1-a&b+c "q"' },
    candidate: { key: 'e#2', version: '2-x=y %' },
  },
  answer: (m) => ({ body: { id: m.key, rev: m.version }, headers: {} }),
  carried: (request) => {
    const url = new URL(request.url, 'http://x');
    const body = JSON.parse(request.body) as { rev: string; note: string; id: string };
    expect(body.note).toBe(`was ${body.rev}`);
    expect(url.searchParams.get('rev')).toBe(body.rev);
    expect(request.headers['if-match']).toBe(body.rev);
    return { key: decodeURIComponent(url.pathname.slice('/docs/'.length)), version: body.rev };
  },
  lastMethod: 'PUT',
};

const ITEMS: Fixture = {
  name: 'items: uuid from a JSON body and tag from a header (a query in the path, header, text body)',
  cases: `suite: items
sideEffects: true
cases:
  - id: tagged
    steps:
      - id: make
        request: { method: POST, path: /items, text: "make one" }
        capture:
          uuid: { json: /item/uuid }
          tag: { header: x-tag }
      - id: patch
        request:
          method: PATCH
          path: "/items/{{uuid}}/tags?v={{tag}}&w=1"
          headers: { x-tag: "{{tag}}" }
          text: "uuid={{uuid}};tag={{tag}}"
`,
  minted: {
    baseline: { key: '7f3a b&c', version: 'v=1;a b' },
    candidate: { key: '8e4b#d', version: 'w+2/é' },
  },
  answer: (m) => ({ body: { item: { uuid: m.key } }, headers: { 'x-tag': m.version } }),
  carried: (request) => {
    const url = new URL(request.url, 'http://x');
    const match = /^uuid=(.*);tag=(.*)$/s.exec(request.body);
    expect(match).not.toBeNull();
    const [, uuid = '', tag = ''] = match ?? [];
    expect(url.searchParams.get('v')).toBe(tag);
    expect(url.searchParams.get('w')).toBe('1');
    expect(request.headers['x-tag']).toBe(tag);
    expect(decodeURIComponent(url.pathname)).toBe(`/items/${uuid}/tags`);
    return { key: uuid, version: tag };
  },
  lastMethod: 'PATCH',
  // Both sides answer JSON as text/plain: each side's capture reads its own.
  types: { baseline: 'text/plain', candidate: 'text/plain; charset=utf-8' },
};

const LOCATION: Fixture = {
  name: 'notes: a Location header as the whole path (an absolute URL on one side, a path on the other)',
  cases: `suite: notes
sideEffects: true
cases:
  - id: located
    steps:
      - id: create
        request: { method: POST, path: /notes, json: { text: hi } }
        capture: { location: { header: location } }
      - id: read
        request: { method: GET, path: "{{location}}", query: { seen: "1" } }
`,
  minted: {
    baseline: { key: '/notes/7 é?v=2&w=a%20b', version: 'absolute' },
    candidate: { key: '/notes/1007?v=3', version: 'path' },
  },
  answer: (m, host) => ({
    body: { text: 'hi' },
    headers: { location: m.version === 'absolute' ? `http://${host}${encodeURI(m.key)}` : m.key },
  }),
  carried: (request) => {
    const url = new URL(request.url, 'http://x');
    const absolute = url.pathname.startsWith('/notes/7');
    // The step's own query follows the one the Location brought, joined by `&`.
    expect(url.search.endsWith('&seen=1')).toBe(true);
    const search = url.search.slice(0, -'&seen=1'.length);
    return {
      key: decodeURI(`${url.pathname}${search}`),
      version: absolute ? 'absolute' : 'path',
    };
  },
  lastMethod: 'GET',
};

/**
 * One side's server: the first step answers the side's own values (the
 * baseline as `text/plain`, the candidate as JSON); the last step answers a
 * body the candidate adds a field to, so the step diverges and has a repro.
 */
function sideServer(fixture: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  const minted = fixture.minted[side];
  return startServer((req, res) => {
    if (req.method === 'POST') {
      const { body, headers } = fixture.answer(minted, req.headers.host ?? '');
      const types = fixture.types ?? {
        baseline: 'text/plain; charset=utf-8',
        candidate: 'application/json',
      };
      const type = types[side];
      res.writeHead(201, { 'content-type': type, ...headers });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(side === 'baseline' ? { ok: true } : { ok: true, extra: 1 }));
  });
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe.each([DOCS, ITEMS, LOCATION])('a flow step’s repro is complete: $name', (fixture) => {
  it('fills each captured value in everywhere, in every format, and sends what parity sent', async () => {
    const baseline = await sideServer(fixture, 'baseline');
    const candidate = await sideServer(fixture, 'candidate');
    servers.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/flow.yaml': fixture.cases });
    const result = await runCli(cwd, [
      'run',
      '--baseline',
      `b=${baseline.url}`,
      '--candidate',
      `c=${candidate.url}`,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(1);
    const report = await latestReport(cwd);
    // The captures came from JSON answered as text/plain: no step skipped, the last one diverges.
    const verdicts = report.results.map((r) => r.verdict);
    expect(verdicts).toHaveLength(2);
    expect(verdicts).not.toContain('skipped');
    expect(verdicts[1]).toBe('divergent');
    // The first step's answers were compared as JSON (each side's captured values masked).
    const first = report.results[0];
    expect(first?.notes?.map((note) => note.code)).toContain('read-by-content');
    const step = report.results[1];
    const repro = step?.repro;
    if (repro === undefined) throw new Error('no repro');
    expect(`${repro.baseline}\n${repro.candidate}`).not.toContain('PARITYVAR');

    const markdown = await readFile(join(cwd, 'reports', 'latest', 'report.md'), 'utf8');
    const html = await readFile(join(cwd, 'reports', 'latest', 'report.html'), 'utf8');
    // The row of the step's own root cause (the field the candidate adds), as `parity show` prints it.
    const tracker = await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    const ids = [...new Set(tracker.match(/PAR-\d+/g) ?? [])];
    let shown: Awaited<ReturnType<typeof runCli>> | undefined;
    for (const id of ids) {
      const row = await runCli(cwd, ['show', id]);
      if (row.stdout.includes(`Example: ${step?.caseId}`)) {
        shown = row;
        break;
      }
    }
    if (shown === undefined) throw new Error(`no row shows ${step?.caseId}: ${ids.join(', ')}`);
    expect(shown.code, shown.stderr).toBe(0);
    const junit = await readFile(join(cwd, 'reports', 'latest', 'junit.xml'), 'utf8');
    const xmlText = (text: string) =>
      text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    for (const script of [repro.baseline, repro.candidate]) {
      expect(markdown).toContain(script);
      expect(junit).toContain(xmlText(script));
    }
    // The page draws its rows from the report data it embeds: the step's row holds both scripts.
    const data = /<script type="application\/json" id="parity-data">([\s\S]*?)<\/script>/.exec(
      html,
    );
    const rows = (JSON.parse(data?.[1] ?? '{}') as { rows?: { repro?: string[] }[] }).rows ?? [];
    expect(rows.map((row) => row.repro)).toContainEqual([repro.baseline, repro.candidate]);
    // `parity show` prints one side's script, indented.
    const indented = (script: string) =>
      script
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
    expect(
      shown.stdout.includes(indented(repro.candidate)) ||
        shown.stdout.includes(indented(repro.baseline)),
      shown.stdout,
    ).toBe(true);

    for (const [side, server, script] of [
      ['baseline', baseline, repro.baseline],
      ['candidate', candidate, repro.candidate],
    ] as const) {
      const sent = server.requests.filter((r) => r.method === fixture.lastMethod);
      // A read that differs in a flow is sent once more right away (the second look): the same request.
      expect(sent.length).toBe(fixture.lastMethod === 'GET' ? 2 : 1);
      for (const look of sent)
        expect({ url: look.url, body: look.body }).toEqual({
          url: sent[0]?.url,
          body: sent[0]?.body,
        });
      const before = server.requests.length;
      const out = await run('/usr/bin/bash', ['-c', script]);
      expect(out.stdout, `${side}:\n${script}\n${out.stderr}`).toMatch(/^HTTP\/1\.1 200/m);
      const replayed = server.requests.slice(before).filter((r) => r.method === fixture.lastMethod);
      expect(replayed).toHaveLength(1);
      const [original] = sent;
      const [again] = replayed;
      if (original === undefined || again === undefined) throw new Error('no request');
      // The values are the side's own, in every place, and the request is the one parity sent.
      expect(fixture.carried(again), `${side}:\n${script}`).toEqual(fixture.minted[side]);
      expect(fixture.carried(original)).toEqual(fixture.minted[side]);
      expect({ url: again.url, body: again.body }).toEqual({
        url: original.url,
        body: original.body,
      });
    }
  }, 120_000);
});
