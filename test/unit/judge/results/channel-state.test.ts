import { describe, expect, it } from 'vitest';
import { showsWrittenState } from '../../../../src/judge/results/channel-state.js';

describe('showsWrittenState (tracker rule 49)', () => {
  it('on a message protocol, relates only the same channel, or one above or below it', () => {
    expect(showsWrittenState('POST /bayeux /news', 'POST /bayeux /news')).toBe(true);
    expect(showsWrittenState('POST /bus /chat', 'POST /bus /chat/room-1')).toBe(true);
    expect(showsWrittenState('POST /bus /alerts/fire', 'POST /bus [/meta/x,/alerts/*]')).toBe(true);
    expect(showsWrittenState('POST /bayeux /meta/custom', 'POST /bayeux /news')).toBe(false);
    // A message that names no channel, on the same path, addresses none of them.
    expect(showsWrittenState('POST /bayeux /meta/custom', 'POST /bayeux')).toBe(false);
    expect(showsWrittenState('POST /bus /news', 'POST /other /news')).toBe(false);
  });

  it('elsewhere, relates collections as before: every operation of an RPC path is one', () => {
    expect(showsWrittenState('POST /v1/records', 'GET /v1/records/:id')).toBe(true);
    expect(showsWrittenState('POST / eth_sendTransaction', 'POST / eth_getBalance')).toBe(true);
    expect(showsWrittenState('POST /v1/records', 'GET /v1/users')).toBe(false);
  });
});
