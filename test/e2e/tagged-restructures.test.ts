/**
 * Rules 48, 48b and 48c with real servers. A tag that names its sibling's
 * shape changes with the restructure it names: one row, beside a tag that
 * changes with no restructure (its own row). A list cut at one end lacks
 * one element: one row, not a value row per element after the cut. A
 * product's name in each of its status texts: one row, beside a text
 * written otherwise (its own row). Two fixtures each, with other names.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

type Bodies = Record<string, readonly [unknown, unknown]>;

function text(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

/** Servers that answer each path of `bodies` with its baseline's or candidate's body. */
function serve(bodies: Bodies) {
  return (candidate: boolean) =>
    startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const pair = bodies[path];
      if (pair === undefined) return json(res, 404, { error: 'no such path' });
      const body = pair[candidate ? 1 : 0];
      return typeof body === 'string' ? text(res, body) : json(res, 200, body);
    });
}

function cases(bodies: Bodies): string {
  const lines = Object.keys(bodies).map(
    (path, i) => `  - id: c${i + 1}\n    request: { method: GET, path: ${path} }`,
  );
  return `suite: s\ncases:\n${lines.join('\n')}\n`;
}

const TAGGED: readonly { name: string; bodies: Bodies; joined: string[]; apart: string[] }[] = [
  {
    name: '`kind` and `payload`: pairs answered as a list of records',
    bodies: {
      '/v2/eval/pair': [
        { kind: 'pair', payload: [7, 'x'] },
        { kind: 'records', payload: [{ labels: {}, at: [7, 'x'] }] },
      ],
      '/v2/eval/text': [
        { kind: 'text', payload: [7, 'hi'] },
        { kind: 'records', payload: [] },
      ],
      '/v2/eval/flag': [
        { kind: 'draft', payload: [{ labels: { a: 'b' }, at: [1, 'y'] }] },
        { kind: 'final', payload: [{ labels: { a: 'b' }, at: [1, 'y'] }] },
      ],
    },
    joined: ['s/c1', 's/c2'],
    apart: ['s/c3'],
  },
  {
    name: '`format` and `content` under `answer`: a joined string answered as a list',
    bodies: {
      '/rpc/export/a': [
        { answer: { format: 'csv', content: 'a,b' } },
        { answer: { format: 'list', content: ['a', 'b'] } },
      ],
      '/rpc/export/b': [
        { answer: { format: 'tsv', content: 'c\td' } },
        { answer: { format: 'list', content: ['c', 'd'] } },
      ],
      '/rpc/export/c': [
        { answer: { format: 'list', content: ['e'], owner: 'x' } },
        { answer: { format: 'list', content: ['e'], owner: 'x', pages: 1 } },
      ],
    },
    joined: ['s/c1', 's/c2'],
    apart: ['s/c3'],
  },
];

describe('a tag with the restructure it names is one row (48)', () => {
  it.each(TAGGED)('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f.bodies), serve(f.bodies));
    const all = JSON.stringify(causes.map((c) => [c.summary, c.caseIds]));
    expect(causes, all).toHaveLength(2);
    expect(
      causes.map((c) => [...c.caseIds].sort()),
      all,
    ).toEqual(expect.arrayContaining([f.joined, f.apart]));
  });
});

const SLICES: readonly { name: string; bodies: Bodies }[] = [
  {
    name: 'samples from one step later',
    bodies: {
      '/q/window': [
        {
          series: [
            {
              points: [
                [100, '1'],
                [115, '2'],
                [130, '3'],
              ],
            },
          ],
        },
        {
          series: [
            {
              points: [
                [115, '2'],
                [130, '3'],
              ],
            },
          ],
        },
      ],
    },
  },
  {
    name: 'a log ending one line sooner',
    bodies: {
      '/logs/tail': [
        {
          lines: [
            { level: 'info', text: 'boot' },
            { level: 'warn', text: 'disk' },
          ],
        },
        { lines: [{ level: 'info', text: 'boot' }] },
      ],
    },
  },
];

describe('a list cut at one end is one row (48b)', () => {
  it.each(SLICES)('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f.bodies), serve(f.bodies));
    const all = JSON.stringify(causes.map((c) => c.summary));
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.summary, all).toContain('lacks elements of the list');
  });
});

const TEXTS: readonly { name: string; bodies: Bodies }[] = [
  {
    name: 'a server’s name in its probes',
    bodies: {
      '/-/alive': ['Acme Metrics Server is Alive.\n', 'Bolt is Alive.\n'],
      '/-/warm': ['Acme Metrics Server is Warm.\n', 'Bolt is Warm.\n'],
      '/-/cold': ['Acme Metrics Server is Cold.\n', 'Acme Metrics Server is Frozen.\n'],
    },
  },
  {
    name: 'a fork’s name in its banners',
    bodies: {
      '/banner/login': ['Sign in to Gitea today', 'Sign in to Forgejo today'],
      '/banner/help': ['Help with Gitea.', 'Help with Forgejo.'],
      '/banner/about': ['About us and Gitea', 'About them and Gitea'],
    },
  },
];

describe('the same words written otherwise in several text bodies are one row (48c)', () => {
  it.each(TEXTS)('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f.bodies), serve(f.bodies));
    const all = JSON.stringify(causes.map((c) => [c.summary, c.caseIds]));
    expect(causes, all).toHaveLength(2);
    expect(
      causes.map((c) => [...c.caseIds].sort()),
      all,
    ).toEqual(expect.arrayContaining([['s/c1', 's/c2'], ['s/c3']]));
  });
});
