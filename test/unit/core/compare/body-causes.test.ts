/**
 * Issue 43: bodies keyed by what changed, not by where (`text-bodies.ts`,
 * `body-causes.ts`). A whole text body that differs the same way on several
 * endpoints is one cause; a body change seen only where the status differs
 * is the status's; one side's error bodies of several kinds are one cause.
 * Each class is planted twice, with other names and shapes, and two real
 * causes on the same answers stay two rows.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change } from '../../../../src/contract/observation.js';
import type { Finding } from '../../../../src/contract/root-cause.js';
import { type ClusterAnswer, clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import {
  differencesOf,
  sameLinesReordered,
  textDifference,
} from '../../../../src/core/compare/text-bodies.js';
import { maskComparison } from '../../../../src/judge/noise/mask.js';

interface Answer extends ClusterAnswer {
  readonly findings: readonly Finding[];
  readonly changes: readonly Change[];
}

function text(baseline: string, candidate: string): Change {
  return { path: '', op: 'value', baseline, candidate };
}

function kinds(baseline: string, candidate: string): Change {
  return { path: '', op: 'type', baseline: { kind: baseline }, candidate: { kind: candidate } };
}

function answer(
  caseId: string,
  endpoint: string,
  status: [number, number],
  body: Change[],
  options: { textType?: string; path?: string } = {},
): Answer {
  const [baseline, candidate] = status;
  const comparison: Comparison = {
    status: { equal: baseline === candidate, baseline, candidate },
    headers: [],
    body,
    ...(options.textType === undefined ? {} : { textType: options.textType }),
  };
  const requestPath = options.path ?? endpoint.split(' ')[1];
  const findings = findingsOf({
    endpoint,
    comparison,
    ...(requestPath === undefined ? {} : { requestPath }),
  });
  return { caseId, endpoint, findings, changes: body };
}

/** Every row the answers make once clustered: summary → the cases that show it (two rows of one summary fail). */
function rows(answers: readonly Answer[]): Map<string, string[]> {
  const clusters = clusterCauses(answers);
  const out = new Map<string, string[]>();
  const fingerprints = new Map<string, string>();
  for (const { caseId, endpoint, findings } of answers) {
    for (const f of clusteredFindings(endpoint, findings, clusters)) {
      expect(fingerprints.get(f.summary) ?? f.fingerprint).toBe(f.fingerprint);
      fingerprints.set(f.summary, f.fingerprint);
      out.set(f.summary, [...(out.get(f.summary) ?? []), caseId]);
    }
  }
  return out;
}

describe('text bodies: the same lines in another order', () => {
  it.each([
    [
      'iCalendar properties',
      'BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:a\r\nEND:VEVENT',
      'BEGIN:VEVENT\r\nSUMMARY:a\r\nUID:1\r\nEND:VEVENT',
    ],
    ['a properties file', 'name=x\nport=80\nmode=y', 'mode=y\nname=x\nport=80'],
  ])('%s: is a reorder', (_, b, c) => {
    expect(sameLinesReordered(b, c)).toBe(true);
    expect(textDifference(text(b, c), 'text/plain', {})).toBe('reorder|text/plain');
  });

  it('is no reorder when a line differs, or is missing', () => {
    expect(sameLinesReordered('a\nb\nc', 'b\na\nd')).toBe(false);
    expect(sameLinesReordered('a\nb\nc', 'b\na')).toBe(false);
  });
});

