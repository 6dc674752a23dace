import { describe, expect, it } from 'vitest';
import type {
  Exchange,
  ResponseBody,
  SideOutcome,
} from '../../../../src/contract/model/exchange.js';
import { maskOwnPaths } from '../../../../src/core/normalise/own-paths.js';
import { makeCase } from '../../../helpers/case.js';

const answer = (body: ResponseBody): SideOutcome => ({
  outcome: 'response',
  response: { status: 404, headers: {}, body, wireBytes: 0, durationMs: 1 },
});
const text = (t: string): ResponseBody => ({ kind: 'text', text: t });
const json = (value: unknown): ResponseBody => ({
  kind: 'json',
  value,
  text: JSON.stringify(value),
});
const exchange = (b: ResponseBody, c: ResponseBody, path = '/files/report.csv'): Exchange => ({
  case: makeCase('paths', { method: 'GET', path }),
  baseline: answer(b),
  candidate: answer(c),
});
const bodyOf = (side: SideOutcome) =>
  side.outcome === 'response' ? side.response.body : undefined;

describe("each side's own file paths", () => {
  it('replaces source locations of every form: POSIX, file://, a drive, Python', () => {
    const out = maskOwnPaths(
      exchange(
        text(
          'at f (/srv/a/x.js:1:2)\nat file:///srv/a/y.mjs:3:4\nFile "/srv/a/v.py", line 9, in g',
        ),
        text(
          'at f (C:\\app\\x.js:5:6)\nat file:///opt/b/y.mjs:7:8\nFile "/opt/b/v.py", line 12, in g',
        ),
      ),
    );
    const expected = text('at f ({{source}})\nat {{source}}\nFile "{{source}}", in g');
    expect(bodyOf(out.baseline)).toEqual(expected);
    expect(bodyOf(out.candidate)).toEqual(expected);
    expect(out.generated).toEqual([
      "body (6 source locations of the sides' own installations: a file and its line, in a stack trace)",
    ]);
  });

  it('replaces a quoted path whose last segment the request named, in any member', () => {
    const out = maskOwnPaths(
      exchange(
        json({ error: { why: "ENOENT: open '/tmp/a1/files/report.csv'" } }),
        json({ error: { why: 'ENOENT: open "/var/b2/report.csv"' } }),
      ),
    );
    expect(bodyOf(out.baseline)).toEqual({
      kind: 'json',
      value: { error: { why: "ENOENT: open '{{path}}'" } },
    });
    expect(bodyOf(out.candidate)).toEqual({
      kind: 'json',
      value: { error: { why: 'ENOENT: open "{{path}}"' } },
    });
    expect(out.generated).toEqual([
      "/error/why (a file path of the side's own: where it looked for `report.csv`, which the request named)",
    ]);
  });

  it('leaves a path the request holds, an unquoted or unnamed path, a location without a line, and equal bodies', () => {
    const kept = [
      exchange(json({ m: "no '/files/report.csv'" }), json({ m: "none '/files/report.csv'" })),
      exchange(json({ m: 'open /tmp/a/report.csv' }), json({ m: 'open /tmp/b/report.csv' })),
      exchange(json({ m: "open '/tmp/a/other.csv'" }), json({ m: "open '/tmp/b/other.csv'" })),
      exchange(text('see /srv/a/x.js'), text('see /srv/b/x.js')),
      exchange(text('at f (/srv/a/x.js:1:2)'), text('at f (/srv/a/x.js:1:2)')),
    ];
    for (const one of kept) expect(maskOwnPaths(one)).toBe(one);
  });
});
