/**
 * Standard output or error written straight to its file descriptor when it is
 * a pipe, a socket or a file. Node creates `process.stdout` for a pipe as a
 * `net.Socket`, and loading `net` cost 5–9 ms of CPU on a loaded machine:
 * more than any part of parity's own start-up (`validate` of one case wrote
 * one line and paid it). Node writes to a file with `writeSync` too, and to a
 * pipe at once when it can; so does this. A terminal (colours, the progress
 * bar) keeps Node's stream: `fdOutput` gives nothing for one.
 */
import { fstatSync, writeSync } from 'node:fs';

/** A writer of one descriptor: its reader gone, what is written is dropped. */
export interface FdOutput {
  write(text: string): boolean;
  readonly isTTY: false;
  /** Resolves once what was written has left (only a stream taken over can hold some back). */
  flushed(): Promise<void>;
}

/** Why output cannot be written because its reader is gone: a pipe or a terminal closed. */
export const LOST_OUTPUT: ReadonlySet<string> = new Set(['EPIPE', 'EIO', 'ERR_STREAM_DESTROYED']);

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

/** A pipe, a socket or a regular file (not a terminal, nor any other device). */
function writesDirectly(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    return false;
  }
}

/**
 * A writer of `fd` when it is a pipe, a socket or a file; undefined otherwise
 * (the caller keeps Node's stream). `stream` creates Node's stream of the
 * same descriptor: a pipe another process made non-blocking may be full
 * (EAGAIN), and then the stream takes over what is left, and every later
 * write, in order.
 */
export function fdOutput(
  fd: number,
  stream: () => NodeJS.WritableStream,
  write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync,
): FdOutput | undefined {
  if (!writesDirectly(fd)) return undefined;
  let lost = false;
  let taken: NodeJS.WritableStream | undefined;
  return {
    isTTY: false,
    write(text) {
      if (taken !== undefined) return taken.write(text);
      if (lost) return true;
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += write(fd, bytes, offset);
      } catch (error) {
        const code = codeOf(error);
        if (code !== 'EAGAIN') {
          if (typeof code === 'string' && LOST_OUTPUT.has(code)) lost = true;
          else throw error;
          return true;
        }
        taken = stream();
        return taken.write(bytes.subarray(offset));
      }
      return true;
    },
    flushed: () =>
      new Promise((resolve) => {
        if (taken === undefined) resolve();
        else taken.write('', () => resolve());
      }),
  };
}