describe('text bodies: what differs, per-request values elided', () => {
  it.each([
    ['/users/7', 'Path /users/7 not found.', '/orders/12', 'Path /orders/12 not found.'],
    [
      '/files/a%20b.txt',
      'No file /files/a b.txt here',
      '/files/c.txt',
      'No file /files/c.txt here',
    ],
  ])('%s and %s: one key once the echoed path is elided', (p1, c1, p2, c2) => {
    const one = textDifference(text('missing', c1), 'text/html', { path: p1 });
    const two = textDifference(text('missing', c2), 'text/html', { path: p2 });
    expect(one).toBe(two);
    expect(textDifference(text('missing', c2), 'text/plain', { path: p2 })).not.toBe(one);
  });

  it.each([
    // Express's finalhandler page against a page that names neither (Werkzeug's).
    [
      'text/html',
      (method: string, path: string) => `<pre>Cannot ${method} ${path}</pre>`,
      '/bookings/first',
      '/rooms',
    ],
    // Fastify's words for a route it lacks, as text, against Go's `404 page not found`.
    [
      'text/plain',
      (method: string, path: string) => `Route ${method}:${path} not found`,
      '/v2/parcels/abc',
      '/v2/depots',
    ],
  ])('%s: one key whatever method the page names beside the path', (type, page, p1, p2) => {
    const key = (method: string, path: string) =>
      textDifference(text('Not Found', page(method, path)), type, { path, method });
    const get = key('GET', p1);
    expect(key('DELETE', p1)).toBe(get);
    expect(key('PUT', p2)).toBe(get);
    // Without the method elided, the two methods' pages differ (the key this replaces).
    const unelided = (method: string) =>
      textDifference(text('Not Found', page(method, p1)), type, { path: p1 });
    expect(unelided('DELETE')).not.toBe(unelided('GET'));
  });

  it('elides the method only as a whole word in its own letters', () => {
    const key = (body: string, method: string) =>
      textDifference(text('Not Found', body), 'text/plain', { path: '/things', method });
    // A longer word that starts with the method, and the method in other letters, are the page's words.
    expect(key('GETTING started', 'GET')).not.toBe(key('POSTTING started', 'POST'));
    expect(key('Cannot get /things', 'GET')).not.toBe(key('Cannot delete /things', 'DELETE'));
    expect(key('Cannot GET /things', 'GET')).toBe(key('Cannot DELETE /things', 'DELETE'));
    // Another page (another reason) stays another key.
    expect(key('Cannot GET /things', 'GET')).not.toBe(key('Gone: GET /things', 'GET'));
  });

  it('keys the lines the texts do not share: a page template around them may differ', () => {
    const page = (title: string, inner: string) =>
      `<html>\n<title>${title}</title>\n${inner}\n</html>`;
    const one = textDifference(
      text(page('a', 'Powered by X'), page('a', 'Powered by Y')),
      'text/html',
      { path: '/a' },
    );
    const two = textDifference(
      text(page('b', 'Powered by X'), page('b', 'Powered by Y')),
      'text/html',
      { path: '/b' },
    );
    expect(one).toBe(two);
  });
});

describe.each([
  {
    name: 'each server’s own 404 page',
    endpoints: ['GET /api/users/:id', 'GET /api/orders', 'GET /api/things'],
    baseline: '<h1>Page Not Found</h1>',
    candidate: '<html><title>404 Not Found</title></html>',
    other: '<html><title>Gone for good</title></html>',
    textType: 'text/html',
  },
  {
    name: 'an event written back in another property order',
    endpoints: ['GET /cal/work/:id', 'GET /cal/home/:id', 'GET /cal/trips/:id'],
    baseline: 'BEGIN:VEVENT\nUID:x\nDTSTART:1\nSUMMARY:s\nEND:VEVENT',
    candidate: 'BEGIN:VEVENT\nSUMMARY:s\nDTSTART:1\nUID:x\nEND:VEVENT',
    other: 'BEGIN:VEVENT\nUID:x\nDTSTART:1\nEND:VEVENT',
    textType: 'text/calendar',
  },
])(
  'a text body that differs the same way: $name',
  ({ endpoints, baseline, candidate, other, textType }) => {
    const [e1 = '', e2 = '', e3 = ''] = endpoints;
    const same = (id: string, endpoint: string) =>
      answer(id, endpoint, [404, 404], [text(baseline, candidate)], { textType });

    it('is one row on every endpoint it recurs on', () => {
      const found = rows([same('c/1', e1), same('c/2', e2), same('c/3', e3)]);
      expect(found.size).toBe(1);
      expect([...found.values()][0]).toEqual(['c/1', 'c/2', 'c/3']);
      expect([...found.keys()][0]).not.toMatch(/^GET /);
    });

    it('stays the endpoint’s own row on one endpoint', () => {
      const found = rows([same('c/1', e1), same('c/2', e1)]);
      expect([...found.keys()]).toEqual([`${e1}: body differs`]);
    });

    it('keeps another difference on the same endpoints apart: two causes, two rows', () => {
      const found = rows([
        same('c/1', e1),
        same('c/2', e2),
        answer('c/3', e1, [404, 404], [text(baseline, other)], { textType }),
        answer('c/4', e2, [404, 404], [text(baseline, other)], { textType }),
      ]);
      expect(found.size).toBe(2);
      expect([...found.values()]).toEqual([
        ['c/1', 'c/2'],
        ['c/3', 'c/4'],
      ]);
    });

    it('supersedes the row the body had on its endpoint', () => {
      const answers = [same('c/1', e1), same('c/2', e2)];
      const clusters = clusterCauses(answers);
      const [finding] = clusteredFindings(e1, answers[0]?.findings ?? [], clusters);
      if (finding === undefined) throw new Error('no finding');
      const own = answers[0]?.findings[0];
      if (own === undefined) throw new Error('no own finding');
      const earlier = earlierKeys({
        endpoint: e1,
        findings: [finding],
        changes: answers[0]?.changes ?? [],
        headerChanges: [],
        notMembers: new Set(),
      });
      // And a text's row kept apart on its endpoint beside another difference (rule 9); a
      // reorder has none (no `alike`).
      if (finding.cause.type !== 'structure') throw new Error('no whole body');
      const { alike } = finding.cause;
      const apart = { ...finding.cause, endpoint: e1, apart: true as const };
      expect(earlier.get(finding.fingerprint)).toEqual(
        alike === undefined ? [own.fingerprint] : [own.fingerprint, causeFingerprint(apart)],
      );
    });
  },
);

