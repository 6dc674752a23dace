/**
 * Files appended to in 64 KiB blocks: text is encoded straight into
 * the current block, and a full block is written at its own file offset while
 * the next one fills. Written blocks go back to a small pool, so a run that
 * appends 100,000 lines allocates a handful of blocks, not a string or a
 * buffer per line or per flush that would outlive the write (and, living
 * across it, be moved to V8's old generation as garbage).
 */
import { type FileHandle, open } from 'node:fs/promises';

const BLOCK = 64 * 1024;
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

async function writeAt(handle: FileHandle, bytes: Buffer, length: number, at: number) {
  for (let done = 0; done < length; ) {
    done += (await handle.write(bytes, done, length - done, at + done)).bytesWritten;
  }
}

/** Appends to `handle` (an empty file opened for writing) from its first byte on. */
export function blockWriter(handle: FileHandle): BlockWriter {
  const free: Buffer[] = [];
  const writing = new Set<Promise<void>>();
  let failure: unknown;
  let block: Buffer = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  /** The file offset of the current block's first byte. */
  let offset = 0;

  const write = (bytes: Buffer, length: number, reuse: boolean): void => {
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
    block = free.pop() ?? Buffer.allocUnsafe(BLOCK);
    used = 0;
  };

  const append = (text: string): number => {
    // A UTF-16 unit takes at most 3 bytes: count the bytes only when the text may not fit.
    if (text.length * 3 > BLOCK - used) {
      const length = Buffer.byteLength(text);
      if (length > BLOCK - used) flush();
      if (length > BLOCK) {
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
      if (used === BLOCK) flush();
      block[used++] = NEWLINE;
      return length + 1;
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
export async function openBlockFile(path: string): Promise<BlockFile> {
  const handle = await open(path, 'w');
  const writer = blockWriter(handle);
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
