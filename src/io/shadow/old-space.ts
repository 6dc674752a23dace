/**
 * The heap each thread of a shadow session may hold, in MB, and what one
 * answer costs the byte budget once decoded. The bytes held for mirrored
 * pairs (request bodies, answers, their decoded copies) share one byte budget
 * (`--mirror-mb`, `util/byte-budget.ts`), so each thread's heap limit (its
 * `resourceLimits`, set when it starts) is sized from it:
 * - the listening thread: an idle session's heap, each waiting request's
 *   head (headers: at most node:http's 16 KB, a few times that as strings),
 *   and the budget (the decoded copies, when it compares itself because no
 *   worker thread could start);
 * - the worker thread that compares (`engine/shadow-remote.ts`): an idle
 *   session's heap and the larger of the budget and one pair at the body cap
 *   (a pair larger than the whole budget is compared alone, nothing else held).
 * Why a limit at all: a long session makes garbage faster than V8's default
 * heap growth collects it (200,000 requests through `parity proxy`, the
 * candidate down: RSS 102 -> 123 MB while the live heap stayed 17.5 MB;
 * with a 256 MB limit 89 -> 91 MB), and V8 grows a heap by a smaller factor
 * the smaller its limit.
 */
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
/** The byte budget of mirrored pairs unless `--mirror-mb` says, in MB. */
export const DEFAULT_MIRROR_MB = 64;

/**
 * Heap bytes an answer of `size` bytes holds at most once decoded and judged:
 * its text (2 bytes a character at most) and its tree (up to the node
 * budget, at most one value per 3 bytes of text), and its judged copy
 * (normalised values: counted as much again, an upper bound).
 */
export function decodedBytes(size: number, nodes: NodeBudget['nodes']): number {
  return 2 * (2 * size + BYTES_PER_VALUE * Math.min(nodes, size / TEXT_PER_VALUE));
}

/**
 * The young generation of each thread, in MB. V8's own grows to 32 MB per
 * thread under the proxy's load (two 16 MB semi-spaces), which the heap of
 * either thread rarely needs: 40,000 requests through `parity proxy`, RSS
 * 150 MB with V8's, 105 MB with 2 MB semi-spaces.
 */
export const YOUNG_GENERATION_MB = 4;

/** The defaults of `--queue` and `--mirror-mb`. */
export const DEFAULT_QUEUE = 1000;

/** The listening thread's old-space limit: a full queue's heads and the byte budget. */
export function oldSpaceMb(needs: { readonly queue: number; readonly budgetMb: number }): number {
  return Math.ceil(FIXED_MB + needs.queue * PER_WAITING_MB + needs.budgetMb);
}

/** The comparing thread's old-space limit: the budget, or one pair (three answers) at the cap alone. */
export function threadOldSpaceMb(needs: {
  readonly budgetMb: number;
  readonly bodyCapBytes: number;
  readonly nodes: NodeBudget['nodes'];
}): number {
  const pair = (3 * decodedBytes(needs.bodyCapBytes, needs.nodes)) / MB;
  return Math.ceil(FIXED_MB + Math.max(needs.budgetMb, pair));
}
