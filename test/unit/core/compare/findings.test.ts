/**
 * Findings and root-cause identity: each family of root cause, what its
 * fingerprint depends on (the cause) and what it never depends on (the case,
 * values, indices, ids, other findings).
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change, HeaderChange } from '../../../../src/contract/observation.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { fieldOf, findingsOf } from '../../../../src/core/compare/findings.js';
import { headerValueClass } from '../../../../src/core/compare/header-findings.js';
import {
  causeFingerprint,
  causeKey,
  isRootCauseFingerprint,
  patternOfFingerprint,
} from '../../../../src/core/compare/root-cause.js';

function comparison(
  changes: readonly Change[],
  options: { status?: [number, number]; headers?: readonly HeaderChange[] } = {},
): Comparison {
  const [baseline, candidate] = options.status ?? [200, 200];
  return {
    status: { equal: baseline === candidate, baseline, candidate },
    headers: options.headers ?? [],
    body: changes,
  };
}

function findings(endpoint: string, ...args: Parameters<typeof comparison>) {
  return findingsOf({ endpoint, comparison: comparison(...args) });
}

describe('pattern root causes', () => {
  it('make one nil slice of `/items/*/tags` in a list and `/tags` in a read', () => {
    const list = findings('GET /items', [
      { path: '/items/0/tags', op: 'type', baseline: [], candidate: null },
      { path: '/items/7/tags', op: 'type', baseline: [], candidate: null },
    ]);
    const read = findings('GET /items/:id', [
      { path: '/tags', op: 'type', baseline: [], candidate: null },
    ]);
    expect(list).toHaveLength(1);
    expect(read).toHaveLength(1);
    expect(list[0]?.fingerprint).toBe(read[0]?.fingerprint);
    expect(list[0]).toMatchObject({
      kind: 'shape',
      summary: '[] vs null',
      paths: ['/items/0/tags', '/items/7/tags'],
      cause: { type: 'pattern', pattern: 'nil-slice', field: '*' },
    });
    expect(list[0]?.fingerprint).toMatch(/^nil-slice-[0-9a-f]{12}$/);
  });

  it('depend on the defining parameters: direction and null vs absent are other causes', () => {
    const fp = (change: Change) => findings('GET /x', [change])[0]?.fingerprint;
    const nullInCandidate = fp({ path: '/tags', op: 'type', baseline: [], candidate: null });
    expect(fp({ path: '/tags', op: 'type', baseline: null, candidate: [] })).not.toBe(
      nullInCandidate,
    );
    expect(fp({ path: '/tags', op: 'removed', baseline: [] })).not.toBe(nullInCandidate);
    // An empty list written as null is one decision whatever the field (one encoder behaviour)…
    expect(fp({ path: '/labels', op: 'type', baseline: [], candidate: null })).toBe(
      nullInCandidate,
    );
    // … an empty list left out is a choice per field.
    expect(fp({ path: '/labels', op: 'removed', baseline: [] })).not.toBe(
      fp({ path: '/tags', op: 'removed', baseline: [] }),
    );
    // So are null vs absent and {} vs absent.
    expect(fp({ path: '/a', op: 'removed', baseline: {} })).not.toBe(
      fp({ path: '/b', op: 'removed', baseline: {} }),
    );
    expect(fp({ path: '/a', op: 'removed', baseline: null })).not.toBe(
      fp({ path: '/b', op: 'removed', baseline: null }),
    );
  });

  it('ignore values and variants: one tagged enum for every variant and message', () => {
    const tagged = (variant: string, field: string) =>
      findings('POST /v1/validate', [
        { path: `/${variant}`, op: 'removed', baseline: { field, reason: field } },
        { path: '/Kind', op: 'added', candidate: variant.toLowerCase() },
        { path: '/Field', op: 'added', candidate: field },
        { path: '/Reason', op: 'added', candidate: field },
      ]);
    const a = tagged('Schema', 'name');
    const b = tagged('Range', 'age');
    expect(a).toHaveLength(1);
    expect(b[0]?.fingerprint).toBe(a[0]?.fingerprint);
    expect(a[0]?.summary).toBe('externally tagged enum vs `Kind` discriminator');
  });

  it('ignore ids and array indices in the field, and the endpoint', () => {
    const at = (endpoint: string, path: string) =>
      findings(endpoint, [{ path, op: 'value', baseline: 'active', candidate: 'Active' }])[0]
        ?.fingerprint;
    const first = at('GET /users/:id', '/status');
    expect(at('GET /users', '/users/usr_8f2k1m9q/status')).toBe(first);
    expect(at('GET /jobs', '/data/3/status')).toBe(first);
  });
});

describe('status transitions', () => {
  it('are one cause per endpoint template and status pair', () => {
    const [status] = findings('POST /records/:id', [], { status: [400, 201] });
    expect(status).toMatchObject({
      kind: 'status',
      summary: 'status 400 → 201 on POST /records/:id',
      cause: { type: 'status', endpoint: 'POST /records/:id', baseline: 400, candidate: 201 },
    });
    expect(status?.fingerprint).toMatch(/^status-/);
    const other = findings('POST /records', [], { status: [400, 201] })[0];
    expect(other?.fingerprint).not.toBe(status?.fingerprint);
  });

  it('subsume the body and header differences when the status class changes', () => {
    const accepted = findings(
      'POST /records',
      [
        { path: '/error', op: 'removed', baseline: 'bad name' },
        { path: '/id', op: 'added', candidate: 7 },
      ],
      { status: [400, 201], headers: [{ name: 'location', baseline: undefined, candidate: '/7' }] },
    );
    expect(accepted.map((f) => f.kind)).toEqual(['status']);
  });

  it('subsume the body difference of a part against the whole (200 vs 206), keeping other headers', () => {
    // python3 -m http.server ignores `range: bytes=0-9` (200, the whole JSON);
    // http-server honours it (206, `{"name":"d`, which does not parse).
    const headers: HeaderChange[] = [
      { name: 'content-range', baseline: undefined, candidate: 'bytes 0-9/53' },
      { name: 'content-length', baseline: '53', candidate: '10' },
      { name: 'server', baseline: 'SimpleHTTP/0.6 Python/3.11.7', candidate: undefined },
    ];
    const body: Change[] = [
      {
        path: '',
        op: 'type',
        baseline: { kind: 'json', type: 'object' },
        candidate: { kind: 'invalid-json' },
      },
    ];
    for (const status of [
      [200, 206],
      [206, 200],
    ] as [number, number][]) {
      const partial = findings('GET /data.json', body, { status, headers });
      expect(partial.map((f) => f.summary)).toEqual([
        `status ${status[0]} → ${status[1]} on GET /data.json`,
        'header `server` missing in candidate',
      ]);
    }
    // Another 2xx pair keeps its body findings.
    const created = findings('GET /data.json', body, { status: [200, 201] });
    expect(created.map((f) => f.cause.type)).toEqual(['status', 'body-kind']);
  });

  it.each([
    // A WebDAV DELETE: one side answers 207 with a multistatus, the other 200 with nothing.
    [[207, 200], { kind: 'xml', type: 'object' }, { kind: 'empty' }, 'DELETE /dav/a'],
    // A JSON API's update: one side answers 200 with the record, the other 204.
    [[200, 204], { kind: 'json', type: 'object' }, { kind: 'empty' }, 'PATCH /notes/:id'],
  ] as const)(
    'make a body the status defines part of the status finding (%j)',
    (status, b, c, endpoint) => {
      const headers: HeaderChange[] = [
        { name: 'content-type', baseline: 'application/xml', candidate: undefined },
      ];
      const body: Change[] = [{ path: '', op: 'type', baseline: b, candidate: c }];
      const found = findings(endpoint, body, { status: [...status], headers });
      expect(found.map((f) => f.summary)).toEqual([
        `status ${status[0]} → ${status[1]} on ${endpoint}`,
      ]);
      // Two statuses that define no body keep the body-kind finding beside the status.
      const other = findings(endpoint, body, { status: [200, 202], headers });
      expect(other.map((f) => f.cause.type)).toEqual(['status', 'body-kind']);
    },
  );

  it('keep the body findings when both answers are errors (400 vs 422)', () => {
    const both = findings(
      'POST /records',
      [{ path: '/tags', op: 'type', baseline: [], candidate: null }],
      { status: [422, 400] },
    );
    expect(both.map((f) => f.cause.type)).toEqual(['status', 'pattern']);
  });
});

