/**
 * Notices a target that dies mid-run: it answered some cases, then every
 * case after some point failed in transport. The run says so in plain words
 * instead of leaving the reader to find a wall of transport errors.
 */
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';

/** A target that stopped answering part-way through the run. */
export interface StoppedAnswering {
  readonly side: 'baseline' | 'candidate';
  /** The target's name. */
  readonly target: string;
  /** Cases it answered before it stopped. */
  readonly answered: number;
  /** Cases that failed since its last answer (every one completed after it). */
  readonly failed: number;
  /** The error code of the first of those failures (`ECONNREFUSED`, …). */
  readonly code: string;
  /** The first case that failed. */
  readonly firstCaseId: string;
}

/** Failures in a row at the end of a run before parity calls a target gone. */
const AT_LEAST = 2;

interface Tail {
  answered: number;
  failed: number;
  code: string;
  firstCaseId: string;
}

function track(tail: Tail, side: SideOutcome, caseId: string): void {
  if (side.outcome === 'response') {
    tail.answered++;
    tail.failed = 0;
    return;
  }
  if (tail.failed === 0) {
    tail.code = side.error.code;
    tail.firstCaseId = caseId;
  }
  tail.failed++;
}

/** Watches both sides as exchanges complete (in completion order). */
export function createSideWatch() {
  const tails = {
    baseline: { answered: 0, failed: 0, code: '', firstCaseId: '' },
    candidate: { answered: 0, failed: 0, code: '', firstCaseId: '' },
  };
  return {
    add(exchange: Exchange): void {
      track(tails.baseline, exchange.baseline, exchange.case.id);
      track(tails.candidate, exchange.candidate, exchange.case.id);
    },
    /** The targets that answered, then failed every case from some point to the end. */
    stopped(names: { baseline: string; candidate: string }): StoppedAnswering[] {
      return (['baseline', 'candidate'] as const).flatMap((side) => {
        const tail = tails[side];
        if (tail.answered === 0 || tail.failed < AT_LEAST) return [];
        return [{ side, target: names[side], ...tail }];
      });
    },
  };
}
