/**
 * Append-only lists for the per-case bookkeeping of a run (ids, byte offsets,
 * durations). A plain array that grows to 100k entries is copied each time it
 * outgrows itself, and every outgrown copy past 128 KiB is a large garbage
 * object that only a full GC frees: a 100k-case run grew V8's large-object
 * space by ~20 MB that way. These grow by fixed chunks instead, never copying.
 */

/** Entries per chunk: 8 Ki entries is 64 KiB of pointers or doubles, below V8's large-object size. */
const CHUNK = 8192;

export class ChunkedList<T> {
  private readonly chunks: T[][] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: T): void {
    const offset = this.size % CHUNK;
    if (offset === 0) this.chunks.push([]);
    (this.chunks[this.chunks.length - 1] as T[]).push(value);
    this.size++;
  }

  /** The entry at `index` (0 ≤ index < length). */
  at(index: number): T {
    return (this.chunks[Math.floor(index / CHUNK)] as T[])[index % CHUNK] as T;
  }
}

export class NumberLog {
  private readonly chunks: Float64Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    const k = Math.floor(this.size / CHUNK);
    const offset = this.size % CHUNK;
    let chunk = this.chunks[k];
    if (chunk === undefined) {
      // The first chunk starts small (a run has one log per endpoint and side) and doubles.
      chunk = new Float64Array(k === 0 ? 16 : CHUNK);
      this.chunks.push(chunk);
    } else if (offset === chunk.length) {
      const grown = new Float64Array(Math.min(CHUNK, chunk.length * 2));
      grown.set(chunk);
      this.chunks[k] = grown;
      chunk = grown;
    }
    chunk[offset] = value;
    this.size++;
  }

  /** The number at `index` (0 ≤ index < length). */
  at(index: number): number {
    return (this.chunks[Math.floor(index / CHUNK)] as Float64Array)[index % CHUNK] as number;
  }

  /** Every number, in order, in one new array. */
  toFloat64Array(): Float64Array {
    const out = new Float64Array(this.size);
    this.chunks.forEach((chunk, k) => {
      const start = k * CHUNK;
      out.set(chunk.subarray(0, Math.min(CHUNK, this.size - start)), start);
    });
    return out;
  }
}
