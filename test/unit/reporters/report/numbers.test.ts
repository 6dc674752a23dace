/**
 * One report, four renderings (console, report.md, report.html, junit.xml):
 * every count each of them prints is read back from its text and must agree
 * with the others and with the numbers model they all take it from.
 */
import { XMLParser } from 'fast-xml-parser';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import { DIVERGENCE_KINDS, type DivergenceKind } from '../../../../src/contract/vocabulary.js';
import { renderSummary } from '../../../../src/reporters/console-summary.js';
import { renderHtml } from '../../../../src/reporters/report/html/render.js';
import type { HtmlView } from '../../../../src/reporters/report/html/view.js';
import { renderJunit } from '../../../../src/reporters/report/junit.js';
import { renderMarkdown } from '../../../../src/reporters/report/markdown.js';
import { reportNumbers } from '../../../../src/reporters/report/numbers.js';
import { findingsFor } from '../../../helpers/findings.js';
import { sampleReport, sampleResults } from '../../judge/results/report-fixtures.js';

function base(id: string) {
  return {
    caseId: `more/${id}`,
    suite: 'more',
    endpoint: `GET /${id}`,
    request: { method: 'GET' as const, path: `/${id}` },
    baseline: { status: 200, durationMs: 2 },
    candidate: { status: 200, durationMs: 3 },
  };
}

const repro = { baseline: 'curl -sS -i http://b/x', candidate: 'curl -sS -i http://c/x' };

/** The sample's four outcomes plus the ones whose counting used to disagree. */
function results(): AssessedObservation[] {
  return [
    ...sampleResults(),
    // One side failed in transport: a run error, counted as an error everywhere.
    {
      ...base('reset'),
      verdict: 'error',
      kinds: ['transport'],
      candidate: { status: undefined, durationMs: 1, error: { code: 'ECONNRESET', message: 'x' } },
      fingerprint: 'bbbb000011112222',
      summary: 'candidate transport error ECONNRESET',
      explanation: 'Candidate failed.',
      repro,
    },
    // Several kinds on one case: the by-kind counts exceed the cases.
    {
      ...base('multi'),
      verdict: 'divergent',
      kinds: ['status', 'shape', 'header'],
      candidate: { status: 404, durationMs: 1 },
      fingerprint: 'cccc000011112222',
      findings: findingsFor({
        endpoint: 'GET /multi',
        status: [200, 404],
        changes: [{ path: '/a', op: 'removed', baseline: 1 }],
      }),
      summary: 'status 200 → 404',
      explanation: 'Status differs.',
      changes: [{ path: '/a', op: 'removed', baseline: 1 }],
      headerChanges: [{ name: 'etag', baseline: '"1"', candidate: undefined }],
      repro,
      bodies: { baseline: { a: 1 }, candidate: {} },
      expectations: ['candidate answered 404, expected 200'],
    },
    // The sides agree, the expectation does not hold.
    {
      ...base('expect'),
      verdict: 'equal',
      kinds: [],
      expectations: ['baseline answered 200, expected 201', 'candidate answered 200, expected 201'],
    },
  ];
}

/** Every kind's count, read by `count`. */
const kindsBy = (count: (kind: DivergenceKind) => number | undefined) =>
  Object.fromEntries(DIVERGENCE_KINDS.map((kind) => [kind, count(kind)]));

const num = (text: string | undefined): number => {
  expect(text, 'a number was printed').toMatch(/^\d+$/);
  return Number(text);
};

function fromConsole(text: string) {
  const counts =
    /cases (\d+) · equal (\d+) · divergent (\d+) · accepted (\d+) · transport errors (\d+) · status parity (\d+)\/(\d+)/.exec(
      text,
    );
  const kinds = /by kind: (.*)/.exec(text)?.[1] ?? '';
  const kind = (name: string) => num(new RegExp(`${name} (\\d+)`).exec(kinds)?.[1]);
  return {
    cases: num(counts?.[1]),
    equal: num(counts?.[2]),
    divergent: num(counts?.[3]),
    accepted: num(counts?.[4]),
    errors: num(counts?.[5]),
    parity: `${counts?.[6]}/${counts?.[7]}`,
    kinds: kindsBy(kind),
    kindsNote: /\((\d+) kinds over (\d+) cases: a case can have several\)/
      .exec(kinds)
      ?.slice(1)
      .map(num),
    expectations: num(/expectations not met: (\d+)/.exec(text)?.[1]),
    runErrors: /run errors (\d+): (\d+) transport errors? · (\d+) unmet expect/
      .exec(text)
      ?.slice(1)
      .map(num),
    decisions: /(\d+) root causes?: (\d+) open · (\d+) accepted/.exec(text)?.slice(1).map(num),
    expectLines: text.split('\n').filter((line) => /^ {2}expect {4}/.test(line)).length,
  };
}

