/** Standard output written straight to its descriptor: a pipe or a file, never a terminal. */
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { fdOutput } from '../../../src/cli/fd-output.js';

const opened: number[] = [];
afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
});

function tempFile(): { fd: number; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'parity-fd-output-')), 'out.txt');
  const fd = openSync(path, 'w');
  opened.push(fd);
  return { fd, path };
}

/** A stream that keeps what is written to it. */
function keeping(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const fail = (code: string) => Object.assign(new Error(code), { code });
const noStream = () => {
  throw new Error('the stream was created');
};

describe('fdOutput', () => {
  it('writes to a file without creating the stream', () => {
    const { fd, path } = tempFile();
    const output = fdOutput(fd, noStream);
    expect(output?.isTTY).toBe(false);
    output?.write('ok: é\n');
    output?.write('');
    output?.write('two\n');
    expect(readFileSync(path, 'utf8')).toBe('ok: é\ntwo\n');
  });

  it('leaves a device (a terminal, /dev/null) to the stream', () => {
    const fd = openSync('/dev/null', 'w');
    opened.push(fd);
    expect(fdOutput(fd, noStream)).toBeUndefined();
  });

  it('hands what is left, and every later write, to the stream when the pipe is full', async () => {
    const { fd } = tempFile();
    const { stream, text } = keeping();
    const written: string[] = [];
    let calls = 0;
    const output = fdOutput(
      fd,
      () => stream,
      (_fd, bytes, offset) => {
        calls++;
        if (calls === 2) throw fail('EAGAIN');
        written.push(Buffer.from(bytes.subarray(offset, offset + 2)).toString('utf8'));
        return Math.min(2, bytes.length - offset);
      },
    );
    output?.write('abcd');
    output?.write('ef');
    await output?.flushed();
    expect(written).toEqual(['ab']);
    expect(text()).toBe('cdef');
    expect(calls).toBe(2);
  });

  it('drops output whose reader is gone, and throws any other error', () => {
    const { fd } = tempFile();
    let calls = 0;
    const gone = fdOutput(fd, noStream, () => {
      calls++;
      throw fail('EPIPE');
    });
    expect(gone?.write('a')).toBe(true);
    expect(gone?.write('b')).toBe(true);
    expect(calls).toBe(1);
    const broken = fdOutput(fd, noStream, () => {
      throw fail('EBADF');
    });
    expect(() => broken?.write('a')).toThrow('EBADF');
  });
});
