/** Builds resolved `Case`s for tests without going through files. */

import type { Case, CaseRequest } from '../../src/contract/model/case.js';
import {
  type RulesSpecInput,
  resolveRules,
  rulesSpecSchema,
} from '../../src/contract/rules/schema.js';

export function makeCase(
  id: string,
  request: Partial<CaseRequest> & { path: string },
  rules: RulesSpecInput = {},
): Case {
  return {
    id: `t/${id}`,
    suite: 't',
    description: undefined,
    tags: [],
    request: { method: 'GET', query: [], headers: [], body: { kind: 'none' }, ...request },
    rules: resolveRules([rulesSpecSchema().parse(rules)]),
    expect: { status: undefined },
    source: { file: 'inline', line: 1, column: 1 },
  };
}