describe.each([
  {
    name: 'an empty 404 against a 400 page',
    status: [404, 400] as [number, number],
    body: kinds('empty', 'text'),
    endpoint: 'GET /../../etc/passwd',
    other: 'GET /assets/:id',
  },
  {
    name: 'a 404 page against a 403 page',
    status: [404, 403] as [number, number],
    body: text('<h1>Not Found</h1>', '<h1>403 Forbidden</h1>'),
    endpoint: 'GET /api/',
    other: 'GET /api/private',
  },
])(
  'a body change seen only where the status differs: $name',
  ({ status, body, endpoint, other }) => {
    it('is part of the status row', () => {
      const found = rows([answer('c/1', endpoint, status, [body], { textType: 'text/html' })]);
      expect([...found.keys()]).toEqual([`status ${status[0]} → ${status[1]} on ${endpoint}`]);
    });

    it('keeps its own row where an answer with agreeing statuses shows it too', () => {
      const found = rows([
        answer('c/1', endpoint, status, [body], { textType: 'text/html', path: '/x' }),
        answer('c/2', other, [status[0], status[0]], [body], { textType: 'text/html', path: '/x' }),
      ]);
      // The status row, and the body's own row listing both answers.
      expect(found.size).toBe(2);
      expect(found.get(`status ${status[0]} → ${status[1]} on ${endpoint}`)).toEqual(['c/1']);
      expect([...found.values()]).toContainEqual(['c/1', 'c/2']);
    });

    it('supersedes the row the body had', () => {
      const one = answer('c/1', endpoint, status, [body], { textType: 'text/html' });
      const [finding] = clusteredFindings(endpoint, one.findings, clusterCauses([one]));
      if (finding === undefined) throw new Error('no finding');
      expect(finding.paths).toEqual(['']);
      const bodyFinding = one.findings.find((f) => f.cause.type !== 'status');
      const earlier = earlierKeys({
        endpoint,
        findings: [finding],
        changes: one.changes,
        headerChanges: [],
        notMembers: new Set(),
      });
      expect(earlier.get(finding.fingerprint)).toEqual([bodyFinding?.fingerprint]);
    });
  },
);

describe.each([
  { side: 'baseline', kept: 'text', others: ['empty', 'binary'], statuses: [412, 404] },
  { side: 'candidate', kept: 'json', others: ['text', 'empty'], statuses: [500, 503] },
])('error bodies whose $side keeps one kind', ({ side, kept, others, statuses }) => {
  const [o1 = '', o2 = ''] = others;
  const [s1 = 400, s2 = 400] = statuses;
  const change = (other: string) => (side === 'baseline' ? kinds(kept, other) : kinds(other, kept));
  const klass = `${Math.floor(s1 / 100)}xx`;

  it('are one cause: the other side’s error bodies', () => {
    const found = rows([
      answer('c/1', 'PUT /items/:id', [s1, s1], [change(o1)]),
      answer('c/2', 'GET /items/:id', [s2, s2], [change(o2)]),
    ]);
    const words =
      side === 'baseline'
        ? `${kept === 'json' ? 'JSON' : kept} vs other kinds`
        : `other kinds vs ${kept === 'json' ? 'JSON' : kept}`;
    expect([...found.entries()]).toEqual([[`${klass} bodies: ${words}`, ['c/1', 'c/2']]]);
  });

  it('stay apart where neither side keeps one kind (two causes on the same class)', () => {
    const found = rows([
      answer('c/1', 'PUT /items/:id', [s1, s1], [change(o1)]),
      answer('c/2', 'GET /items/:id', [s2, s2], [kinds('xml', 'invalid-json')]),
    ]);
    expect(found.size).toBe(2);
  });

  it('stay apart in success answers', () => {
    const found = rows([
      answer('c/1', 'PUT /items/:id', [200, 200], [change(o1)]),
      answer('c/2', 'GET /items/:id', [200, 200], [change(o2)]),
    ]);
    expect(found.size).toBe(2);
  });

  it('supersede the body-kind row each had', () => {
    const answers = [
      answer('c/1', 'PUT /items/:id', [s1, s1], [change(o1)]),
      answer('c/2', 'GET /items/:id', [s2, s2], [change(o2)]),
    ];
    const clusters = clusterCauses(answers);
    const [finding] = clusteredFindings('PUT /items/:id', answers[0]?.findings ?? [], clusters);
    if (finding === undefined) throw new Error('no finding');
    const earlier = earlierKeys({
      endpoint: 'PUT /items/:id',
      findings: [finding],
      changes: answers[0]?.changes ?? [],
      headerChanges: [],
      notMembers: new Set(),
    });
    expect(earlier.get(finding.fingerprint)).toEqual([
      causeFingerprint(
        answers[0]?.findings[0]?.cause ?? { type: 'header', name: '', difference: 'value' },
      ),
    ]);
  });
});

