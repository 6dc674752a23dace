/**
 * `parity decide --family` and `--path` on the document: which rows a family
 * and a path pattern select (a row's places are the ones its Summary names),
 * and a decision across endpoints that keeps every other byte.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../../src/engine/decide.js';
import { splitLines } from '../../../../src/io/tracker/cells.js';
import { decideRows } from '../../../../src/io/tracker/decide.js';
import { parseTracker } from '../../../../src/io/tracker/parse.js';
import { renderTracker } from '../../../../src/io/tracker/render.js';
import {
  familyOf,
  globSegments,
  placeMatches,
  rowPlaces,
  rowWithin,
} from '../../../../src/io/tracker/select.js';
import { ALIGN, HEADER, usage } from './fixtures.js';

const row = (id: string, summary: string, fingerprint: string, status = '_open_') =>
  `| ${id} | ${status} | shape | \`GET /x\` | \`s/${id}\` | ${summary} | 2026-01-01 | 2026-01-02 |  | \`${fingerprint}\` |  |`;

const TRACKER = [
  '# T',
  '',
  '<!-- parity:tracker:start -->',
  HEADER,
  ALIGN,
  row('PAR-001', 'GET /v1/orders/:id: candidate lacks `/meta/requestId`', 'structure-000000000001'),
  '> the envelope: ask the gateway team',
  row('PAR-002', '/v1/accounts: candidate lacks `/meta/traceId`', 'structure-000000000002'),
  row('PAR-003', '/v1/users: candidate adds `/data/nickname`', 'structure-000000000003'),
  row('PAR-004', '[] vs null at `records`, `tags`', 'nil-slice-000000000004'),
  row('PAR-005', 'absent vs null at `deletedAt`', 'null-vs-absent-000000000005'),
  row('PAR-006', 'status 400 → 201 on POST /x', 'status-000000000006'),
  row('PAR-007', '/v1/items: candidate lacks `/envelope/page`', 'structure-000000000007'),
  row('PAR-008', '/v1/items: candidate lacks `/envelope/cursor/next`', 'structure-000000000008'),
  row('PAR-009', '/v1/old: candidate lacks `/meta/gone`', 'structure-000000000009', '_resolved_'),
  '<!-- parity:tracker:end -->',
  'after the table',
  '',
].join('\n');

const doc = () => parseTracker(TRACKER, 'T.md');
const ids = (request: Omit<Parameters<typeof decideRows>[1], 'ids' | 'status'>) =>
  decideRows(doc(), { ids: [], status: 'accepted', ...request }).decided.map((d) => d.id);

describe('a row family', () => {
  it("is the fingerprint's prefix: a pattern, or a cause type", () => {
    expect(familyOf('nil-slice-0123456789ab')).toBe('nil-slice');
    expect(familyOf('body-kind-0123456789ab')).toBe('body-kind');
    expect(familyOf('0123456789abcdef')).toBeUndefined();
    expect(FAMILIES).toEqual(
      expect.arrayContaining([
        'nil-slice',
        'key-rename',
        'structure',
        'status',
        'header',
        'body-kind',
      ]),
    );
    expect(FAMILIES).not.toContain('pattern');
  });

  it('selects its open and decided rows, and only those', () => {
    expect(ids({ family: 'structure' })).toEqual([
      'PAR-001',
      'PAR-002',
      'PAR-003',
      'PAR-007',
      'PAR-008',
    ]);
    expect(ids({ family: 'nil-slice' })).toEqual(['PAR-004']);
    expect(ids({ family: 'status' })).toEqual(['PAR-006']);
  });
});

describe('the places a row names', () => {
  it('are the pointers of a structural row, the fields after " at " of a pattern row, none of a status row', () => {
    const places = (summary: string, fingerprint: string) => rowPlaces({ summary, fingerprint });
    expect(places('/a: candidate lacks `/meta/requestId`', 'structure-000000000001')).toEqual([
      { kind: 'pointer', segments: ['meta', 'requestId'] },
    ]);
    expect(places('[] vs null at `records`, `tags`', 'nil-slice-000000000004')).toEqual([
      { kind: 'field', name: 'records' },
      { kind: 'field', name: 'tags' },
    ]);
    // Example values set side by side are no places, even where they look like pointers.
    expect(
      places('value of `/owner/path` differs: `/srv/a` vs `/srv/b`', 'structure-000000000001'),
    ).toEqual([{ kind: 'pointer', segments: ['owner', 'path'] }]);
    expect(
      places(
        'message reworded (moved from `/error` to `/detail`): `/x not found` vs `no /x`',
        'structure-000000000001',
      ),
    ).toEqual([
      { kind: 'pointer', segments: ['error'] },
      { kind: 'pointer', segments: ['detail'] },
    ]);
    // Code spans of the pattern's own words are no places.
    expect(places('error envelope `error` vs `message`', 'error-envelope-000000000001')).toEqual(
      [],
    );
    expect(places('status 400 → 201 on POST /x (baseline: `/x`)', 'status-000000000006')).toEqual(
      [],
    );
  });

  it('match a path pattern segment by segment: `*` one segment (or within one), `**` any number', () => {
    const pointer = (path: string) =>
      ({ kind: 'pointer', segments: path.slice(1).split('/') }) as const;
    const within = (glob: string, path: string) => placeMatches(globSegments(glob), pointer(path));
    expect(within('/meta/*', '/meta/requestId')).toBe(true);
    expect(within('/meta/*', '/meta/a/b')).toBe(false);
    expect(within('/meta/**', '/meta/a/b')).toBe(true);
    expect(within('/meta/req*', '/meta/requestId')).toBe(true);
    expect(within('/meta/*Id', '/meta/traceId')).toBe(true);
    expect(within('/meta/*Id', '/meta/trace')).toBe(false);
    expect(within('/items/*/tags', '/items/*/tags')).toBe(true);
    // A place that stands for every element is not within one element.
    expect(within('/items/0/tags', '/items/*/tags')).toBe(false);
    expect(within('traceId', '/meta/traceId')).toBe(true);
  });

  it('a field at any depth lies only within a pattern of any depth', () => {
    const tags = { kind: 'field', name: 'tags' } as const;
    expect(placeMatches(globSegments('**/tags'), tags)).toBe(true);
    expect(placeMatches(globSegments('tags'), tags)).toBe(true);
    expect(placeMatches(globSegments('/**/t*'), tags)).toBe(true);
    expect(placeMatches(globSegments('/tags'), tags)).toBe(false);
    expect(placeMatches(globSegments('/items/*/tags'), tags)).toBe(false);
  });

  it('a row is selected when every place it names lies within the pattern', () => {
    const nil = {
      summary: '[] vs null at `records`, `tags`',
      fingerprint: 'nil-slice-000000000004',
    };
    expect(rowWithin(nil, '**/tags')).toBe(false);
    expect(rowWithin(nil, '**/*s')).toBe(true);
    expect(
      rowWithin({ summary: 'status 400 → 201', fingerprint: 'status-000000000006' }, '/**'),
    ).toBe(false);
  });
});

