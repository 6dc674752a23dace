/**
 * The content of a list of values (`findings.ts`, `contentOfLists`): where
 * one side adds or lacks elements of a list whose elements are values, the
 * elements whose value differs in the same answer are one change of the
 * list's content; a list of records keeps its members' values apart.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';

function findings(endpoint: string, body: readonly Change[], xml = false) {
  return findingsOf({
    endpoint,
    comparison: {
      status: { equal: true, baseline: 200, candidate: 200 },
      headers: [],
      body,
      ...(xml ? { xml: true as const } : {}),
    },
  });
}

describe('a list of values that holds other values', () => {
  it('is one change: XML elements named by one attribute, values changed and one added', () => {
    const list = '/multistatus/response/propstat/prop/component-set/comp';
    const found = findings(
      'PROPFIND /ada/work/',
      [
        { path: `${list}/0/@name`, op: 'value', baseline: 'VTODO', candidate: 'VEVENT' },
        { path: `${list}/1/@name`, op: 'value', baseline: 'VEVENT', candidate: 'VTODO' },
        { path: `${list}/3`, op: 'added', candidate: { '@name': 'VFREEBUSY' } },
      ],
      true,
    );
    expect(found.map((f) => f.summary)).toEqual([
      `/ada/work: candidate adds elements to the list \`${list}\``,
    ]);
    expect(found[0]?.paths).toEqual([`${list}/0/@name`, `${list}/1/@name`, `${list}/3`]);
  });

  it('is one change: a JSON list of strings, values changed and two lacking', () => {
    const found = findings('GET /v1/accounts/:id', [
      { path: '/account/scopes/0', op: 'value', baseline: 'read', candidate: 'admin' },
      { path: '/account/scopes/2', op: 'removed', baseline: 'write' },
      { path: '/account/scopes/3', op: 'removed', baseline: 'delete' },
    ]);
    expect(found.map((f) => f.summary)).toEqual([
      '/v1/accounts: candidate lacks elements of the list `/account/scopes`',
    ]);
    expect(found[0]?.paths).toHaveLength(3);
  });

  it('keeps values apart when no element is added or lacking (the values are the question)', () => {
    const found = findings('GET /v1/accounts/:id', [
      { path: '/account/scopes/0', op: 'value', baseline: 'read', candidate: 'admin' },
    ]);
    expect(found.map((f) => f.summary)).toEqual([
      '/v1/accounts: value of `/account/scopes/*` differs: `read` vs `admin`',
    ]);
  });

  it('keeps a list of records apart: an added record and a member value are two causes', () => {
    const found = findings('GET /orders', [
      { path: '/orders/0/total', op: 'value', baseline: 12.5, candidate: 12.49 },
      { path: '/orders/2', op: 'added', candidate: { id: 9, total: 3 } },
    ]);
    expect(found.map((f) => f.summary)).toEqual([
      '/orders: value of `/total` differs',
      '/orders: candidate adds elements to the list `/orders`',
    ]);
  });

  it('keeps apart a value of another list, and a member other than the elements’ one', () => {
    const found = findings(
      'PROPFIND /dav/',
      [
        { path: '/set/item/0/@name', op: 'value', baseline: 'a', candidate: 'b' },
        { path: '/set/item/1/@kind', op: 'value', baseline: 'x', candidate: 'y' },
        { path: '/other/item/0/@name', op: 'value', baseline: 'p', candidate: 'q' },
        { path: '/set/item/2', op: 'added', candidate: { '@name': 'c' } },
      ],
      true,
    );
    expect(found.map((f) => f.summary).sort()).toEqual([
      '/dav: candidate adds elements to the list `/set/item`',
      '/dav: value of `/other/item/@name` differs: `p` vs `q`',
      '/dav: value of `/set/item/@kind` differs: `x` vs `y`',
    ]);
  });
});