describe('a text body judged again from a report (cut, no media type, no request path)', () => {
  it.each([
    [
      'a 404 page',
      'GET /users/:id',
      '<h1>Not Found</h1>',
      '<p>Path /users/7 not found.</p>',
      '/users/7',
    ],
    ['an event', 'GET /cal/:id', 'UID:1\nSUMMARY:a', 'SUMMARY:a\nUID:1', '/cal/1'],
  ])('%s: keeps the difference the run judged on the whole texts', (_, endpoint, b, c, path) => {
    const whole = answer('c/1', endpoint, [404, 404], [text(b, c)], {
      textType: 'text/html',
      path,
    });
    const cut = answer('c/1', endpoint, [404, 404], [text(b, `${c.slice(0, 8)}…`)], {
      path: '/elsewhere',
    });
    const [before] = whole.findings;
    const [after] = differencesOf(cut.findings, whole.findings);
    expect(after?.fingerprint).toBe(before?.fingerprint);
    expect(after?.cause).toEqual(before?.cause);
    expect(cut.findings[0]?.cause).not.toEqual(before?.cause);
  });

  it('keeps what a masked comparison says of its bodies', () => {
    const comparison: Comparison = {
      status: { equal: true, baseline: 200, candidate: 200 },
      headers: [{ name: 'x-request-id', baseline: 'a', candidate: 'b' }],
      body: [text('a\nb', 'b\na')],
      textType: 'text/plain',
    };
    const masked = maskComparison(comparison, {
      values: [],
      orders: [],
      headers: ['x-request-id'],
    });
    expect(masked.headers).toEqual([]);
    expect(masked.textType).toBe('text/plain');
  });
});

function typed(baseline: unknown, candidate: unknown): Change {
  return { path: '', op: 'type', baseline, candidate };
}

