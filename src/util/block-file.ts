/**
 * Files appended to in blocks (64 KiB unless the caller asks for larger):
 * text is encoded straight into the current block (bytes copied into it),
 * and a full block is written at its own file offset while the next one
 * fills (or at once, for a writer that has nothing else to do: `sync`).
 * Written blocks go back to a small pool, so a run that
 * appends 100,000 lines allocates a handful of blocks, not a string or a
 * buffer per line or per flush that would outlive the write (and, living
 * across it, be moved to V8's old generation as garbage).
 */
import { writeSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** The default block size. */
export const BLOCK = 64 * 1024;
const NEWLINE = 0x0a;

declare global {
  interface Buffer {
    /**
     * Node's own UTF-8 encoder, what `buffer.write(text, offset)` calls once it
     * has checked its arguments (Node 20+; not in @types/node). Called
     * directly: the checks cost more than encoding a short line.
     */
    utf8Write(text: string, offset: number): number;
  }
}

/** Appends text to a file in blocks. */
export interface BlockWriter {
  /** Appends `text` as UTF-8 and returns its length in bytes. */
  append(text: string): number;
  /** Appends `text` and a newline; returns their length in bytes. */
  appendLine(text: string): number;
  /** Appends a copy of `bytes` (the caller may reuse them at once); returns their length. */
  appendBytes(bytes: Uint8Array): number;
  /** How many blocks are being written: a producer that can wait waits above 1. */
  readonly backlog: number;
  /** Waits for the writes under way; rejects with the first write's error. */
  settled(): Promise<void>;
  /** Writes the last, partly filled block too, and waits for every write. */
  end(): Promise<void>;
}

/** A file opened by `openBlockFile`. */
export interface BlockFile extends BlockWriter {
  /** Ends, then closes the file. */
  close(): Promise<void>;
}

/** How a block writer writes. */
export interface BlockOptions {
  /** Bytes per block (default 64 KiB). */
  readonly size?: number | undefined;
  /**
   * Write each full block at once, on this thread: for a writer with nothing
   * to do meanwhile (a report written at the end of a run). A write handed to
   * libuv's thread pool cost ~3 times the CPU of the same write made here (the
   * wake-ups between threads), which pays only while there is other work.
   */
  readonly sync?: boolean | undefined;
}

async function writeAt(handle: FileHandle, bytes: Buffer, length: number, at: number) {
  for (let done = 0; done < length; ) {
    done += (await handle.write(bytes, done, length - done, at + done)).bytesWritten;
  }
}

function writeAtNow(handle: FileHandle, bytes: Buffer, length: number, at: number): void {
  for (let done = 0; done < length; ) {
    done += writeSync(handle.fd, bytes, done, length - done, at + done);
  }
}

/**
 * Appends to `handle` (an empty file opened for writing) from its first byte
 * on, in blocks.
 */
export function blockWriter(handle: FileHandle, options: BlockOptions = {}): BlockWriter {
  const size = options.size ?? BLOCK;
  const free: Buffer[] = [];
  const writing = new Set<Promise<void>>();
  let failure: unknown;
  let block: Buffer = Buffer.allocUnsafe(size);
  let used = 0;
  /** The file offset of the current block's first byte. */
  let offset = 0;

  const write = (bytes: Buffer, length: number, reuse: boolean): void => {
    if (options.sync === true) {
      // The first failure is the one reported, as for the writes in the thread pool.
      try {
        if (failure === undefined) writeAtNow(handle, bytes, length, offset);
      } catch (error) {
        failure = error;
      }
      if (reuse) free.push(bytes);
      offset += length;
      return;
    }
    const done: Promise<void> = writeAt(handle, bytes, length, offset)
      .then(
        () => {
          if (reuse) free.push(bytes);
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => writing.delete(done));
    writing.add(done);
    offset += length;
  };
  const settled = async (): Promise<void> => {
    while (writing.size > 0) await Promise.all(writing);
    if (failure !== undefined) throw failure;
  };
  const flush = (): void => {
    if (used === 0) return;
    write(block, used, true);
    block = free.pop() ?? Buffer.allocUnsafe(size);
    used = 0;
  };

  const append = (text: string): number => {
    // A UTF-16 unit takes at most 3 bytes: count the bytes only when the text may not fit.
    if (text.length * 3 > size - used) {
      const length = Buffer.byteLength(text);
      if (length > size - used) flush();
      if (length > size) {
        write(Buffer.from(text, 'utf8'), length, false);
        return length;
      }
    }
    const length = block.utf8Write(text, used);
    used += length;
    return length;
  };

  return {
    append,
    appendLine(text) {
      const length = append(text);
      // The newline as a byte: a second call to the encoder cost as much as a short line.
      if (used === size) flush();
      block[used++] = NEWLINE;
      return length + 1;
    },
    appendBytes(bytes) {
      const length = bytes.byteLength;
      if (length > size - used) flush();
      if (length > size) {
        write(Buffer.from(bytes), length, false);
        return length;
      }
      block.set(bytes, used);
      used += length;
      return length;
    },
    get backlog() {
      return writing.size;
    },
    settled,
    end() {
      flush();
      return settled();
    },
  };
}

/** Creates (or truncates) `path` and appends to it in blocks. */
export async function openBlockFile(path: string, options: BlockOptions = {}): Promise<BlockFile> {
  const handle = await open(path, 'w');
  const writer = blockWriter(handle, options);
  return Object.assign(writer, {
    async close() {
      try {
        await writer.end();
      } finally {
        await handle.close();
      }
    },
  });
}
