/**
 * What a flow step's result adds: its place in the flow, where captured
 * values were compared as their placeholders, each side's sends of a step
 * with `until`, and a redactor that also hides
 * the values of the flow's secret variables on both sides. Pure.
 */

import type { FlowExchange, FlowStep } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import type { FlowRef } from '../../contract/observation.js';
import { secretValues } from '../../core/flow/secrets.js';
import { withSecrets } from '../../core/redact/extend.js';
import type { Redactor } from '../../core/redact/redact.js';

/** Masked places listed in a result, at most (a list endpoint can hold many). */
const MASKED_SHOWN = 20;

/** The step's place in its flow for its result. */
export function flowRef(
  flow: FlowStep,
  masked: readonly string[] | undefined,
  waited?: FlowExchange['waited'],
): FlowRef {
  const base = { id: flow.id, step: flow.step, index: flow.index, steps: flow.steps };
  const ref = waited === undefined ? base : { ...base, waited };
  if (masked === undefined || masked.length === 0) return ref;
  const shown = masked.slice(0, MASKED_SHOWN);
  if (masked.length > MASKED_SHOWN) shown.push(`… ${masked.length - MASKED_SHOWN} more`);
  return { ...ref, masked: shown };
}

/**
 * The result context of a flow step: secret captured values of both sides are
 * redacted too, those of the whole flow when known (`secretsFrom`).
 */
export function flowContext<C extends { readonly redact: Redactor }>(
  exchange: Exchange,
  context: C,
): C {
  const secrets = exchange.case.flow?.secrets;
  const variables = exchange.flow?.secretsFrom ?? exchange.flow?.variables;
  if (secrets === undefined || secrets.size === 0 || variables === undefined) return context;
  const values = secretValues(secrets, [variables.baseline, variables.candidate]);
  return { ...context, redact: withSecrets(context.redact, values) };
}
