/**
 * A run's differing answers judged in batches. Judging answers that differ
 * (normalising and diffing their bodies; for a divergence, its findings,
 * fingerprint, explanation and result) runs code that equal answers never
 * run; one exchange at a time between equal ones, that code runs cold each
 * time (caches, predictors) and costs about twice what it costs one exchange
 * after another: a 20,000-case run with every tenth case divergent took ~12%
 * more CPU than the same cases with the divergences in runs of ten or of a
 * hundred (issue 26, thirteenth round). So an exchange whose answers differ
 * at first sight is held (`observeOrPend`), and the held ones are judged
 * together, in the order they came: once `size` of them are held, once
 * `steps` more steps went by since the first was held (a live console still
 * shows them soon), and whenever the run asks (before a flow's secrets mark
 * the results added so far, and at its end). When a case is judged changes
 * nothing in its result: each is a function of its exchange alone.
 */
import type { PendingJudgement } from '../judge/stage.js';

export interface JudgementBatch {
  /** Holds the exchange of the step at `position`; judges the batch when it is full. */
  hold(pending: PendingJudgement, position: number): void;
  /** `count` more steps went by; judges the batch when its first waited long enough. */
  stepped(count: number): void;
  /** Judges every exchange held, in the order they were held. */
  flush(): void;
}

/** At most this many exchanges held, each for at most this many steps. */
export const BATCH_LIMITS = { size: 32, steps: 256 } as const;

export function createJudgementBatch(
  judge: (pending: PendingJudgement, position: number) => void,
  limits: { readonly size: number; readonly steps: number } = BATCH_LIMITS,
): JudgementBatch {
  const held: { readonly pending: PendingJudgement; readonly position: number }[] = [];
  let waited = 0;
  const flush = (): void => {
    // Taken off first: a judgement that throws leaves nothing to judge twice.
    const batch = held.splice(0, held.length);
    waited = 0;
    for (const { pending, position } of batch) judge(pending, position);
  };
  return {
    hold(pending, position) {
      held.push({ pending, position });
      if (held.length >= limits.size) flush();
    },
    stepped(count) {
      if (held.length === 0) return;
      waited += count;
      if (waited >= limits.steps) flush();
    },
    flush,
  };
}
