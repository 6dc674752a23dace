/** Rule 55: what a JSON-RPC error answer is (`rpc-error-answers.ts`). */
import { describe, expect, it } from 'vitest';
import { isRpcErrorAnswer } from '../../../../src/core/compare/rpc-error-answers.js';

describe('isRpcErrorAnswer', () => {
  it('reads 2.0 and 1.0 error answers, alone or as a batch', () => {
    expect(
      isRpcErrorAnswer({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32700, message: 'Parse error' },
      }),
    ).toBe(true);
    expect(isRpcErrorAnswer({ id: 'q1', result: null, error: 'no such ticket' })).toBe(true);
    expect(
      isRpcErrorAnswer([
        { jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Invalid Request' } },
        { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'Method not found' } },
      ]),
    ).toBe(true);
  });

  it('a result, another envelope, an empty or mixed batch is none', () => {
    expect(isRpcErrorAnswer({ jsonrpc: '2.0', id: 4, result: { planted: 2 } })).toBe(false);
    expect(isRpcErrorAnswer({ id: 'q1', result: 3, error: null })).toBe(false);
    // An error envelope with no `id` (`{error, message, code}`) is another protocol's.
    expect(isRpcErrorAnswer({ error: 'key not found', message: 'key not found', code: 5 })).toBe(
      false,
    );
    // An error object whose code is no number is none.
    expect(isRpcErrorAnswer({ id: 1, error: { code: 'E_FULL', text: 'full' } })).toBe(false);
    expect(isRpcErrorAnswer([])).toBe(false);
    expect(
      isRpcErrorAnswer([
        { jsonrpc: '2.0', id: 1, error: { code: -32001, message: 'no bed' } },
        { jsonrpc: '2.0', id: 2, result: 7 },
      ]),
    ).toBe(false);
  });
});