describe('a content-length beside bodies that differ', () => {
  const length = (baseline: string | undefined, candidate: string | undefined): HeaderChange => ({
    name: 'content-length',
    baseline,
    candidate,
  });
  const listing: Change = {
    path: '',
    op: 'value',
    baseline: '<ul>a</ul>',
    candidate: '<ul>ab</ul>',
  };

  it('is part of the body: each side computes it from its own body', () => {
    // python3 -m http.server vs http-server: directory listings of other HTML, other lengths.
    const listed = findings('GET /sub/', [listing], { headers: [length('283', '301')] });
    expect(listed.map((f) => f.summary)).toEqual(['GET /sub/: body differs']);
  });

  it('is part of the body when it is missing on the side that sent none', () => {
    // An HTML error page against an empty 404 (no body, no length).
    const kind: Change = {
      path: '',
      op: 'type',
      baseline: { kind: 'text' },
      candidate: { kind: 'empty' },
    };
    const missing = findings('GET /nope.txt', [kind], {
      status: [404, 404],
      headers: [
        length('335', undefined),
        { name: 'content-type', baseline: 'text/html', candidate: undefined },
      ],
    });
    expect(missing.map((f) => f.summary)).toEqual(['4xx bodies: text vs empty']);
  });

  it('keeps its row where the side that sent a body left it out (chunked), or where the bodies agree', () => {
    const chunked = findings('GET /sub/', [listing], { headers: [length('283', undefined)] });
    expect(chunked.map((f) => f.summary)).toEqual([
      'GET /sub/: body differs',
      'header `content-length` missing in candidate',
    ]);
    const alone = findings('GET /a', [], { headers: [length('2', '3')] });
    expect(alone.map((f) => f.cause.type)).toEqual(['header']);
  });
});

