/**
 * Issue 43: a response header that answers what the request asked for
 * (`header-echoes.ts`) is keyed as the request's, never by its value: two
 * requests asking for two things make one row. Planted twice (a media type
 * answering `accept`, a language answering `accept-language`); a value both
 * sides echo, a short or wildcard request value, and a value that only
 * contains the request's stay as they were.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderChange } from '../../../../src/contract/observation.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { withEchoes } from '../../../../src/core/compare/header-echoes.js';
import { headerFindings } from '../../../../src/core/compare/header-findings.js';

const plain = () => false;

describe.each([
  {
    name: 'a media type answering accept',
    header: 'content-type',
    asked: 'accept',
    fixed: 'application/json; charset=utf-8',
    asks: ['application/json;odata=nometadata', 'application/json; odata=minimalmetadata'],
  },
  {
    name: 'a language answering accept-language',
    header: 'content-language',
    asked: 'accept-language',
    fixed: 'en',
    asks: ['fr-CA, fr;q=0.8', 'de-AT,de;q=0.9'],
  },
])('$name', ({ header, asked, fixed, asks }) => {
  const change = (ask: string): HeaderChange => ({
    name: header,
    baseline: fixed,
    candidate: ask.replace(/\s/g, ''),
  });

  it('is one row whatever each request asked for', () => {
    const fingerprints = asks.map((ask) => {
      const [echoed] = withEchoes([change(ask)], [[asked, ask]]);
      expect(echoed?.echoes).toEqual(['candidate', asked]);
      return headerFindings(echoed === undefined ? [] : [echoed], plain).map((f) => f.fingerprint);
    });
    expect(new Set(fingerprints.flat()).size).toBe(1);
    const [one] = asks;
    const [echoed] = withEchoes([change(one ?? '')], [[asked, one ?? '']]);
    expect(headerFindings(echoed === undefined ? [] : [echoed], plain)[0]?.summary).toContain(
      `{{request ${asked}}}`,
    );
  });

  it('supersedes the row its value had', () => {
    const [ask = ''] = asks;
    const [echoed] = withEchoes([change(ask)], [[asked, ask]]);
    if (echoed === undefined) throw new Error('no change');
    const findings = headerFindings([echoed], plain);
    const earlier = earlierKeys({
      endpoint: 'GET /x',
      findings,
      changes: [],
      headerChanges: [echoed],
      notMembers: new Set(),
    });
    const before = headerFindings([change(ask)], plain)[0]?.fingerprint;
    expect(earlier.get(findings[0]?.fingerprint ?? '')).toEqual([before]);
  });

  it('keeps values both sides echo, short or wildcard asks, and containing values as they were', () => {
    const [ask = ''] = asks;
    // Each side answers a header the request sent: neither is the one that echoes.
    const both = { name: header, baseline: ask, candidate: `${ask};x=1` };
    const two: [string, string][] = [
      [asked, ask],
      ['x-also', `${ask};x=1`],
    ];
    expect(withEchoes([both], two)[0]?.echoes).toBeUndefined();
    expect(withEchoes([change(ask)], [[asked, '*/*']])[0]?.echoes).toBeUndefined();
    expect(withEchoes([change('en-GB')], [[asked, 'en-GB']])[0]?.echoes).toBeUndefined();
    const containing = { name: header, baseline: fixed, candidate: `${ask};v=2` };
    expect(withEchoes([containing], [[asked, ask]])[0]?.echoes).toBeUndefined();
  });
});
