/**
 * Each side's runtime for the run's reports: the config's `runtime:`, else
 * the first evidence its answers show (`core/compare/runtime-evidence.ts`). Fix
 * hints then speak that runtime's terms, and only that side's.
 *
 * The protobuf JSON mapping shows itself only across answers of both sides
 * (`core/compare/protobuf-evidence.ts`): once a side shows it, it names that side
 * even where a language was found first (a Go gateway's `json: cannot
 * unmarshal` says Go, but its JSON follows protojson's conventions, not
 * encoding/json's). A runtime from the config is never overridden.
 */

import type { Target } from '../../contract/model/case.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import type { KnownRuntime } from '../../contract/report.js';
import {
  addProtobufSigns,
  noSigns,
  protobufVerdict,
} from '../../core/compare/protobuf-evidence.js';
import { runtimeEvidence } from '../../core/compare/runtime-evidence.js';

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

function jsonOf(side: SideOutcome): unknown {
  return side.outcome === 'response' && side.response.body.kind === 'json'
    ? side.response.body.value
    : undefined;
}

/** Answer pairs looked at for the protobuf JSON mapping: its habits show in the first ones. */
const PROTOBUF_PAIRS = 256;

/** A side the protobuf mapping may still name: unknown, or known by evidence of a language. */
function open(runtime: KnownRuntime | undefined): boolean {
  return runtime === undefined || (runtime.from !== 'config' && runtime.name !== 'protobuf');
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
  const signs = noSigns();
  let pairs = 0;
  const protobuf = (exchange: Exchange): void => {
    if (pairs >= PROTOBUF_PAIRS || !(open(baseline) || open(candidate))) return;
    const b = jsonOf(exchange.baseline);
    const c = jsonOf(exchange.candidate);
    if (b === undefined || c === undefined) return;
    pairs++;
    addProtobufSigns(signs, b, c);
    const onBaseline = open(baseline) ? protobufVerdict(signs.baseline) : undefined;
    if (onBaseline !== undefined) baseline = { name: 'protobuf', from: onBaseline };
    const onCandidate = open(candidate) ? protobufVerdict(signs.candidate) : undefined;
    if (onCandidate !== undefined) candidate = { name: 'protobuf', from: onCandidate };
  };
  return {
    add(exchange) {
      baseline ??= known(evidenceOf(exchange.baseline));
      candidate ??= known(evidenceOf(exchange.candidate));
      protobuf(exchange);
    },
    runtimes: () => ({
      ...(baseline === undefined ? {} : { baseline }),
      ...(candidate === undefined ? {} : { candidate }),
    }),
  };
}