describe('header, body-kind and structure causes', () => {
  it('key a header by name and difference, values by class only', () => {
    const header = (baseline: string | undefined, candidate: string | undefined) =>
      findings('GET /a', [], { headers: [{ name: 'cache-control', baseline, candidate }] })[0];
    const missing = header('max-age=60', undefined);
    expect(missing?.summary).toBe('header `cache-control` missing in candidate');
    expect(header('no-cache', undefined)?.fingerprint).toBe(missing?.fingerprint);
    expect(
      findings('GET /b', [], {
        headers: [{ name: 'cache-control', baseline: 'x', candidate: undefined }],
      })[0]?.fingerprint,
    ).toBe(missing?.fingerprint);
    const value = header('max-age=60', 'max-age=3600');
    expect(value?.summary).toBe('header `cache-control` differs: `max-age=0` vs `max-age=0`');
    expect(header('max-age=5', 'max-age=10')?.fingerprint).toBe(value?.fingerprint);
    expect(header('max-age=5', 'no-store')?.fingerprint).not.toBe(value?.fingerprint);
  });

  it.each([
    // An upload server: refusals labelled text/plain, downloads octet-stream.
    { errors: 'text/plain;charset=UTF-8', other: 'application/octet-stream', side: 'baseline' },
    // A page server: JSON answers and HTML pages, the other side labelling none.
    { errors: 'application/json; charset=utf-8', other: 'text/html', side: 'candidate' },
  ] as const)(
    'key a content-type one side leaves out by the media type the other sends ($other)',
    ({ errors, other, side }) => {
      const left = (value: string): HeaderChange =>
        side === 'baseline'
          ? { name: 'content-type', baseline: undefined, candidate: value }
          : { name: 'content-type', baseline: value, candidate: undefined };
      const one = (endpoint: string, value: string) =>
        findings(endpoint, [], { headers: [left(value)] })[0];
      const refusal = one('POST /files', errors);
      const download = one('GET /files/:id', other);
      const media = errors.split(';')[0] ?? '';
      expect(refusal?.summary).toBe(
        `header \`content-type\` missing in ${side} where the ${side === 'baseline' ? 'candidate' : 'baseline'} sends \`${media.toLowerCase()}\``,
      );
      expect(refusal?.fingerprint).not.toBe(download?.fingerprint);
      // The parameters are not the media type: one cause on every endpoint.
      expect(one('PATCH /files/:id', media.toUpperCase())?.fingerprint).toBe(refusal?.fingerprint);
      // Any other header keeps its name alone (cache-control above).
    },
  );

  it('classify a secret header value as [redacted]', () => {
    const [secret] = findingsOf({
      endpoint: 'GET /a',
      comparison: comparison([], {
        headers: [{ name: 'set-cookie', baseline: 'sid=hunter2', candidate: 'sid=letmein' }],
      }),
      isSecretHeader: (name) => name === 'set-cookie',
    });
    expect(secret?.cause).toMatchObject({ classes: ['[redacted]', '[redacted]'] });
    expect(secret?.summary).not.toContain('hunter2');
  });

  it('key a body-kind change by the status class and the two kinds', () => {
    const kind = (status: number) =>
      findings(
        'GET /x',
        [
          {
            path: '',
            op: 'type',
            baseline: { kind: 'text' },
            candidate: { kind: 'json', type: 'object' },
          },
        ],
        { status: [status, status] },
      )[0];
    expect(kind(400)?.summary).toBe('4xx bodies: text vs JSON');
    expect(kind(404)?.fingerprint).toBe(kind(400)?.fingerprint);
    expect(kind(200)?.fingerprint).not.toBe(kind(400)?.fingerprint);
  });

  it('make each residual change a cause per resource and path within the record, without values', () => {
    const residual = (endpoint: string, value: number, at = '') =>
      findings(endpoint, [
        { path: `${at}/version`, op: 'added', candidate: value },
        // Names that hold digits: per-instance parts, so no template of their own.
        { path: `${at}/owner/name`, op: 'value', baseline: 'ann-1', candidate: 'bob-2' },
      ]);
    const read = residual('GET /items/:id', 1);
    expect(read.map((f) => f.summary)).toEqual([
      '/items: candidate adds `/version`',
      '/items: value of `/owner/name` differs',
    ]);
    expect(read.map((f) => f.kind)).toEqual(['shape', 'value']);
    // Whatever the value, and whether a read, a create or a list shows it: one cause.
    for (const same of [
      residual('GET /items/:id', 99),
      residual('POST /items', 1),
      residual('GET /items', 1, '/data/3'),
    ]) {
      expect(same.map((f) => f.fingerprint)).toEqual(read.map((f) => f.fingerprint));
    }
    expect(residual('GET /other/:id', 1)[0]?.fingerprint).not.toBe(read[0]?.fingerprint);
  });

  it('finds one finding per root cause of a case with several', () => {
    const many = findings(
      'GET /items/:id',
      [
        { path: '/tags', op: 'type', baseline: [], candidate: null },
        { path: '/deleted_at', op: 'added', candidate: null },
        {
          path: '/created_at',
          op: 'value',
          baseline: '2024-01-15T09:30:00Z',
          candidate: '2024-01-15T09:30:00.12Z',
        },
        { path: '/version', op: 'added', candidate: 3 },
      ],
      { headers: [{ name: 'etag', baseline: 'W/"a1"', candidate: '"b2"' }] },
    );
    expect(many.map((f) => f.cause.type)).toEqual([
      'pattern',
      'pattern',
      'pattern',
      'structure',
      'header',
    ]);
    expect(new Set(many.map((f) => f.fingerprint)).size).toBe(5);
  });
});

