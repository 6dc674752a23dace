/**
 * The run-wide bound on answer bytes in flight. Each plain case the pool
 * sends opens a hold, keyed by its `Case`; every answer of that case (both
 * sides, the replica, the second look) counts the body bytes it keeps there
 * as they arrive; the pool releases the hold once the case was judged. An
 * answer whose bytes take the run past the limit stops reading (its timer
 * stopped too) until earlier cases are released. The oldest open hold never
 * waits: the run always has a case that can finish, so it never deadlocks,
 * and one case larger than the whole budget still runs, the others waiting
 * behind it. A sequence's cases (a flow, a serial file) open no hold: a
 * sequence runs alone, so there is nothing to bound across cases.
 */

/** Bodies up to this size never wait on an ordinary run (see {@link inFlightLimit}). */
const ORDINARY_BODY = 1024 * 1024;

/**
 * The limit for a run: one case's two answers at the body cap, plus two
 * answers of up to 1 MiB (or the cap, when smaller) per case in flight, so a
 * run whose bodies are ordinary never waits. 48 MiB with the defaults (a
 * 16 MiB cap, 8 cases in flight).
 */
export function inFlightLimit(bodyCapBytes: number, concurrency: number): number {
  return 2 * bodyCapBytes + 2 * Math.max(1, concurrency) * Math.min(bodyCapBytes, ORDINARY_BODY);
}

/** One case's share of the budget: the bytes its answers keep, and the answers waiting to read on. */
export class Hold {
  bytes = 0;
  /** `resume` of each answer of this case that stopped reading. */
  waiting: (() => void)[] = [];

  constructor(private readonly budget: InFlightBytes) {}

  /**
   * Counts `n` bytes an answer of this case received and keeps. False: the
   * run is past its limit and this is not the oldest case, so the answer
   * stops reading until the function given to {@link wait} is called.
   */
  take(n: number): boolean {
    this.bytes += n;
    return this.budget.took(this, n);
  }

  /** After `take` said false: `resume` is called once the answer may read on. */
  wait(resume: () => void): void {
    this.waiting.push(resume);
    this.budget.paused++;
  }
}

export class InFlightBytes {
  /** Open holds in the order their cases were sent: the first one is the oldest. */
  private readonly holds = new Map<object, Hold>();
  private held = 0;
  /** Answers waiting to read on (see {@link Hold.wait}). */
  paused = 0;
  /** The most bytes held at once, for the tests and the docs' claim. */
  peak = 0;

  constructor(readonly limit: number) {}

  /** Opens the hold of a case about to be sent. */
  open(key: object): void {
    if (!this.holds.has(key)) this.holds.set(key, new Hold(this));
  }

  /** The hold of a case sent by the pool; undefined for any other request (nothing counted). */
  holdOf(key: object | undefined): Hold | undefined {
    return key === undefined ? undefined : this.holds.get(key);
  }

  /** The case was judged: its bytes are free, and answers waiting may read on. */
  release(key: object): void {
    const hold = this.holds.get(key);
    if (hold === undefined) return;
    this.holds.delete(key);
    this.held -= hold.bytes;
    if (this.paused > 0) this.wake();
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.held;
  }

  /** @internal Called by {@link Hold.take}. */
  took(hold: Hold, n: number): boolean {
    this.held += n;
    if (this.held > this.peak) this.peak = this.held;
    return this.held <= this.limit || this.oldest() === hold;
  }

  private oldest(): Hold | undefined {
    for (const hold of this.holds.values()) return hold;
    return undefined;
  }

  /** Under the limit every waiting answer reads on; past it, only the oldest case's. */
  private wake(): void {
    const oldest = this.oldest();
    for (const hold of this.holds.values()) {
      if (hold.waiting.length === 0) continue;
      if (this.held > this.limit && hold !== oldest) continue;
      const waiting = hold.waiting;
      hold.waiting = [];
      this.paused -= waiting.length;
      for (const resume of waiting) resume();
    }
  }
}