describe('parity decide --path', () => {
  // Two envelopes of other names: one decision each, whatever endpoints show it.
  for (const [glob, expected] of [
    ['/meta/*', ['PAR-001', 'PAR-002']],
    ['/envelope/**', ['PAR-007', 'PAR-008']],
  ] as const) {
    it(`decides every open row within ${glob} across endpoints, keeping every other byte`, () => {
      const { doc: after, decided } = decideRows(doc(), {
        ids: [],
        status: 'accepted',
        path: glob,
        note: 'one decision',
      });
      expect(decided.map((d) => d.id)).toEqual(expected);
      const before = splitLines(TRACKER).map((l) => l.text);
      const lines = splitLines(renderTracker(after)).map((l) => l.text);
      expect(lines).toHaveLength(before.length);
      const changed = lines.filter((line, n) => line !== before[n]);
      expect(changed.map((line) => /PAR-\d+/.exec(line)?.[0])).toEqual(expected);
      for (const line of changed) expect(line).toMatch(/\| _accepted_ \|.*\| one decision \|$/);
    });
  }

  it('narrows a family, and a family narrows it', () => {
    expect(ids({ family: 'structure', path: '/meta/*' })).toEqual(['PAR-001', 'PAR-002']);
    expect(ids({ family: 'nil-slice', path: '**/*' })).toEqual(['PAR-004']);
    expect(ids({ path: '**/deletedAt' })).toEqual(['PAR-005']);
  });

  it('refuses when no open or decided row matches, naming the selection', () => {
    expect(usage(() => ids({ path: '/nothing/*' }))).toBe(
      'T.md: no open or decided row matches --path /nothing/* (of 8 open or decided rows); nothing changed',
    );
    // The resolved row within /meta is history: never decided in bulk.
    expect(usage(() => ids({ family: 'structure', path: '/meta/gone' }))).toMatch(
      /no open or decided row matches --family structure --path \/meta\/gone/,
    );
    expect(
      usage(() => decideRows(doc(), { ids: ['PAR-001'], path: '/meta/*', status: 'open' })),
    ).toMatch(/not both/);
  });
});
