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
        text('thrown in f (/srv/a/x.js:1:2)\nloaded file:///srv/a/y.mjs:3:4\nsee /srv/a/v.py:9'),
        text('thrown in f (C:\\app\\x.js:5:6)\nloaded file:///opt/b/y.mjs:7:8\nsee /opt/b/v.py:12'),
      ),
    );
    const expected = text('thrown in f ({{source}})\nloaded {{source}}\nsee {{source}}');
    expect(bodyOf(out.baseline)).toEqual(expected);
    expect(bodyOf(out.candidate)).toEqual(expected);
    expect(out.generated).toEqual([
      "body (6 source locations of the sides' own installations: a file and its line, in a stack trace whose frames are compared as one)",
    ]);
  });

  it.each([
    {
      language: 'JavaScript',
      baseline:
        "TypeError: Cannot read properties of undefined (reading 'name')\n    at p.onopentag (/srv/a/node_modules/xml/lib/index.js:246:37)\n    at emit (/srv/a/node_modules/sax/lib/sax.js:745:35)\n    at IncomingMessage.emit (node:events:524:28)\n    at endReadableNT (node:internal/streams/readable:1698:12)",
      candidate:
        "TypeError: Cannot read properties of undefined (reading 'name')\n    at Parser.open (/opt/b/node_modules/xml/lib/wsdl/index.js:319:37)\n    at IncomingMessage.emit (node:events:524:28)",
      other: "TypeError: Cannot read properties of null (reading 'name')",
    },
    {
      language: 'Java',
      baseline:
        'java.lang.IllegalStateException: no stub for GET /ledger\n\tat com.acme.Router.route(/srv/app/Router.java:88)\n\tat com.acme.Server.handle(/srv/app/Server.java:12)\n\t... 3 more',
      candidate:
        'java.lang.IllegalStateException: no stub for GET /ledger\n\tat org.acme.v3.Dispatch.find(/opt/app/Dispatch.java:140)\n\t... 9 more',
      other: 'java.lang.IllegalArgumentException: no stub for GET /ledger',
    },
  ])(
    "compares a $language stack trace's frames as one, the error still compared",
    ({ baseline, candidate, other }) => {
      const out = maskOwnPaths(exchange(text(baseline), text(candidate)));
      expect(bodyOf(out.baseline)).toEqual(bodyOf(out.candidate));
      // The same under a media type that promised XML.
      const notXml = (t: string): ResponseBody => ({
        kind: 'invalid-xml',
        text: t,
        error: 'line 1',
      });
      const labelled = maskOwnPaths(exchange(notXml(baseline), notXml(candidate)));
      expect(bodyOf(labelled.baseline)).toEqual(bodyOf(labelled.candidate));
      const [error] = baseline.split('\n');
      const indent = baseline.includes('\n\t') ? '\t' : '    ';
      expect(bodyOf(out.baseline)).toEqual(text(`${error}\n${indent}{{frames}}`));
      // Another error with a stack, or a stack on one side only, still differs.
      const reworded = maskOwnPaths(
        exchange(text(baseline), text(candidate.replace(error ?? '', other))),
      );
      expect(bodyOf(reworded.baseline)).not.toEqual(bodyOf(reworded.candidate));
      const bare = maskOwnPaths(exchange(text(baseline), text(error ?? '')));
      expect(bodyOf(bare.baseline)).not.toEqual(bodyOf(bare.candidate));
    },
  );

  it.each([
    {
      page: "Express's error page",
      frame: (at: string) => `<br> &nbsp; &nbsp;at ${at}`,
      wrap: (t: string) => `<!DOCTYPE html>\n<body>\n<pre>${t}</pre>\n</body>\n`,
    },
    {
      page: 'a page that breaks lines with <br/>',
      frame: (at: string) => `<br/>\tat ${at}`,
      wrap: (t: string) => `<html><body><h1>500</h1><p>${t}</p></body></html>`,
    },
  ])('compares the frames of a stack trace in $page as one', ({ frame, wrap }) => {
    const error = 'Error: Invalid lifecycle';
    const baseline = wrap(
      `${error}${frame('Store.seal (/srv/a/lib/store.js:40:11)')}${frame('route (/srv/a/lib/api.js:9:3)')}`,
    );
    const candidate = wrap(
      `${error}${frame('Seal.run (/opt/b/dist/seal.js:7:2)')}${frame('process.tick (node:internal/process/task_queues:95:5)')}`,
    );
    const out = maskOwnPaths(exchange(text(baseline), text(candidate)));
    expect(bodyOf(out.baseline)).toEqual(bodyOf(out.candidate));
    expect(bodyOf(out.baseline)).toEqual(text(wrap(`${error}<br>{{frames}}`)));
    const other = maskOwnPaths(
      exchange(text(baseline), text(candidate.replace(error, 'Error: Project name missing'))),
    );
    expect(bodyOf(other.baseline)).not.toEqual(bodyOf(other.candidate));
  });

  it('leaves lines that read like frames where no source location shows them to be', () => {
    const prose = 'Quota reached\n  at least 3 items are over\nTrace:\n    at f (/srv/a/x.js:1:2)';
    const out = maskOwnPaths(exchange(text(prose), text(prose.replace('/srv/a', '/opt/b'))));
    expect(bodyOf(out.baseline)).toEqual(
      text('Quota reached\n  at least 3 items are over\nTrace:\n    {{frames}}'),
    );
    const plain = exchange(
      text('at least 3 of 4\n at most 5'),
      text('at least 3 of 5\n at most 5'),
    );
    expect(maskOwnPaths(plain)).toBe(plain);
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
