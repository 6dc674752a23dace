import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import {
  createReferenceMemory,
  REFERENCE_TOKEN,
} from '../../../../src/core/normalise/references.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonOf as body, jsonSide as side } from '../../../helpers/json-side.js';

function exchange(
  id: string,
  a: unknown,
  b: unknown,
  serial: string | false = 'cases/s.yaml',
): Exchange {
  const base: Case = makeCase(id, { path: `/${id}` });
  return {
    case: serial === false ? base : { ...base, serial },
    baseline: side(a),
    candidate: side(b),
  };
}

const B = 'b-7f3a9c21e4';
const C = 'c-0d81be55aa';

describe('values each side generated earlier in its sequence, echoed', () => {
  it('are compared as one reference where each comes from the same earlier place', () => {
    const memory = createReferenceMemory();
    const create = memory.apply(
      exchange('s/create', { id: B, colour: 'blue' }, { id: C, colour: 'green' }),
    );
    // The first answer is where they come from: nothing to compare them with yet.
    expect(create.echoed).toBeUndefined();
    const list = memory.apply(
      exchange(
        's/list',
        { items: [{ id: B, colour: 'blue' }] },
        { items: [{ id: C, colour: 'green' }] },
      ),
    );
    expect(list.echoed).toEqual(['/items/0/id']);
    expect(body(list.candidate)).toEqual({ items: [{ id: REFERENCE_TOKEN, colour: 'green' }] });
    expect(body(list.baseline)).toEqual({ items: [{ id: REFERENCE_TOKEN, colour: 'blue' }] });
  });

  it('still differ from another place, one-sided, outside a sequence, or as words and numbers', () => {
    const memory = createReferenceMemory();
    memory.apply(exchange('s/one', { id: B, other: 'x-11111111' }, { id: C, other: 'y-22222222' }));
    // The candidate echoes its `other`, not its `id`: no common origin.
    const crossed = memory.apply(exchange('s/two', { ref: B }, { ref: 'y-22222222' }));
    expect(crossed.echoed).toBeUndefined();
    const unknown = memory.apply(exchange('s/three', { ref: B }, { ref: 'z-33333333' }));
    expect(unknown.echoed).toBeUndefined();
    const plain = createReferenceMemory();
    plain.apply(exchange('p/one', { id: B }, { id: C }, false));
    expect(plain.apply(exchange('p/two', { id: B }, { id: C }, false)).echoed).toBeUndefined();
  });
});
