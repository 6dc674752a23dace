/**
 * A body is judged by what it is (issue 47): JSON answered as `text/plain`,
 * `text/html` or with no content type is compared field by field; a content
 * type that differs is a header finding of its own; the result carries a
 * `read-by-content` note; `parity init`'s example case is checked against
 * servers that answer JSON as `text/plain`. Each class has two fixtures with
 * different field names.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../src/contract/assessment.js';
import { latestReport, runCli, runPair, tempProject } from '../helpers/cli.js';
import { startRoutesServer, type TestServer } from '../helpers/http.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server answering each path with a fixed body (JSON unless a string) and content type (none when undefined). */
async function serve(
  routes: Record<string, { body: unknown; type: string | undefined }>,
): Promise<TestServer> {
  const texts = Object.fromEntries(
    Object.entries(routes).map(([path, { body, type }]) => [
      path,
      { body: typeof body === 'string' ? body : JSON.stringify(body), type },
    ]),
  );
  const server = await startRoutesServer(texts);
  servers.push(server);
  return server;
}

function changesOf(result: AssessedObservation | undefined): string[] {
  if (result === undefined || !('changes' in result)) return [];
  return (result.changes ?? []).map((c) => `${c.op} ${c.path}`);
}

function headersOf(result: AssessedObservation | undefined): string[] {
  if (result === undefined || !('headerChanges' in result)) return [];
  return (result.headerChanges ?? []).map((h) => h.name);
}

function noteCodes(result: AssessedObservation | undefined): string[] {
  return (result?.notes ?? []).map((note) => note.code);
}

describe('parity init’s example case against servers answering JSON as text/plain', () => {
  /** Two root documents of a store, each with its own field names. */
  const FIXTURES = [
    {
      baseline: { couchdb: 'Welcome', version: '2.3.1', vendor: { name: 'A' } },
      candidate: { couchdb: 'Welcome', version: '2.3.1', vendor: { name: 'A' }, features: ['x'] },
      change: 'added /features',
    },
    {
      baseline: { service: 'notes', build: { commit: 'abc' } },
      candidate: { service: 'notes', build: { commit: 'def' } },
      change: 'value /build/commit',
    },
  ];

  it.each(FIXTURES)('compares the root document field by field ($change)', async (fixture) => {
    const a = await serve({ '/': { body: fixture.baseline, type: 'text/plain; charset=utf-8' } });
    const b = await serve({ '/': { body: fixture.candidate, type: 'text/plain; charset=utf-8' } });
    const cwd = await tempProject();
    const init = await runCli(cwd, ['init', `old=${a.url}`, `new=${b.url}`]);
    expect(init.code, init.stderr).toBe(0);
    const run = await runCli(cwd, ['run']);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const [root] = report.results;
    expect(root?.verdict).toBe('divergent');
    expect(changesOf(root)).toEqual([fixture.change]);
    expect(noteCodes(root)).toEqual(['read-by-content']);
    // One row, for the change itself; the tracker names it by its field.
    const tracker = await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker.match(/\| PAR-\d+ /g)).toHaveLength(1);
    expect(tracker).not.toContain('body differs');
  });

  it('an equal root document answered as text/plain is equal, with the note', async () => {
    const body = { couchdb: 'Welcome', version: '3.3.3' };
    const a = await serve({ '/': { body, type: 'text/plain' } });
    const b = await serve({
      '/': { body: '{"version":"3.3.3","couchdb":"Welcome"}', type: 'text/plain' },
    });
    const cwd = await tempProject();
    expect((await runCli(cwd, ['init', a.url, b.url])).code).toBe(0);
    const run = await runCli(cwd, ['run']);
    expect(run.code, run.stdout).toBe(0);
    const [root] = (await latestReport(cwd)).results;
    expect(root?.verdict).toBe('equal');
    expect(noteCodes(root)).toEqual(['key-order', 'read-by-content']);
  });
});

const CASES = `suite: kinds
cases:
  - id: one-side
    request: { method: GET, path: /one-side }
  - id: both-sides
    request: { method: GET, path: /both-sides }
  - id: html-none
    request: { method: GET, path: /html-none }
  - id: text-vs-json-text
    request: { method: GET, path: /text-vs-json-text }
`;

describe('JSON under another content type, on one side or both', () => {
  /** Two fixtures of each class, with different field names. */
  const FIXTURES = [
    {
      old: { id: 'n1', title: 'a', tags: ['x'] },
      new: { id: 'n1', title: 'b', tags: ['x'] },
      change: 'value /title',
    },
    {
      old: [{ sku: 7, qty: 1 }],
      new: [{ sku: 7, qty: 1, price: 3 }],
      change: 'added /0/price',
    },
  ];

  it.each(FIXTURES)(
    'gives a field-level change, with the content type as its own finding ($change)',
    async (f) => {
      const a = await serve({
        '/one-side': { body: f.old, type: 'application/json' },
        '/both-sides': { body: f.old, type: 'text/plain' },
        '/html-none': { body: f.old, type: 'text/html; charset=utf-8' },
        '/text-vs-json-text': { body: f.old, type: 'text/plain' },
      });
      const b = await serve({
        '/one-side': { body: f.new, type: 'text/plain; charset=utf-8' },
        '/both-sides': { body: f.new, type: 'text/plain' },
        '/html-none': { body: f.new, type: undefined },
        '/text-vs-json-text': { body: 'upstream error', type: 'text/plain' },
      });
      const cwd = await tempProject({ 'cases/kinds.yaml': CASES });
      const run = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
      expect(run.stderr).toBe('');
      expect(run.code, run.stdout).toBe(1);
      const results = new Map((await latestReport(cwd)).results.map((r) => [r.caseId, r]));
      const oneSide = results.get('kinds/one-side');
      expect(changesOf(oneSide)).toEqual([f.change]);
      expect(headersOf(oneSide)).toEqual(['content-type']);
      // The content type is a finding of its own, beside the body's.
      const kinds = oneSide && 'findings' in oneSide ? oneSide.findings.map((x) => x.kind) : [];
      expect(kinds).toContain('header');
      expect(kinds.length).toBe(2);
      expect(noteCodes(oneSide)).toEqual(['read-by-content']);
      const both = results.get('kinds/both-sides');
      expect(changesOf(both)).toEqual([f.change]);
      expect(headersOf(both)).toEqual([]);
      expect(noteCodes(both)).toEqual(['read-by-content']);
      const htmlNone = results.get('kinds/html-none');
      expect(changesOf(htmlNone)).toEqual([f.change]);
      expect(headersOf(htmlNone)).toEqual(['content-type']);
      // JSON read by its content against plain text stays a text difference, without the note.
      const mixed = results.get('kinds/text-vs-json-text');
      expect(changesOf(mixed)).toEqual(['value ']);
      expect(noteCodes(mixed)).toEqual([]);
      // report.md lists the note.
      const markdown = await readFile(join(cwd, 'reports', 'latest', 'report.md'), 'utf8');
      expect(markdown).toContain('[read-by-content]');
    },
  );
});
