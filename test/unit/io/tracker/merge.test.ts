import { describe, expect, it } from 'vitest';
import { splitLines, splitTableLine } from '../../../../src/io/tracker/cells.js';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { newTrackerText, renderTracker } from '../../../../src/io/tracker/render.js';
import type { TrackerRun } from '../../../../src/io/tracker/types.js';
import { mergeTracker } from '../../../../src/io/tracker/upsert.js';
import { ParityError } from '../../../../src/util/errors.js';
import { ALIGN, HEADER, obs, ROW_A, ROW_B, run, standardTracker } from './fixtures.js';

const FILE = 'docs/T.md';

function apply(text: string, r: TrackerRun) {
  const merged = mergeTracker(parseTracker(text, FILE), r);
  const out = renderTracker(merged.doc);
  return { text: out, changes: merged.changes, rows: trackerRows(parseTracker(out, FILE)) };
}

function lineOf(text: string, needle: string): string {
  const line = splitLines(text).find((l) => l.text.includes(needle));
  if (line === undefined) throw new Error(`no line with ${needle}`);
  return line.text;
}

describe('mergeTracker lifecycle', () => {
  it('adds a new fingerprint as an _open_ row and advances the next-id comment', () => {
    const first = apply(newTrackerText(), run('2024-03-01', [obs('fp-1', ['s/a'])]));
    expect(first.changes).toEqual({
      added: ['PAR-001'],
      reopened: [],
      opened: [],
      resolved: [],
      seen: [],
      covered: [],
      superseded: [],
    });
    expect(first.rows).toEqual([
      {
        id: 'PAR-001',
        status: 'open',
        kind: 'shape',
        endpoints: ['POST /v1/validate'],
        hiddenEndpoints: 0,
        caseIds: ['s/a'],
        hiddenCases: 0,
        summary: 'summary of fp-1',
        firstSeen: '2024-03-01',
        lastSeen: '2024-03-01',
        resolved: '',
        fingerprint: 'fp-1',
        decision: '',
      },
    ]);
    expect(first.text).toContain('<!-- parity:next-id 2 -->');
    expect(first.text).toContain(
      '| PAR-001 | _open_ | shape | `POST /v1/validate` | `s/a` | summary of fp-1 | 2024-03-01 | 2024-03-01 | | `fp-1` | |\n<!-- parity:tracker:end -->',
    );
  });

  it('goes new → seen → resolved → reopened, touching only the cells that change', () => {
    const created = apply(newTrackerText(), run('2024-03-01', [obs('fp-1', ['s/a'])]));
    const seen = apply(created.text, run('2024-03-02', [obs('fp-1', ['s/a'])]));
    expect(seen.changes.seen).toEqual(['PAR-001']);
    const before = splitTableLine(lineOf(created.text, 'PAR-001'), '');
    const after = splitTableLine(lineOf(seen.text, 'PAR-001'), '');
    expect(after.cells.filter((cell, i) => cell !== before.cells[i])).toEqual([' 2024-03-02 ']);

    const resolved = apply(seen.text, run('2024-03-03', [], ['s/a', 's/other']));
    expect(resolved.changes.resolved).toEqual(['PAR-001']);
    expect(resolved.rows[0]).toMatchObject({
      status: 'resolved',
      resolved: '2024-03-03',
      lastSeen: '2024-03-02',
    });

    const reopened = apply(resolved.text, run('2024-03-04', [obs('fp-1', ['s/a'])]));
    expect(reopened.changes).toEqual({
      added: [],
      reopened: ['PAR-001'],
      opened: [],
      resolved: [],
      seen: [],
      covered: [],
      superseded: [],
    });
    expect(reopened.rows[0]).toMatchObject({
      status: 'open',
      resolved: '',
      lastSeen: '2024-03-04',
      firstSeen: '2024-03-01',
    });
  });

  it('keeps _accepted_ and _wontfix_ rows, and their decisions, when seen or absent', () => {
    const text = standardTracker().replace('| _open_ |', '| _wontfix_ |');
    const seen = apply(text, run('2024-05-01', [obs('fp-b', ['users/get'])]));
    expect(seen.rows.map((row) => row.status)).toEqual(['wontfix', 'accepted']);
    expect(seen.rows[1]).toMatchObject({ lastSeen: '2024-05-01', decision: 'Go is right | keep' });
    const absent = apply(text, run('2024-05-02', [], ['validator/a', 'validator/b', 'users/get']));
    expect(absent.text).toBe(text);
    expect(absent.changes.resolved).toEqual([]);
  });

  it('does not resolve a row when one of its cases did not run', () => {
    const text = standardTracker();
    const partial = apply(text, run('2024-05-01', [], ['validator/a']));
    expect(partial.text).toBe(text);
    const full = apply(text, run('2024-05-01', [], ['validator/a', 'validator/b']));
    expect(full.changes.resolved).toEqual(['PAR-001']);
  });

  it('appends grown case ids and endpoints to their cells', () => {
    const text = standardTracker();
    const grown = apply(
      text,
      run('2024-05-01', [
        obs('fp-a', ['validator/a', 'validator/c'], { endpoints: ['PUT /v1/validate'] }),
      ]),
    );
    expect(grown.rows[0]).toMatchObject({
      caseIds: ['validator/a', 'validator/b', 'validator/c'],
      endpoints: ['POST /v1/validate', 'PUT /v1/validate'],
    });
    expect(lineOf(grown.text, 'PAR-001')).toContain(
      '| `validator/a`, `validator/b`, `validator/c` |',
    );
  });

  it('rewrites a Summary only where the cause now names more places, so `decide --path` judges all it holds', () => {
    const tracker = (summary: string, fingerprint: string) =>
      [
        '<!-- parity:tracker:start -->',
        HEADER,
        ALIGN,
        `| PAR-001 | _open_ | shape | \`GET /a\` | \`c/1\` | ${summary} | 2024-01-01 | 2024-01-01 |  | \`${fingerprint}\` | |`,
        '<!-- parity:tracker:end -->',
        '',
      ].join('\n');
    const seen = (text: string, fingerprint: string, summary: string) =>
      apply(text, run('2024-05-01', [obs(fingerprint, ['c/1'], { summary })])).rows[0]?.summary;
    const members = 'structure-0123456789ab';
    const lacks = tracker('candidate lacks `/meta/requestId`', members);
    expect(seen(lacks, members, 'candidate lacks `/meta/requestId`, `/meta/traceId`')).toBe(
      'candidate lacks `/meta/requestId`, `/meta/traceId`',
    );
    // Fewer places (a run of some cases) or other places: the cell stays.
    expect(seen(lacks, members, 'candidate lacks `/meta/traceId`')).toBe(
      'candidate lacks `/meta/requestId`',
    );
    const valued = tracker('value of `/owner/path` differs: `/srv/a` vs `/srv/b`', members);
    // Other example values, even ones that look like pointers, never churn the cell.
    expect(seen(valued, members, 'value of `/owner/path` differs: `/home/x` vs `/home/y`')).toBe(
      'value of `/owner/path` differs: `/srv/a` vs `/srv/b`',
    );
    const nil = 'nil-slice-ba9876543210';
    expect(
      seen(tracker('[] vs null at `labels`', nil), nil, '[] vs null at `labels`, `owners`'),
    ).toBe('[] vs null at `labels`, `owners`');
    // Rows of a status, a header or a body kind name no place: their cell stays.
    const status = 'status-0123456789ab';
    expect(
      seen(
        tracker('status 400 → 201 on POST /a', status),
        status,
        'status 400 → 201 on POST /a, PUT /a',
      ),
    ).toBe('status 400 → 201 on POST /a');
  });

  it('never reuses an id after a human deletes a row, with or without the next-id comment', () => {
    const three = apply(
      newTrackerText(),
      run(
        '2024-01-01',
        ['f1', 'f2', 'f3'].map((f) => obs(f, [f])),
      ),
    );
    expect(three.changes.added).toEqual(['PAR-001', 'PAR-002', 'PAR-003']);
    const deleted = three.text.replace(`${lineOf(three.text, 'PAR-003')}\n`, '');
    expect(apply(deleted, run('2024-01-02', [obs('f4', ['f4'])])).changes.added).toEqual([
      'PAR-004',
    ]);
    const noComment = three.text.replace('<!-- parity:next-id 4 -->\n', '');
    const next = apply(noComment, run('2024-01-02', [obs('f4', ['f4'])]));
    expect(next.changes.added).toEqual(['PAR-004']);
    expect(next.text).toContain('<!-- parity:next-id 5 -->\n| ID |');
  });

  it('merges observations of one fingerprint into one row and never duplicates it', () => {
    const r = run('2024-01-01', [obs('f1', ['a']), obs('f1', ['b'], { endpoints: ['GET /x'] })]);
    const once = apply(newTrackerText(), r);
    expect(once.rows).toHaveLength(1);
    expect(once.rows[0]?.caseIds).toEqual(['a', 'b']);
    expect(apply(once.text, r).rows).toHaveLength(1);
  });

  it('places cells by header name in a customised table, and keeps unchanged rows identical', () => {
    const text = [
      '<!-- parity:tracker:start -->',
      '| Fingerprint | Owner | Decision | ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved |',
      '|:--|:-:|--|--|--|--|--|--|--|--|--|--:|',
      '| `old` | bob | keep | PAR-001 | _accepted_ | value | `GET /a` | `a` | s | 2024-01-01 | 2024-01-01 | |',
      '<!-- parity:tracker:end -->',
      '',
    ].join('\n');
    const out = apply(text, run('2024-02-02', [obs('new', ['b'], { summary: 'a | b\nc' })]));
    const added = lineOf(out.text, 'PAR-002');
    expect(out.text.replace('<!-- parity:next-id 3 -->\n', '').replace(`${added}\n`, '')).toBe(
      text,
    );
    expect(splitTableLine(added, '').cells.map((cell) => cell.trim())).toEqual([
      '`new`',
      '',
      '',
      'PAR-002',
      '_open_',
      'shape',
      '`POST /v1/validate`',
      '`b`',
      'a \\| b c',
      '2024-02-02',
      '2024-02-02',
      '',
    ]);
    expect(out.rows[1]).toMatchObject({ summary: 'a | b c', fingerprint: 'new' });
  });

  it('writes new lines with the file’s CRLF endings', () => {
    const out = apply(standardTracker('\r\n'), run('2024-05-01', [obs('fp-new', ['x'])]));
    expect(out.text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(out.rows.map((row) => row.id)).toEqual(['PAR-001', 'PAR-002', 'PAR-003']);
  });

  it('appends the managed table to a file without markers, keeping its text', () => {
    const text = '# Decisions\n\nOur own notes.';
    const out = apply(text, run('2024-05-01', [obs('f', ['x'])]));
    expect(out.text.startsWith(`${text}\n\n<!-- parity:tracker:start -->\n`)).toBe(true);
    expect(out.text.endsWith('<!-- parity:tracker:end -->\n')).toBe(true);
    expect(out.rows.map((row) => row.fingerprint)).toEqual(['f']);
  });

  it('changes nothing when a run observes nothing and runs nothing', () => {
    for (const text of [standardTracker(), standardTracker('\r\n'), newTrackerText()]) {
      expect(apply(text, run('2030-01-01', [])).text).toBe(text);
    }
  });

  it('inserts new rows after the last row, before trailing notes', () => {
    const text = [
      '<!-- parity:tracker:start -->',
      HEADER,
      ALIGN,
      ROW_A,
      ROW_B,
      '',
      'a note',
      '<!-- parity:tracker:end -->',
      '',
    ].join('\n');
    const out = apply(text, run('2024-05-01', [obs('fp-c', ['c'])]));
    const lines = out.text.split('\n');
    expect(lines.indexOf(lineOf(out.text, 'PAR-003'))).toBe(lines.indexOf(ROW_B) + 1);
    expect(out.text).toContain('\n\na note\n<!-- parity:tracker:end -->');
  });

  it('keeps its own output parseable whatever a summary contains', () => {
    const summary = 'odd <!-- parity:tracker:end --> text | with \\| pipes\r\nand lines';
    const once = apply(newTrackerText(), run('2024-05-01', [obs('f', ['a'], { summary })]));
    expect(once.rows[0]?.summary).toBe(
      'odd &lt;!-- parity:tracker:end --&gt; text | with \\| pipes and lines',
    );
    expect(apply(once.text, run('2024-05-02', [obs('f', ['a'])])).rows).toHaveLength(1);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => mergeTracker(parseTracker('', FILE), run('1/2/2024', []))).toThrow(ParityError);
  });
});

