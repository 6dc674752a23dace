/**
 * Each side's runtime for the run's reports: the config's `runtime:`, else
 * the first evidence its answers show (`compare/runtime-evidence.ts`). Fix
 * hints then speak that runtime's terms, and only that side's.
 */
import { runtimeEvidence } from '../compare/runtime-evidence.js';
import type { Target } from '../model/case.js';
import type { Exchange, SideOutcome } from '../model/exchange.js';
import type { KnownRuntime } from '../model/runtime.js';

export interface RuntimeWatch {
  /** Look at one exchange's answers (cheap once a side is known). */
  add(exchange: Exchange): void;
  /** Each side's runtime, where known. */
  runtimes(): { readonly baseline?: KnownRuntime; readonly candidate?: KnownRuntime };
}

function configured(target: Target): KnownRuntime | undefined {
  return target.runtime === undefined ? undefined : { name: target.runtime, from: 'config' };
}

function evidenceOf(side: SideOutcome): KnownRuntime | undefined {
  return side.outcome === 'response' ? runtimeEvidence(side.response) : undefined;
}

/** A watch for the two targets of a run; `clean` keeps a secret out of the evidence text. */
export function createRuntimeWatch(
  targets: { readonly baseline: Target; readonly candidate: Target },
  clean: (text: string) => string,
): RuntimeWatch {
  let baseline = configured(targets.baseline);
  let candidate = configured(targets.candidate);
  const known = (found: KnownRuntime | undefined) =>
    found === undefined ? undefined : { name: found.name, from: clean(found.from) };
  return {
    add(exchange) {
      baseline ??= known(evidenceOf(exchange.baseline));
      candidate ??= known(evidenceOf(exchange.candidate));
    },
    runtimes: () => ({
      ...(baseline === undefined ? {} : { baseline }),
      ...(candidate === undefined ? {} : { candidate }),
    }),
  };
}