describe('identity helpers', () => {
  it('pins the canonical key and fingerprint of a cause (changing them renames every row)', () => {
    const cause = {
      type: 'pattern',
      pattern: 'nil-slice',
      field: 'tags',
      params: ['baseline-empty', 'null'],
      detail: '[] vs null',
    } as const;
    expect(causeKey(cause)).toBe('["pattern","nil-slice","tags","baseline-empty","null"]');
    expect(causeKey({ ...cause, detail: 'other words' })).toBe(causeKey(cause));
    expect(causeFingerprint(cause)).toBe('nil-slice-8f6b9b523eaf');
    expect(isRootCauseFingerprint(causeFingerprint(cause))).toBe(true);
    expect(isRootCauseFingerprint('fe9a3cac27df12bb')).toBe(false);
    expect(patternOfFingerprint(causeFingerprint(cause))).toBe('nil-slice');
    expect(patternOfFingerprint('status-0123456789ab')).toBeUndefined();
  });

  it('takes the field from the anchor: the last key, or the body for an element', () => {
    expect(fieldOf('/items/3/tags')).toBe('tags');
    expect(fieldOf('/items/3')).toBe('');
    expect(fieldOf('')).toBe('');
    expect(fieldOf('/users/usr_8f2k1m9q')).toBe('');
    expect(fieldOf('/error')).toBe('error');
  });

  it('classes header values: digits, quoted strings and long tokens elided', () => {
    expect(headerValueClass('max-age=3600, public')).toBe('max-age=0, public');
    expect(headerValueClass('W/"5e-18f3c2a1b"')).toBe('w/"…"');
    expect(headerValueClass('application/json')).toBe('application/json');
    expect(headerValueClass('abcdefghijklmnopqrstuvwxyzabcdef')).toBe('…');
  });
});

