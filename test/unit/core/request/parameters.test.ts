/**
 * The names of the parameters a request sent (tracker rule 33): query, form
 * and JSON body member names, and those its flow's earlier steps sent; a name
 * a sent value holds as a word left out (a reason saying it may only echo the
 * value), and a name written with a flow's variable. Two requests of other
 * names and formats each.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import { sentParameters } from '../../../../src/core/request/parameters.js';
import { holdsWord } from '../../../../src/util/text.js';

function request(over: Partial<CaseRequest>): CaseRequest {
  return { method: 'POST', path: '/x', query: [], headers: [], body: { kind: 'none' }, ...over };
}

const FORM = [['content-type', 'application/x-www-form-urlencoded; charset=utf-8']] as const;

describe('sentParameters', () => {
  it('reads query and form names, with those of earlier steps', () => {
    const authorize = request({
      method: 'GET',
      query: [
        ['code_challenge', 'abc'],
        ['state', 's'],
      ],
    });
    const exchange = request({
      headers: FORM,
      body: {
        kind: 'text',
        text: 'grant_type=authorization_code&code_verifier=zz%20y&client_id={{id}}',
      },
    });
    expect(sentParameters(exchange, [{ request: authorize }])).toEqual([
      'client_id',
      'code_challenge',
      'code_verifier',
      'grant_type',
      'state',
    ]);
    // A text body that is no form names nothing.
    expect(sentParameters(request({ body: { kind: 'text', text: 'a=b' } }))).toEqual([]);
  });

  it('reads JSON member names at any depth, without a template name', () => {
    const body = { StreamName: 's1', Tags: [{ TagKey: 'k' }], '{{field}}': 1 };
    expect(sentParameters(request({ body: { kind: 'json', value: body } }))).toEqual([
      'StreamName',
      'TagKey',
      'Tags',
    ]);
  });

  it('leaves out a name a sent value holds as a word', () => {
    const query = [
      ['sort', 'created_at desc'],
      ['created_at', '2020'],
      ['order', 'sort_key'],
    ] as const;
    expect(sentParameters(request({ query }))).toEqual(['order', 'sort']);
    const body = { copyFrom: 'groupId', groupId: 'g1', userName: 'userNames' };
    expect(sentParameters(request({ body: { kind: 'json', value: body } }))).toEqual([
      'copyFrom',
      'userName',
    ]);
  });
});

describe('holdsWord', () => {
  it('matches a name whole, `_` and digits being part of a word', () => {
    expect(holdsWord('Unsupported code_challenge method S512', 'code_challenge')).toBe(true);
    expect(holdsWord('code_challenge_method are supported', 'code_challenge')).toBe(false);
    expect(holdsWord("Invalid 'scope' type", 'scope')).toBe(true);
    expect(holdsWord('scopes are read-only', 'scope')).toBe(false);
    expect(holdsWord('StreamName2 is long', 'StreamName')).toBe(false);
  });
});
