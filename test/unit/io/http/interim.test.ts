import { describe, expect, it } from 'vitest';
import { interimHead, skipInterim100 } from '../../../../src/io/http/interim.js';

/** A socket whose reads return the given chunks, one per read (then null). */
function socketOf(chunks: string[]) {
  const queue = chunks.map((c) => Buffer.from(c, 'latin1'));
  return {
    written: [] as string[],
    read(): Buffer | null {
      return queue.shift() ?? null;
    },
    write(...args: never[]): boolean {
      this.written.push(String(args[0]));
      return true;
    },
    push(chunk: string) {
      queue.push(Buffer.from(chunk, 'latin1'));
    },
  };
}

function drain(socket: { read(): unknown }): string {
  let out = '';
  for (let chunk = socket.read(); chunk !== null; chunk = socket.read()) {
    out += (chunk as Buffer).toString('latin1');
  }
  return out;
}

const FINAL = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}';

describe('interimHead', () => {
  it('tells a 100 head, a final answer and a head still arriving apart', () => {
    expect(interimHead(Buffer.from('HTTP/1.1 100 Continue\r\n\r\nrest'))).toBe(25);
    expect(interimHead(Buffer.from('HTTP/1.0 100\r\n\r\n'))).toBe(16);
    expect(interimHead(Buffer.from('HTTP/1.1 200 OK\r\n'))).toBe('final');
    expect(interimHead(Buffer.from('HTTP/1.1 1000 x\r\n\r\n'))).toBe('final');
    expect(interimHead(Buffer.from('HTTP/1.1 103 Early\r\n\r\n'))).toBe('final');
    expect(interimHead(Buffer.from('HTTP/1.1 10'))).toBe('more');
    expect(interimHead(Buffer.from('HTTP/1.1 100 Continue\r\n'))).toBe('more');
  });
});

describe('skipInterim100', () => {
  it('drops a 100 head at the start of a response, whole or split, once or twice', () => {
    for (const chunks of [
      ['HTTP/1.1 100 Continue\r\n\r\n', FINAL],
      [`HTTP/1.1 100 Continue\r\n\r\n${FINAL}`],
      ['HTTP/1.1 1', '00 Continue\r', '\n\r\nHTTP/1.1 100 Continue\r\n\r\n', FINAL],
    ]) {
      const socket = socketOf(chunks);
      skipInterim100(socket);
      expect(drain(socket)).toBe(FINAL);
    }
  });

  it('never touches a body, even one that looks like a 100 head', () => {
    const socket = socketOf([FINAL.slice(0, -2), 'HTTP/1.1 100 Continue\r\n\r\n']);
    skipInterim100(socket);
    expect(drain(socket)).toBe(`${FINAL.slice(0, -2)}HTTP/1.1 100 Continue\r\n\r\n`);
  });

  it('looks again at the start of the response to the next request', () => {
    const socket = socketOf([FINAL]);
    skipInterim100(socket);
    expect(drain(socket)).toBe(FINAL);
    socket.write('GET / HTTP/1.1\r\n\r\n' as never);
    socket.push('HTTP/1.1 100 Continue\r\n\r\n');
    socket.push(FINAL);
    expect(drain(socket)).toBe(FINAL);
    expect(socket.written).toEqual(['GET / HTTP/1.1\r\n\r\n']);
  });
});