describe('members added or removed with zero values', () => {
  it('are one cause per object, whatever their names, values or how many elements show them', () => {
    const struct = (names: [string, string, string]) =>
      findings('GET /v1/records', [
        { path: `/items/0/${names[0]}`, op: 'added', candidate: 0 },
        { path: `/items/0/${names[1]}`, op: 'added', candidate: '' },
        { path: `/items/1/${names[2]}`, op: 'added', candidate: false },
        { path: '/items/1/legacy', op: 'removed', baseline: 1 },
      ]);
    const zero = struct(['Max', 'Min', 'Reason']);
    expect(zero.map((f) => f.summary)).toEqual([
      '/v1/records: candidate adds zero-valued members to `/`',
      '/v1/records: candidate lacks `/legacy`',
    ]);
    expect(zero[0]?.paths).toEqual(['/items/0/Max', '/items/0/Min', '/items/1/Reason']);
    // A rule that hides some of them leaves the same cause.
    expect(struct(['Min', 'Min', 'Note'])[0]?.fingerprint).toBe(zero[0]?.fingerprint);
  });

  it('a member added with a value keeps its own cause, with its type', () => {
    const [only] = findings('GET /v1/records/:id', [
      { path: '/version', op: 'added', candidate: 3 },
    ]);
    expect(only?.summary).toBe('/v1/records: candidate adds `/version`');
    expect(only?.cause).toMatchObject({ change: { candidate: 'number' } });
  });
});

describe('digests that change together', () => {
  const sha1 = (c: string) => c.repeat(40);
  const sri = (c: string) => `sha512-${c.repeat(86)}==`;

  it('are one cause per object, in a read and in a list of versions alike', () => {
    const read = findings('GET /pkg/:id', [
      { path: '/dist/shasum', op: 'value', baseline: sha1('a'), candidate: sha1('b') },
      { path: '/dist/integrity', op: 'value', baseline: sri('A'), candidate: sri('B') },
    ]);
    const doc = findings('GET /pkg', [
      {
        path: '/versions/1.0.0/dist/shasum',
        op: 'value',
        baseline: sha1('a'),
        candidate: sha1('c'),
      },
      {
        path: '/versions/1.0.0/dist/integrity',
        op: 'value',
        baseline: sri('A'),
        candidate: sri('C'),
      },
    ]);
    expect(read.map((f) => f.summary)).toEqual(['/pkg: digests in `/dist` differ']);
    expect(read[0]?.paths).toEqual(['/dist/shasum', '/dist/integrity']);
    expect(doc.map((f) => f.fingerprint)).toEqual(read.map((f) => f.fingerprint));
    expect(read[0]?.cause).toMatchObject({ change: { baseline: 'digests', candidate: 'digests' } });
  });

  it('a digest against a value of another format stays a value of its own', () => {
    const [one] = findings('GET /pkg/:id', [
      { path: '/dist/shasum', op: 'value', baseline: sha1('a'), candidate: 'pending' },
    ]);
    expect(one?.summary).toBe('/pkg: value of `/dist/shasum` differs');
  });

  it('a long decimal is no digest, whatever its member is called', () => {
    for (const [path, x, y] of [
      ['/SequenceNumber', '4'.repeat(56), '5'.repeat(56)],
      ['/cursor/offset', '12'.repeat(20), '13'.repeat(20)],
    ] as const) {
      const [one] = findings('POST /', [{ path, op: 'value', baseline: x, candidate: y }]);
      expect(one?.summary).toBe(`/: value of \`${path}\` differs`);
    }
  });
});

