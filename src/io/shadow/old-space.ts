/**
 * The heap a shadow session can legally hold at once, in MB: the same sum as
 * the bin's (`bin/old-space.js`, which says what each term was measured
 * from; a unit test keeps the two equal). The bin starts `parity proxy` and
 * `parity shadow` with an old-space limit sized from their flags and the
 * defaults; the config may ask for larger bodies or more workers, so the
 * session gives its mirror queue only the workers the limit it runs under
 * holds (`workersThatFit`), never the chance to end the process out of memory.
 */
import { getHeapStatistics } from 'node:v8';
import type { NodeBudget } from '../../core/wire/budget.js';

const MB = 1024 * 1024;
/** Heap of an idle session, the kept repeats and a run's notable results, in MB. */
export const FIXED_MB = 48 + 32 + 16;
/** Heap a waiting request holds at most (its head), in MB. */
export const PER_WAITING_MB = 64 / 1024;
/** Heap one value of a decoded body holds. */
export const BYTES_PER_VALUE = 52;
/** Bytes of body text one value takes at least (`{}` and a comma). */
const TEXT_PER_VALUE = 3;

export interface HeapNeeds {
  /** Requests waiting in the mirror queue at most. */
  readonly queue: number;
  readonly bodyCapBytes: number;
  readonly nodes: NodeBudget['nodes'];
}

/** Heap one worker holds at most, in MB: three bodies (baseline, candidate, replica), each decoded and judged. */
export function perWorkerMb(needs: Pick<HeapNeeds, 'bodyCapBytes' | 'nodes'>): number {
  const values = Math.min(needs.nodes, needs.bodyCapBytes / TEXT_PER_VALUE);
  return (3 * 2 * (2 * needs.bodyCapBytes + BYTES_PER_VALUE * values)) / MB;
}

/** The old-space limit, in MB, that holds a full queue and `workers` at their largest bodies. */
export function oldSpaceMb(needs: HeapNeeds & { readonly workers: number }): number {
  return Math.ceil(FIXED_MB + needs.queue * PER_WAITING_MB + needs.workers * perWorkerMb(needs));
}

/** How many of `wanted` workers a heap of `limitMb` holds beside a full queue (at least one). */
export function workersThatFit(limitMb: number, needs: HeapNeeds, wanted: number): number {
  const room = limitMb - FIXED_MB - needs.queue * PER_WAITING_MB;
  return Math.max(1, Math.min(wanted, Math.floor(room / perWorkerMb(needs))));
}

/** The heap limit this process runs under, in MB. */
export function heapLimitMb(): number {
  return getHeapStatistics().heap_size_limit / MB;
}
