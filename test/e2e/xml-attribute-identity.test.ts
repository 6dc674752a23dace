/**
 * An XML element's identity attribute pairs it, as a JSON record's `id`
 * does: sibling elements of one name written in another order on each side
 * (`<binding name="title">` before `<binding name="book">`, `<item
 * id="7">` after `<item id="9">`) are one reorder, and the members they hold
 * compare with their counterparts, not with whatever sits at the same index.
 * Before, every element past the first swap read as its attribute's value
 * changed, a child added and another removed: false rows of values and
 * members that never differed. Two fixtures of other element and attribute
 * names; kept apart: a value that really differs inside one element still
 * has its row, and elements with no identity attribute are compared by
 * index, as before.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  /** One record's elements, each `[identity, child element, text]`. */
  readonly cells: readonly (readonly [string, string, string])[];
  readonly element: string;
  readonly attribute: string;
  readonly record: string;
  readonly root: string;
}

const RESULTS: Fixture = {
  name: 'query results with bindings named by variable',
  path: '/query',
  element: 'binding',
  attribute: 'name',
  record: 'result',
  root: 'results',
  cells: [
    ['book', 'uri', 'http://example.org/book1'],
    ['title', 'literal', 'Dune'],
    ['year', 'literal', '1965'],
  ],
};

const INVENTORY: Fixture = {
  name: 'an inventory with items numbered by id',
  path: '/stock',
  element: 'item',
  attribute: 'id',
  record: 'shelf',
  root: 'inventory',
  cells: [
    ['7', 'label', 'bolt'],
    ['9', 'label', 'nut'],
    ['12', 'label', 'washer'],
  ],
};

function body(f: Fixture, order: readonly number[], changed?: string): string {
  const cells = order
    .map((i) => {
      const [id, child, text] = f.cells[i] ?? ['', '', ''];
      const value = changed !== undefined && i === 0 ? changed : text;
      return `<${f.element} ${f.attribute}="${id}"><${child}>${value}</${child}></${f.element}>`;
    })
    .join('');
  return `<?xml version="1.0"?><${f.root}><${f.record}>${cells}</${f.record}><${f.record}>${cells}</${f.record}></${f.root}>`;
}

function server(f: Fixture, candidate: boolean, changed?: string): Promise<TestServer> {
  return startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    if (req.url === `${f.path}/changed`) {
      res.end(body(f, candidate ? [1, 0, 2] : [0, 1, 2], candidate ? changed : undefined));
      return;
    }
    res.end(body(f, candidate ? [1, 0, 2] : [0, 1, 2]));
  });
}

const cases = (f: Fixture, changed: boolean) =>
  [
    'suite: xml',
    'cases:',
    '  - id: reordered',
    `    request: { method: GET, path: ${f.path} }`,
    ...(changed
      ? ['  - id: changed', `    request: { method: GET, path: ${f.path}/changed }`]
      : []),
  ].join('\n');

describe.each([RESULTS, INVENTORY])(
  'XML elements paired by their identity attribute: $name',
  (f) => {
    it('elements in another order are one reorder, never their children changed', async () => {
      const causes = await rootCausesOfServers(cases(f, false), (candidate) =>
        server(f, candidate),
      );
      const summaries = causes.map((c) => c.summary);
      expect(summaries.join('\n')).not.toMatch(/value of|adds|lacks/);
      expect(summaries.length).toBeLessThanOrEqual(1);
    });

    it('keeps apart a value that really differs inside one element', async () => {
      const causes = await rootCausesOfServers(cases(f, true), (candidate) =>
        server(f, candidate, 'CHANGED'),
      );
      const [id, child] = f.cells[0] ?? ['', ''];
      const value = causes.filter((c) => c.summary.includes(`value of`));
      expect(value.map((c) => c.summary).join('\n')).toContain(`/${child}`);
      expect(value.map((c) => c.summary).join('\n')).not.toContain('@');
      expect(id).not.toBe('');
    });
  },
);

describe('XML elements with no identity attribute', () => {
  it('are compared by index, as before: another order shows as the values that moved', async () => {
    const start = (candidate: boolean) =>
      startServer((_req, res) => {
        const steps = candidate ? ['mix', 'bake'] : ['bake', 'mix'];
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0"?><recipe>${steps.map((s) => `<step kind="x"><text>${s}</text></step>`).join('')}</recipe>`,
        );
      });
    const causes = await rootCausesOfServers(
      [
        'suite: xml',
        'cases:',
        '  - id: recipe',
        '    request: { method: GET, path: /recipe }',
      ].join('\n'),
      start,
    );
    expect(causes.length).toBeGreaterThan(0);
  });
});