describe('a count that follows a list', () => {
  it('joins the cause of the list it counts when it moves by as many items as the list', () => {
    const search = findings('GET /-/v1/search', [
      { path: '/objects/0', op: 'removed', baseline: { package: { name: 'a' } } },
      { path: '/total', op: 'value', baseline: 1, candidate: 0 },
    ]);
    expect(search.map((f) => f.summary)).toEqual([
      '/-/v1/search: candidate lacks elements of the list `/objects`',
    ]);
    expect(search[0]?.paths).toEqual(['/objects/0', '/total']);
  });

  it('stays a cause of its own when it moves otherwise, or lives elsewhere', () => {
    const other = findings('GET /-/v1/search', [
      { path: '/objects/0', op: 'removed', baseline: { package: { name: 'a' } } },
      { path: '/total', op: 'value', baseline: 7, candidate: 3 },
      { path: '/meta/count', op: 'value', baseline: 1, candidate: 0 },
    ]);
    expect(other.map((f) => f.summary)).toEqual([
      '/-/v1/search: candidate lacks elements of the list `/objects`',
      '/-/v1/search: value of `/total` differs',
      '/-/v1/search: value of `/meta/count` differs',
    ]);
  });
});

describe('list elements one side adds or lacks', () => {
  it('are said to be elements of the list, not the list itself', () => {
    const found = findings('GET /posts', [
      { path: '/4', op: 'added', candidate: { id: 9 } },
      { path: '/0/comments/1', op: 'removed', baseline: { id: 2 } },
    ]);
    expect(found.map((f) => f.summary)).toEqual([
      '/posts: candidate adds elements to the top-level list',
      '/posts: candidate lacks elements of the list `/comments`',
    ]);
  });
});

describe('a header family missing on one side', () => {
  const missing = (name: string): HeaderChange => ({ name, baseline: 'x', candidate: undefined });

  it('is one cause when two or more of its headers are missing on the same side', () => {
    const found = findings('GET /x', [], {
      headers: [
        missing('x-ratelimit-limit'),
        missing('x-ratelimit-remaining'),
        missing('x-ratelimit-reset'),
      ],
    });
    expect(found.map((f) => f.summary)).toEqual(['header `x-ratelimit-*` missing in candidate']);
  });

  it('keeps a lone header, and headers missing on different sides, apart', () => {
    const found = findings('GET /x', [], {
      headers: [
        missing('x-ratelimit-limit'),
        { name: 'x-ratelimit-reset', baseline: undefined, candidate: '1' },
        missing('cache-control'),
      ],
    });
    expect(found.map((f) => f.summary)).toEqual([
      'header `x-ratelimit-limit` missing in candidate',
      'header `x-ratelimit-reset` missing in baseline',
      'header `cache-control` missing in candidate',
    ]);
  });
});

describe('a map of names whose keys differ', () => {
  it('is one cause per op at the map, not one per key, once more than 50 keys changed', () => {
    const names = (prefix: string, n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { v: i }]));
    const rows = (n: number) =>
      findingsOf({
        endpoint: 'GET /users',
        comparison: {
          status: { equal: true, baseline: 200, candidate: 200 },
          headers: [],
          body: diffJson(names('alice', n), names('bob', n), { arrayKeys: [], tolerance: [] }),
        },
      });
    expect(rows(60)).toHaveLength(2);
    expect(rows(60)[0]?.paths).toHaveLength(60);
    // Fifty keys or fewer: the members keep their own causes.
    expect(rows(3)).toHaveLength(6);
  });
});
