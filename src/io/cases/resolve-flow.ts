/**
 * A case written as `steps` → its {@link Flow}: each step a `Case` whose id
 * is `suite/flow/step`, whose rules are the flow's plus its own, and whose
 * `flow` says what it captures, which variables it uses, which variables
 * are secret, and why the flow is skipped when it writes without the
 * `sideEffects` opt-in. Pure.
 */
import {
  type CaptureSource,
  type CaptureSpec,
  type Case,
  type EarlierStep,
  type Flow,
  type FlowStep,
  isWriteMethod,
  type Until,
} from '../../contract/model/case.js';
import { resolveRules } from '../../contract/rules/schema.js';
import type { Rules } from '../../contract/rules/types.js';
import { ALWAYS_REDACTED } from '../../core/redact/redact.js';
import { compileSafe } from '../../util/safe-regex.js';
import type { CaptureInput } from './answer-place.js';
import { type StepSpec, variableUses } from './flow-schema.js';
import {
  compact,
  type EntryParts,
  LazySource,
  NO_EXPECTATION,
  type ResolveContext,
  resolveRequest,
} from './resolve-request.js';
import {
  DEFAULT_UNTIL_INTERVAL_MS,
  DEFAULT_UNTIL_TRIES,
  equalsText,
  type UntilSpec,
} from './until-schema.js';

/** The flow written at `cases[parts.index]` (its steps checked by the schema). */
export function resolveFlow(parts: EntryParts, context: ResolveContext): Flow {
  const { header, item, index } = parts;
  const steps = item.steps ?? [];
  const id = `${header.suite}/${item.id}`;
  const tags = compact([...new Set([...(header.defaults?.tags ?? []), ...(item.tags ?? [])])]);
  const withRules = steps.map((step) => ({
    step,
    rules: resolveRules([context.globalRules, header.defaults?.rules, item.rules, step.rules]),
  }));
  const shared = {
    skip: skipReason(steps, header.sideEffects === true || context.sideEffects === true),
    secrets: secretNames(withRules),
  };
  const earlier: EarlierStep[] = [];
  const resolved = withRules.map(({ step, rules }, k): Case => {
    const captures = captureSpecs(step);
    const flow: FlowStep = {
      id,
      step: step.id,
      index: k,
      steps: steps.length,
      captures,
      uses: [...new Set(Array.from(variableUses(step.request, []), (use) => use.name))],
      ...(step.until === undefined ? {} : { until: untilOf(step.until) }),
      ...shared,
      ...(k === 0 ? {} : { before: earlier.slice() }),
    };
    const status = step.expect?.status;
    const request = resolveRequest(parts, step.request, k);
    earlier.push({ step: step.id, request, captures });
    return {
      id: `${id}/${step.id}`,
      suite: header.suite,
      description: step.description ?? item.description,
      tags,
      request,
      rules,
      expect: status === undefined ? NO_EXPECTATION : { status },
      source: new LazySource(parts.file, index, false, k),
      flow,
      ...(context.serial === undefined ? {} : { serial: context.serial }),
    };
  });
  return { kind: 'flow', id, suite: header.suite, tags, steps: resolved };
}

/**
 * Why a flow is not sent: it has writing steps and neither its file nor the
 * config allows side effects. Undefined when it may run.
 */
function skipReason(steps: readonly StepSpec[], allowed: boolean): string | undefined {
  if (allowed) return undefined;
  const writes = steps.filter((step) => isWriteMethod(step.request.method));
  if (writes.length === 0) return undefined;
  const listed = writes.map((step) => `${step.request.method} ${step.id}`).join(', ');
  return `not sent: the flow writes (${listed}) and neither its case file nor the config sets sideEffects: true`;
}

function captureSpecs(step: StepSpec): readonly CaptureSpec[] {
  return Object.entries(step.capture ?? {}).map(([name, spec]) => ({
    name,
    source: sourceOf(spec),
    regex: spec.regex === undefined ? undefined : compileSafe(spec.regex),
    group: spec.group,
  }));
}

/** A step's `until` as the flow runner reads it: defaults filled, its place read as a capture's. */
function untilOf(spec: UntilSpec): Until {
  const picks = spec.json ?? spec.xpath ?? spec.header ?? spec.regex;
  return {
    status: spec.status,
    found:
      picks === undefined
        ? undefined
        : {
            name: 'until',
            source: sourceOf(spec),
            regex: spec.regex === undefined ? undefined : compileSafe(spec.regex),
            group: spec.group,
          },
    equals: equalsText(spec.equals),
    tries: spec.tries ?? DEFAULT_UNTIL_TRIES,
    intervalMs: spec.intervalMs ?? DEFAULT_UNTIL_INTERVAL_MS,
  };
}

function sourceOf(spec: CaptureInput): CaptureSource {
  if (spec.json !== undefined) return { kind: 'json', pointer: spec.json };
  if (spec.xpath !== undefined) return { kind: 'xpath', path: spec.xpath };
  if (spec.header !== undefined) return { kind: 'header', name: spec.header.toLowerCase() };
  return { kind: 'body' };
}

/**
 * Variables whose values never reach a report: marked `secret`, captured
 * from a redacted header (`set-cookie`, `authorization`, `redactHeaders`…),
 * or sent in one (`authorization: Bearer {{token}}`).
 */
function secretNames(
  steps: readonly { readonly step: StepSpec; readonly rules: Rules }[],
): ReadonlySet<string> {
  const names = new Set<string>();
  for (const { step, rules } of steps) {
    const redacted = new Set<string>([...ALWAYS_REDACTED, ...rules.redactHeaders]);
    const isRedacted = (header: string) => redacted.has(header.toLowerCase());
    for (const [name, spec] of Object.entries(step.capture ?? {})) {
      if (spec.secret === true || (spec.header !== undefined && isRedacted(spec.header))) {
        names.add(name);
      }
    }
    for (const use of variableUses(step.request, [])) {
      const [field, header] = use.path;
      if (field === 'headers' && typeof header === 'string' && isRedacted(header)) {
        names.add(use.name);
      }
    }
  }
  return names;
}
