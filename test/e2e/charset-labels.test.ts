/**
 * With real servers: a charset label that decides how an equal body is read
 * is one row, on every endpoint whose answers lose it (docs/wire.md). The
 * candidate drops `charset=utf-8` from an HTML page and a plain-text file;
 * planted beside it, a page that declares its own `<meta charset>` (only a
 * label: a note, no row), a JSON answer that drops it (JSON is UTF-8 always:
 * a note), and a real second cause (a JSON member renamed), its own row.
 * Two fixtures with other paths and media types.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** Two paths whose bodies are read by their label, and their media types. */
  readonly labelled: readonly (readonly [path: string, mediaType: string])[];
  readonly declared: string;
  readonly data: string;
  readonly member: readonly [baseline: string, candidate: string];
}

const FIRST: Fixture = {
  name: 'a message page and an attachment',
  labelled: [
    ['/messages/7/html', 'text/html'],
    ['/messages/7/attachment.txt', 'text/plain'],
  ],
  declared: '/status/',
  data: '/messages/7',
  member: ['subject', 'title'],
};
const SECOND: Fixture = {
  name: 'a report and an export',
  labelled: [
    ['/reports/q3', 'text/html'],
    ['/exports/q3.csv', 'text/csv'],
  ],
  declared: '/about',
  data: '/reports/q3/meta',
  member: ['owner', 'author'],
};

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const label = (type: string) => (candidate ? type : `${type}; charset=utf-8`);
  return startServer((req, res) => {
    const path = req.url ?? '/';
    const labelled = f.labelled.find(([p]) => p === path);
    if (labelled !== undefined) return send(res, label(labelled[1]), 'Total: 12.50 EUR\n');
    if (path === f.declared) {
      return send(
        res,
        label('text/html'),
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head></html>',
      );
    }
    const member = candidate ? f.member[1] : f.member[0];
    return send(res, label('application/json'), JSON.stringify({ id: 7, [member]: 'Q3' }));
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${[...f.labelled.map(([p]) => p), f.declared, f.data]
  .map((path, i) => `  - id: c${i}\n    request: { method: GET, path: ${path} }`)
  .join('\n')}
`;

describe('a charset label that decides how a body is read is one row', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    expect(causes, JSON.stringify(causes, null, 1)).toHaveLength(2);
    const label = causes.find((c) => c.caseIds.includes('s/c0'));
    expect([...(label?.caseIds ?? [])].sort()).toEqual(['s/c0', 's/c1']);
    expect(label?.summary).toContain('content-type');
    const renamed = causes.find((c) => c !== label);
    expect(renamed?.caseIds).toEqual(['s/c3']);
  });
});