function fromMarkdown(text: string) {
  const row = (label: string) =>
    num(new RegExp(`^\\| ${label.replace(/[()…]/g, '\\$&')} \\| (\\S+) \\|$`, 'm').exec(text)?.[1]);
  const parity = /^\| Status parity \| (\d+\/\d+) \|$/m.exec(text)?.[1];
  return {
    cases: row('Cases'),
    equal: row('Equal'),
    divergent: row('Divergent (a root cause open)'),
    accepted: row('Accepted (every root cause accepted or wontfix)'),
    errors: row('Transport errors (a side failed: no comparison possible)'),
    parity,
    kinds: kindsBy((name) => row(`… ${name}`)),
    kindsNote: /By kind: (\d+) kinds over (\d+) cases: a case can have several\./
      .exec(text)
      ?.slice(1)
      .map(num),
    expectations: row('Unmet expect (cases, whatever their comparison)'),
    runErrors: [
      row('Run errors (transport errors and unmet expect, each case once)'),
      ...(/^## Run errors \((\d+)\)$/m.exec(text)?.slice(1).map(num) ?? []),
    ],
    junit:
      /junit\.xml: (\d+) tests · (\d+) passed · (\d+) failures \((\d+) divergent, (\d+) unmet expect\) · (\d+) errors · (\d+) skipped/
        .exec(text)
        ?.slice(1)
        .map(num),
    decisions: /(\d+) root causes?: (\d+) open · (\d+) accepted/.exec(text)?.slice(1).map(num),
  };
}

function fromHtml(text: string) {
  const json = /<script type="application\/json" id="parity-data">(.*?)<\/script>/s.exec(text)?.[1];
  const view: HtmlView = JSON.parse(json ?? 'null');
  const card = (key: string) => view.counts.find(([k]) => k === key)?.[2];
  const kind = (name: string) => view.kinds.find(([k]) => k === name)?.[2];
  return {
    cases: num(card('cases')),
    equal: num(card('equal')),
    divergent: num(card('divergent')),
    errors: num(card('errors')),
    parity: card('status-parity'),
    kinds: kindsBy(kind),
    kindsNote: /(\d+) kinds over (\d+) cases: a case can have several/
      .exec(view.kindsNote ?? '')
      ?.slice(1)
      .map(num),
    accepted: num(card('accepted')),
    expectations: num(card('expectations')),
    runErrors: num(card('run-errors')),
    junit:
      /junit\.xml: (\d+) tests · (\d+) passed · (\d+) failures \((\d+) divergent, (\d+) unmet expect\) · (\d+) errors · (\d+) skipped/
        .exec(view.countNotes.join('\n'))
        ?.slice(1)
        .map(num),
    decisions: /(\d+) root causes?: (\d+) open · (\d+) accepted/
      .exec(view.decisions.headline)
      ?.slice(1)
      .map(num),
  };
}

function fromJunit(text: string) {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
  const top = doc.testsuites;
  const suites: Record<string, string>[] = Array.isArray(top.testsuite)
    ? top.testsuite
    : [top.testsuite];
  const sum = (name: string) => suites.reduce((total, suite) => total + num(suite[name]), 0);
  const elements = (name: string) => (text.match(new RegExp(`<${name}[ >/]`, 'g')) ?? []).length;
  return {
    tests: num(top.tests),
    failures: num(top.failures),
    errors: num(top.errors),
    skipped: num(top.skipped),
    suites: {
      tests: sum('tests'),
      failures: sum('failures'),
      errors: sum('errors'),
      skipped: sum('skipped'),
    },
    elements: {
      testcase: elements('testcase'),
      failure: elements('failure'),
      error: elements('error'),
      skipped: elements('skipped'),
    },
  };
}

describe('the numbers of one report, in every rendering', () => {
  const report = sampleReport(results());
  const n = reportNumbers(report);
  const shell = fromConsole(renderSummary(report, pc.createColors(false), undefined));
  const md = fromMarkdown(renderMarkdown(report));
  const html = fromHtml(renderHtml(report));
  const junit = fromJunit(renderJunit(report));

  it('counts a case one side of which failed as an error, never as a divergence', () => {
    expect(n.counted).toEqual({ equal: 2, divergent: 2, accepted: 1, error: 2, skipped: 0 });
    expect(n.cases).toBe(7);
  });

  it('prints the same counts on the console, in report.md and in report.html', () => {
    for (const rendered of [shell, md, html]) {
      expect(rendered.cases).toBe(n.cases);
      expect(rendered.equal).toBe(n.counted.equal);
      expect(rendered.divergent).toBe(n.counted.divergent);
      expect(rendered.errors).toBe(n.counted.error);
      expect(rendered.parity).toBe(`${n.statusParity.equal}/${n.statusParity.total}`);
      expect(rendered.kinds).toEqual({ shape: 2, status: 1, transport: 2, value: 1, header: 1 });
      expect(rendered.accepted).toBe(n.counted.accepted);
      expect(rendered.expectations).toBe(2);
      const { open, accepted, wontfix, resolved } = n.decisions;
      expect(rendered.decisions).toEqual([open + accepted + wontfix + resolved, open, accepted]);
    }
  });

  it('says in words why the kinds add up to more than the cases', () => {
    expect(n.kindTotal).toBe(7);
    // 7 kinds over the 5 cases that are not equal (2 divergent, 1 accepted, 2 errors).
    for (const rendered of [shell, md, html]) expect(rendered.kindsNote).toEqual([7, 5]);
  });

  it('names every unmet expectation on the console', () => {
    expect(shell.expectLines).toBe(n.expectationFailures);
  });

  it('counts run errors (a transport error or an unmet expect) once per case, alike everywhere', () => {
    // reset (transport), multi (divergent, unmet expect), expect (equal, unmet expect), and the sample's own.
    expect(n.runErrors).toBe(n.counted.error + n.expectationFailures);
    expect(shell.runErrors).toEqual([n.runErrors, n.counted.error, n.expectationFailures]);
    expect(md.runErrors).toEqual([n.runErrors, n.runErrors]);
    expect(html.runErrors).toBe(n.runErrors);
  });

  it('says in report.md and report.html what junit.xml counts, and they are its numbers', () => {
    const words = [
      n.cases,
      n.junit.passed,
      n.junit.failure,
      n.counted.divergent,
      n.expectationOnlyFailures,
      n.junit.error,
      n.junit.skipped,
    ];
    expect(md.junit).toEqual(words);
    expect(html.junit).toEqual(words);
    expect(junit.tests).toBe(n.cases);
    expect(junit.failures).toBe(n.counted.divergent + n.expectationOnlyFailures);
  });

  it('gives junit.xml the same errors, and failures + errors + skipped + passed = cases', () => {
    expect(junit.tests).toBe(shell.cases);
    expect(junit.errors).toBe(shell.errors);
    expect(junit.skipped).toBe(shell.accepted);
    // Failures: the divergences not accepted, and the equal case whose expectation failed.
    expect(junit.failures).toBe(shell.divergent + 1);
    expect({ failure: junit.failures, error: junit.errors, skipped: junit.skipped }).toEqual({
      failure: n.junit.failure,
      error: n.junit.error,
      skipped: n.junit.skipped,
    });
    expect(n.junit.passed + n.junit.failure + n.junit.error + n.junit.skipped).toBe(n.cases);
  });

  it("adds up junit.xml's suites and elements to its totals", () => {
    expect(junit.suites).toEqual({
      tests: junit.tests,
      failures: junit.failures,
      errors: junit.errors,
      skipped: junit.skipped,
    });
    expect(junit.elements).toEqual({
      testcase: junit.tests,
      failure: junit.failures,
      error: junit.errors,
      skipped: junit.skipped,
    });
  });
});

describe('the numbers of a report a signal stopped', () => {
  const report = {
    ...sampleReport(results()),
    interrupted: { signal: 'SIGINT' as const, ran: 7, notRun: ['more/later', 'other/never'] },
  };
  const n = reportNumbers(report);
  const text = renderJunit(report);
  const junit = fromJunit(text);

  it('lists every case in junit.xml: those not run are skipped, with why', () => {
    expect(n.notRun).toBe(2);
    expect(junit.tests).toBe(n.cases + 2);
    expect(junit.skipped).toBe(n.counted.accepted + 2);
    expect(n.junit.passed + n.junit.failure + n.junit.error + n.junit.skipped).toBe(
      n.cases + n.notRun,
    );
    expect(junit.skipped).toBe(n.junit.skipped);
    expect(junit.suites.tests).toBe(junit.tests);
    expect(junit.suites.skipped).toBe(junit.skipped);
    expect(junit.elements.testcase).toBe(junit.tests);
    expect(text).toContain(
      '<testsuite name="other" tests="1" failures="0" errors="0" skipped="1" time="0.000"',
    );
    expect(text).toContain(
      '<testcase classname="other" name="other/never" time="0.000"><skipped message="not run: interrupted by SIGINT"/></testcase>',
    );
  });
});
