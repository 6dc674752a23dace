/**
 * `--budget`: how much to explore, as a number of inputs (`5000`: exactly
 * these inputs, every time) or a duration (`60s`, `2m`, `500ms`: the same
 * inputs in the same order, as many as the time allows). Pure.
 */

export type Budget =
  | { readonly kind: 'inputs'; readonly count: number }
  | { readonly kind: 'time'; readonly ms: number };

/** What `parity fuzz` explores without `--budget`. */
export const DEFAULT_BUDGET: Budget = { kind: 'inputs', count: 5000 };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `5000` → 5,000 inputs; `60s`, `1.5m`, `500ms`, `1h` → a duration; else why not. */
export function parseBudget(text: string): Budget | { readonly problem: string } {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const count = Number(trimmed);
    if (count >= 1 && Number.isSafeInteger(count)) return { kind: 'inputs', count };
  }
  const timed = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(trimmed);
  if (timed !== null) {
    const ms = Number(timed[1]) * (UNIT_MS[timed[2] ?? ''] ?? 0);
    if (ms >= 1) return { kind: 'time', ms };
  }
  return {
    problem: `--budget must be a number of inputs (e.g. 5000) or a duration (e.g. 60s, 2m, 500ms) (got "${text}")`,
  };
}

/** `5,000 inputs`, `60 s`. */
export function describeBudget(budget: Budget): string {
  return budget.kind === 'inputs'
    ? `${budget.count.toLocaleString('en-US')} inputs`
    : `${budget.ms >= 1000 ? `${budget.ms / 1000} s` : `${budget.ms} ms`}`;
}
