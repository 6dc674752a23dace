/** `--shard i/n`: which part of the case library a CI job runs. Pure. */
import type { ShardInfo } from '../../contract/report.js';

/** Which part of a sharded case library a run covered (`--shard 2/4`; 1-based). */

/**
 * Reads `2/4` as shard 2 of 4 (1-based); returns a message saying how to fix the
 * text when it is not `i/n` with 1 ≤ i ≤ n.
 */
export function parseShard(text: string): ShardInfo | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (match === null || total < 1 || index < 1 || index > total) {
    return `--shard must be INDEX/TOTAL with 1 ≤ INDEX ≤ TOTAL, e.g. 2/4 (got "${text}")`;
  }
  return { index, total };
}
