/**
 * Unsolicited `100 Continue`: valid HTTP/1.1 (RFC 9110 §15.2: a client must
 * be able to parse one it did not ask for), skipped by curl and node:http,
 * but refused by undici 7's HTTP/1.1 client, which destroys the connection
 * ("bad response") when a 100 precedes the final answer. parity connects its
 * sockets itself (undici's public `connect` option) and drops a `100` head
 * found where a response starts, so the final answer is parsed as curl sees it.
 *
 * Where a response starts: with one request per connection at a time (parity
 * never pipelines), the first bytes read after a request is written. Other
 * 1xx answers (102, 103) are left to undici, which accepts them.
 */

/** The socket methods this module wraps (a `net.Socket` has both). */
export interface ReadableSocket {
  read(size?: number): unknown;
  write(...args: never[]): boolean;
}

/** `HTTP/1.x 100` then a space or the line end: the head of a 100 answer. */
const STATUS_100 = /^HTTP\/1\.[01] 100(?:[ \t]|\r?\n)/;
/** A head shorter than this cannot yet tell itself from another status. */
const DECIDE_AT = 'HTTP/1.1 100 '.length;
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;
/** A 100 head longer than this is not one (a server streaming junk): left to undici. */
const MAX_HEAD = 8 * 1024;

/**
 * What `bytes` (at a response start) begin with: a whole 100 head (the index
 * past its blank line), maybe one (more bytes needed), or a final answer.
 */
export function interimHead(bytes: Buffer): number | 'more' | 'final' {
  // The common answer, told by its status digits alone (`HTTP/1.1 200`): no string made.
  if (
    bytes.length >= DECIDE_AT &&
    (bytes[9] !== DIGIT_1 || bytes[10] !== DIGIT_0 || bytes[11] !== DIGIT_0)
  )
    return 'final';
  const prefix = bytes.toString('latin1', 0, Math.min(bytes.length, 16));
  if (bytes.length < DECIDE_AT) {
    return 'HTTP/1.1 100 '.startsWith(prefix.replace('1.0', '1.1')) ? 'more' : 'final';
  }
  if (!STATUS_100.test(prefix)) return 'final';
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const ends = [crlf < 0 ? -1 : crlf + 4, lf < 0 ? -1 : lf + 2].filter((at) => at > 0);
  if (ends.length > 0) return Math.min(...ends);
  return bytes.length > MAX_HEAD ? 'final' : 'more';
}

function isBuffer(value: unknown): value is Buffer {
  return Buffer.isBuffer(value);
}

/**
 * Wraps `socket.read` (what undici's parser reads through) so that a 100 head
 * at a response start is dropped, and `socket.write` so that every request
 * marks the next bytes as a response start.
 */
export function skipInterim100(socket: ReadableSocket): void {
  const read = socket.read.bind(socket);
  const write = socket.write.bind(socket);
  let atStart = true;
  // Bytes read but not yet handed on, and whether deciding on them needs more.
  let held: Buffer | undefined;
  let needMore = true;
  socket.write = (...args: never[]): boolean => {
    atStart = true;
    return write(...args);
  };
  socket.read = (size?: number): unknown => {
    if (!atStart) return read(size);
    for (;;) {
      let data: Buffer;
      if (held !== undefined && !needMore) data = held;
      else {
        const chunk = read();
        if (!isBuffer(chunk)) return chunk;
        data = held === undefined ? chunk : Buffer.concat([held, chunk]);
      }
      held = undefined;
      const head = interimHead(data);
      if (head === 'final') {
        atStart = false;
        return data;
      }
      needMore = head === 'more' || head === data.length;
      const rest = head === 'more' ? data : data.subarray(head);
      if (rest.length > 0) held = rest;
    }
  };
}
