/**
 * A count of bytes held against a limit, shared between threads: its
 * counters live in a SharedArrayBuffer, so a worker thread's view
 * (`ByteBudget.of`) takes from and gives back to the same budget as the
 * thread that made it. `take` never waits: past the limit it says no, and the
 * caller drops what it would have kept. One piece may still be taken while
 * nothing else is held (`alone`; nothing but the taker's own bytes, `mine`),
 * so a piece larger than the whole budget is not refused for ever: what is
 * held is then at most the larger of the limit and that one taker's bytes.
 */

/** Slots of the shared counters: bytes held, the most held at once, the limit. */
const HELD = 0;
const PEAK = 1;
const LIMIT = 2;

export class ByteBudget {
  private readonly slots: BigInt64Array;

  private constructor(
    /** The counters, to hand to another thread (`ByteBudget.of`). */
    readonly shared: SharedArrayBuffer,
    /** Whether a piece past the limit is taken while nothing else is held. */
    private readonly alone: boolean,
  ) {
    this.slots = new BigInt64Array(shared);
  }

  /** A new budget of `limit` bytes. */
  static create(limit: number, options: { readonly alone?: boolean } = {}): ByteBudget {
    const budget = new ByteBudget(new SharedArrayBuffer(3 * 8), options.alone ?? true);
    Atomics.store(budget.slots, LIMIT, BigInt(Math.max(0, Math.floor(limit))));
    return budget;
  }

  /** This thread's view of a budget another thread made. */
  static of(shared: SharedArrayBuffer, options: { readonly alone?: boolean } = {}): ByteBudget {
    return new ByteBudget(shared, options.alone ?? true);
  }

  get limit(): number {
    return Number(Atomics.load(this.slots, LIMIT));
  }

  /** Bytes held now. */
  get held(): number {
    return Number(Atomics.load(this.slots, HELD));
  }

  /** The most bytes held at once so far. */
  get peak(): number {
    return Number(Atomics.load(this.slots, PEAK));
  }

  /**
   * Counts `n` more bytes held; false (nothing counted) when they would go
   * past the limit, unless nothing is held but the `mine` bytes the taker
   * holds already (and this view takes alone).
   */
  take(n: number, mine = 0): boolean {
    if (n <= 0) return true;
    const more = BigInt(Math.ceil(n));
    const own = BigInt(Math.ceil(Math.max(0, mine)));
    const limit = Atomics.load(this.slots, LIMIT);
    for (;;) {
      const held = Atomics.load(this.slots, HELD);
      if (held + more > limit && !(this.alone && held <= own)) return false;
      if (Atomics.compareExchange(this.slots, HELD, held, held + more) === held) {
        this.raisePeak(held + more);
        return true;
      }
    }
  }

  /** Gives back `n` bytes taken before. */
  give(n: number): void {
    if (n <= 0) return;
    Atomics.sub(this.slots, HELD, BigInt(Math.ceil(n)));
  }

  private raisePeak(held: bigint): void {
    for (;;) {
      const peak = Atomics.load(this.slots, PEAK);
      if (held <= peak || Atomics.compareExchange(this.slots, PEAK, peak, held) === peak) return;
    }
  }
}
