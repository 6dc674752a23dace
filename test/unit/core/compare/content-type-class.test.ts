/**
 * A `content-type`'s media type is kept whole in its header class
 * (`contentTypeClass`): a long media type, or one with digits, was cut as any
 * header value's token (`…`, `v0`), so two vendors' types read `… vs …` and
 * two decisions were one row. Planted twice (a versioned vendor type, a
 * protocol's JSON type); other headers keep their class, and the row a
 * value had before is among its earlier keys.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderChange } from '../../../../src/contract/observation.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import {
  contentTypeClass,
  headerFindings,
  headerValueClass,
} from '../../../../src/core/compare/header-findings.js';

const plain = () => false;
const contentType = (baseline: string, candidate: string): HeaderChange => ({
  name: 'content-type',
  baseline,
  candidate,
});

describe.each([
  {
    name: 'a versioned vendor type',
    fixed: 'application/vnd.example.ledger.v2+json',
    others: ['application/vnd.example.ledger.v3+json', 'application/vnd.example.ledger.v4+json'],
  },
  {
    name: "a protocol's JSON type with a charset",
    fixed: 'application/json; charset=utf-8',
    others: [
      'application/x-amz-json-1.1; charset=utf-8',
      'application/x-amz-json-1.0; charset=utf-8',
    ],
  },
])('$name', ({ fixed, others }) => {
  it('is keyed by its media type whole, digits and all', () => {
    const [first = '', second = ''] = others;
    const [one] = headerFindings([contentType(fixed, first)], plain);
    const [two] = headerFindings([contentType(fixed, second)], plain);
    expect(one?.summary).toContain(`\`${first.split(';')[0]}`);
    expect(one?.summary).not.toContain('`…');
    // Two other types are two answers, two rows.
    expect(one?.fingerprint).not.toBe(two?.fingerprint);
    expect(contentTypeClass(first)).toBe(
      first.includes(';') ? `${first.split(';')[0]}; charset=utf-0` : first,
    );
  });

  it('supersedes the row the cut class had', () => {
    const [first = ''] = others;
    const change = contentType(fixed, first);
    const findings = headerFindings([change], plain);
    const before = headerFindings([change], plain, 'cut')[0]?.fingerprint;
    expect(before).not.toBe(findings[0]?.fingerprint);
    const earlier = earlierKeys({
      endpoint: 'POST /',
      findings,
      changes: [],
      headerChanges: [change],
      notMembers: new Set(),
    });
    expect(earlier.get(findings[0]?.fingerprint ?? '')).toContain(before);
  });
});

describe('other headers', () => {
  it('keep their class: a product and its version are data there', () => {
    expect(headerValueClass('nginx/1.18.0')).toBe('nginx/0.0.0');
    const change = { name: 'server', baseline: 'nginx/1.18.0', candidate: 'nginx/1.25.3' };
    // The same class on both sides: a version of a server is its own, no finding of a class.
    const [finding] = headerFindings([change], plain);
    expect(finding?.summary).toContain('nginx/0.0.0');
    const earlier = earlierKeys({
      endpoint: 'GET /',
      findings: finding === undefined ? [] : [finding],
      changes: [],
      headerChanges: [change],
      notMembers: new Set(),
    });
    expect(earlier.size).toBe(0);
  });
});
