/**
 * A target's URL words (origin, path prefixer) are worked out once per URL,
 * and a case without headers of its own builds no set of header names:
 * checked against the general path (every URL getter read per request, the
 * set always built; copied below), on random target URLs, default headers
 * and case headers, and after a URL is changed in place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../../../src/contract/model/case.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { curlCommand } from '../../../../src/core/request/curl.js';
import { forTarget, type PlannedRequest, urlFor } from '../../../../src/core/request/plan.js';

/** The general path, as it was. */
function forTargetGeneral(plan: PlannedRequest, target: Target) {
  const headers: Record<string, string | string[]> = {};
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const existing = headers[key];
    if (existing === undefined) headers[key] = value;
    else headers[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  const caseNames = new Set(plan.headers.map(([name]) => name.toLowerCase()));
  for (const [name, value] of target.headers) {
    if (!caseNames.has(name.toLowerCase())) add(name, value);
  }
  for (const [name, value] of plan.headers) add(name, value);
  const base = target.url.pathname.replace(/\/+$/, '');
  const search = target.url.search;
  const q = plan.pathAndQuery.indexOf('?');
  const path =
    search === '' || search === '?'
      ? base + plan.pathAndQuery
      : q < 0
        ? base + plan.pathAndQuery + search
        : `${base}${plan.pathAndQuery.slice(0, q)}${search}&${plan.pathAndQuery.slice(q + 1)}`;
  return { path, headers };
}

const header = fc.tuple(
  fc.constantFrom('Accept', 'accept', 'X-Id', 'x-id', 'Cookie'),
  fc.string({ maxLength: 4 }),
);
const url = fc.constantFrom(
  'http://127.0.0.1:3100',
  'http://127.0.0.1:3100/',
  'http://127.0.0.1:3100/base//',
  'http://127.0.0.1:3100/base?k=v',
  'http://127.0.0.1:3100/?',
  'https://example.test/a/b?x=1&y=2',
);
const pathAndQuery = fc.constantFrom('/items/1', '/items?a=1', '/', '/q?', '/a/b?c=d&e=f');

describe('target words', () => {
  it('forTarget and urlFor equal the general path', () => {
    fc.assert(
      fc.property(
        url,
        fc.array(header, { maxLength: 3 }),
        fc.array(header, { maxLength: 3 }),
        pathAndQuery,
        (href, targetHeaders, caseHeaders, pq) => {
          const target: Target = { name: 't', url: new URL(href), headers: targetHeaders };
          const plan: PlannedRequest = {
            method: 'GET',
            pathAndQuery: pq,
            headers: caseHeaders,
            body: undefined,
          };
          const general = forTargetGeneral(plan, target);
          // Twice: the second call reads what the first worked out.
          for (let i = 0; i < 2; i++) {
            expect(forTarget(plan, target)).toEqual(general);
            expect(urlFor(plan, target)).toBe(target.url.origin + general.path);
          }
        },
      ),
    );
  });

  it('follow a URL changed in place', () => {
    const target: Target = { name: 't', url: new URL('http://127.0.0.1:3100/v1'), headers: [] };
    const plan: PlannedRequest = {
      method: 'GET',
      pathAndQuery: '/x',
      headers: [],
      body: undefined,
    };
    const redact = createRedactor({ headerNames: [], secrets: new Map() });
    expect(curlCommand(plan, target, redact)).toBe('curl -sS -i http://127.0.0.1:3100/v1/x');
    target.url.port = '4110';
    target.url.pathname = '/v2';
    expect(curlCommand(plan, target, redact)).toBe('curl -sS -i http://127.0.0.1:4110/v2/x');
    expect(urlFor(plan, target)).toBe('http://127.0.0.1:4110/v2/x');
  });
});