describe.each([
  {
    name: 'a message string against an error object',
    endpoints: ['GET /mail/:id/raw', 'GET /mail/:id/download', 'GET /mail/:id/part/:id'],
    status: 404,
    baseline: 'File not found',
    candidate: (at: string) => ({ error: `${at} was not found` }),
    // The same transition with one more member on the object side: another change.
    more: { error: 'gone', code: 'E_GONE' },
  },
  {
    name: 'a boolean against a result object',
    endpoints: ['PUT /locks/:id', 'PUT /leases/:id', 'PUT /holds/:id'],
    status: 409,
    baseline: false,
    candidate: (at: string) => ({ ok: false, holder: at }),
    more: { ok: false, holder: 'x', since: 3 },
  },
])(
  'a whole body of another JSON type: $name',
  ({ endpoints, status, baseline, candidate, more }) => {
    const [e1 = '', e2 = '', e3 = ''] = endpoints;
    const same = (id: string, endpoint: string) =>
      answer(id, endpoint, [status, status], [typed(baseline, candidate(endpoint))]);

    it('is one row on every endpoint it recurs on, whatever the object side’s values', () => {
      const found = rows([same('c/1', e1), same('c/2', e2), same('c/3', e3)]);
      const type = typeof baseline === 'string' ? 'string' : 'boolean';
      expect([...found.keys()]).toEqual([
        expect.stringMatching(
          new RegExp(
            `^body ${type} vs object alike on several endpoints \\(${status}, [0-9a-f]{8}\\)$`,
          ),
        ),
      ]);
      expect([...found.values()]).toEqual([['c/1', 'c/2', 'c/3']]);
    });

    it('stays the endpoint’s own row on one endpoint', () => {
      const found = rows([same('c/1', e1), same('c/2', e1)]);
      expect([...found.keys()]).toEqual([`${e1}: body ${typeof baseline} vs object`]);
    });

    it('keeps another member set, another status and another transition apart', () => {
      const found = rows([
        same('c/1', e1),
        same('c/2', e2),
        // A real second change on those endpoints: the object has other members.
        answer('c/3', e1, [status, status], [typed(baseline, more)]),
        answer('c/4', e3, [status, status], [typed(baseline, more)]),
        // The same bodies under another status.
        answer('c/5', e2, [status + 1, status + 1], [typed(baseline, candidate(e2))]),
        answer('c/6', e3, [status + 1, status + 1], [typed(baseline, candidate(e3))]),
        // A list against the object: another transition.
        answer('c/7', e1, [status, status], [typed([baseline], candidate(e1))]),
        answer('c/8', e2, [status, status], [typed([baseline], candidate(e2))]),
      ]);
      expect([...found.values()]).toEqual([
        ['c/1', 'c/2'],
        ['c/3', 'c/4'],
        ['c/5', 'c/6'],
        ['c/7', 'c/8'],
      ]);
    });

    it('keeps another value on the scalar side apart', () => {
      const other = typeof baseline === 'string' ? 'Access denied' : true;
      const found = rows([
        same('c/1', e1),
        same('c/2', e2),
        answer('c/3', e1, [status, status], [typed(other, candidate(e1))]),
        answer('c/4', e3, [status, status], [typed(other, candidate(e3))]),
      ]);
      expect(found.size).toBe(2);
    });
  },
);

describe.each([
  {
    name: 'XML errors against JSON documents and one empty answer',
    side: 'baseline',
    kept: 'xml',
    document: 'json',
    words: ['4xx bodies: XML vs JSON', '4xx bodies: XML vs empty'],
    endpoints: ['GET /tables/:id', 'POST /tables', 'DELETE /rows/:id'],
  },
  {
    name: 'text errors against XML documents and one empty answer',
    side: 'candidate',
    kept: 'text',
    document: 'xml',
    words: ['4xx bodies: XML vs text', '4xx bodies: empty vs text'],
    endpoints: ['PUT /files/:id', 'GET /files/:id', 'MOVE /files/:id'],
  },
])('one side’s error bodies with one answer left empty ($name)', (f) => {
  const change = (other: string) =>
    f.side === 'baseline' ? kinds(f.kept, other) : kinds(other, f.kept);
  const [e1 = '', e2 = '', e3 = ''] = f.endpoints;
  const answers = () => [
    answer('c/1', e1, [404, 404], [change(f.document)]),
    answer('c/2', e2, [409, 409], [change(f.document)]),
    answer('c/3', e3, [400, 400], [change('empty')]),
  ];

  it('the empty answer is a row of its own beside the documents’ row', () => {
    const found = rows(answers());
    expect([...found.keys()].sort()).toEqual([...f.words].sort());
    expect([...found.entries()].find(([key]) => key.includes('empty'))?.[1]).toEqual(['c/3']);
  });

  it('supersedes the joined row it was part of', () => {
    const all = answers();
    const empty = all[2];
    if (empty === undefined) throw new Error('no answer');
    const [finding] = clusteredFindings(e3, empty.findings, clusterCauses(all));
    if (finding === undefined) throw new Error('no finding');
    const earlier = earlierKeys({
      endpoint: e3,
      findings: [finding],
      changes: empty.changes,
      headerChanges: [],
      notMembers: new Set(),
    });
    const joined = {
      type: 'body-kind',
      statusClass: '4xx',
      baseline: f.side === 'baseline' ? f.kept : '*',
      candidate: f.side === 'baseline' ? '*' : f.kept,
    } as const;
    expect(earlier.get(finding.fingerprint)).toEqual([causeFingerprint(joined)]);
  });
});

describe('a whole body of another JSON type where the statuses differ', () => {
  it.each([
    [
      'a message against an error object',
      'GET /files/:id',
      [404, 410],
      'File not found',
      { error: 'gone' },
    ],
    ['a list against a count object', 'GET /tags', [200, 202], ['a'], { count: 1, next: 'x' }],
  ] as const)('%s: is part of the status row', (_, endpoint, status, b, c) => {
    const found = rows([answer('c/1', endpoint, [...status], [typed(b, c)])]);
    expect([...found.keys()]).toEqual([`status ${status[0]} → ${status[1]} on ${endpoint}`]);
  });
});
