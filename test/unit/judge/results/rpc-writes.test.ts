/** Rule 34: what an RPC operation's name says of the call (`rpc-writes.ts`). */
import { describe, expect, it } from 'vitest';
import { verbKindOf } from '../../../../src/judge/results/rpc-writes.js';

describe('verbKindOf', () => {
  it('reads the first verb of the last segment, past a namespace', () => {
    expect(verbKindOf('system.listMethods')).toBe('read');
    expect(verbKindOf('eth_getBalance')).toBe('read');
    expect(verbKindOf('eth_call')).toBe('read');
    expect(verbKindOf('catalog.get_item')).toBe('read');
    expect(verbKindOf('Kinesis_20131202.PutRecord')).toBe('write');
    expect(verbKindOf('eth_sendTransaction')).toBe('write');
    expect(verbKindOf('stock.add')).toBe('write');
    expect(verbKindOf('mutation:addBook')).toBe('write');
  });

  it('a namespace that is a verb is not the call: the last segment decides', () => {
    expect(verbKindOf('list.add')).toBe('write');
    expect(verbKindOf('set.getMembers')).toBe('read');
  });

  it('a name with no verb of either list says nothing (its exchange decides)', () => {
    expect(verbKindOf('eth_blockNumber')).toBeUndefined();
    expect(verbKindOf('stock.adjust')).toBeUndefined();
    expect(verbKindOf('system.multicall')).toBeUndefined();
    // A verb's letters inside a word are no verb.
    expect(verbKindOf('ledger.settlement')).toBeUndefined();
  });
});