describe('rows of a root cause keyed anew', () => {
  const tracker = [
    '<!-- parity:tracker:start -->',
    '<!-- parity:next-id 4 -->',
    HEADER,
    ALIGN,
    '| PAR-001 | _open_ | shape | `GET /r` | `s/list` | [] vs null at `items` | 2024-01-01 | 2024-01-01 |  | `nil-slice-aaaaaaaaaaaa` | |',
    '| PAR-002 | _wontfix_ | shape | `GET /r` | `s/list` | [] vs null at `tags` | 2024-01-01 | 2024-01-01 |  | `nil-slice-bbbbbbbbbbbb` | Go writes null |',
    '| PAR-003 | _resolved_ | shape | `GET /r` | `s/old` | [] vs null at `gone` | 2024-01-01 | 2024-01-01 | 2024-01-02 | `nil-slice-cccccccccccc` | |',
    '<!-- parity:tracker:end -->',
    '',
  ].join('\n');

  it('supersedes each per-field row still in force by the new row, which inherits its decisions', () => {
    const merged = apply(
      tracker,
      run('2024-02-01', [
        obs('nil-slice-dddddddddddd', ['s/list'], {
          summary: '[] vs null at `items`, `tags`',
          supersedes: [
            'nil-slice-aaaaaaaaaaaa',
            'nil-slice-bbbbbbbbbbbb',
            'nil-slice-cccccccccccc',
          ],
        }),
      ]),
    );
    expect(merged.changes.added).toEqual(['PAR-004']);
    expect(merged.changes.superseded).toEqual(['PAR-001', 'PAR-002']);
    const byId = new Map(merged.rows.map((r) => [r.id, r]));
    expect(byId.get('PAR-001')?.status).toBe('superseded');
    expect(byId.get('PAR-002')?.summary).toBe('superseded by PAR-004 · [] vs null at `tags`');
    // A resolved row is history: it stays as it was.
    expect(byId.get('PAR-003')?.status).toBe('resolved');
    // One open and one won't-fix: the decision is carried, the status is not.
    expect(byId.get('PAR-004')).toMatchObject({
      status: 'open',
      decision: 'PAR-002 _wontfix_: Go writes null',
    });
  });

  it.each([
    { many: ['s/list', 's/read', 's/find'], few: ['s/one'], first: 'few' },
    { many: ['s/put', 's/get'], few: ['s/del'], first: 'many' },
  ])(
    'gives a row now split in two to the heir that records most of its cases ($first listed first)',
    ({ many, few, first }) => {
      const split = (fingerprint: string, caseIds: string[]) =>
        obs(fingerprint, caseIds, { supersedes: ['nil-slice-aaaaaaaaaaaa'] });
      const wide = split('nil-slice-dddddddddddd', many);
      const narrow = split('nil-slice-eeeeeeeeeeee', few);
      const merged = apply(
        tracker,
        run('2024-02-01', first === 'few' ? [narrow, wide] : [wide, narrow]),
      );
      const heir = merged.rows.find((r) => r.fingerprint === 'nil-slice-dddddddddddd');
      const old = merged.rows.find((r) => r.id === 'PAR-001');
      expect(old?.summary).toMatch(new RegExp(`^superseded by ${heir?.id} `));
    },
  );

  it('leaves rows alone when no observation names them', () => {
    const merged = apply(tracker, run('2024-02-01', [obs('nil-slice-dddddddddddd', ['s/list'])]));
    expect(merged.changes.superseded).toEqual([]);
  });

  it('reopens a superseded row whose cause the run shows as a cause of its own again', () => {
    // A HEAD's header row, superseded while it followed from its GET's body row (PAR-001).
    const superseded = [
      '<!-- parity:tracker:start -->',
      '<!-- parity:next-id 3 -->',
      HEADER,
      ALIGN,
      '| PAR-001 | _open_ | shape | `GET /m` | `s/get` | 4xx bodies: text vs empty | 2024-01-01 | 2024-01-02 |  | `body-kind-aaaaaaaaaaaa` | |',
      '| PAR-002 | _superseded_ | header | `HEAD /m` | `s/head` | superseded by PAR-001 · header `content-type` missing in candidate | 2024-01-01 | 2024-01-01 |  | `header-bbbbbbbbbbbb` | no error page |',
      '<!-- parity:tracker:end -->',
      '',
    ].join('\n');
    const merged = apply(
      superseded,
      run('2024-02-01', [obs('header-bbbbbbbbbbbb', ['s/head'], { kind: 'header' })]),
    );
    expect(merged.changes.reopened).toEqual(['PAR-002']);
    expect(merged.changes.added).toEqual([]);
    const again = merged.rows.find((r) => r.id === 'PAR-002');
    expect(again).toMatchObject({
      status: 'open',
      summary: 'header `content-type` missing in candidate',
      lastSeen: '2024-02-01',
      decision: 'no error page',
    });
    // Not observed: history, left as it was.
    const quiet = apply(superseded, run('2024-02-01', [obs('body-kind-aaaaaaaaaaaa', ['s/get'])]));
    expect(quiet.rows.find((r) => r.id === 'PAR-002')?.status).toBe('superseded');
  });
});
