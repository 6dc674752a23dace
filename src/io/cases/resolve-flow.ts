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
} from '../../contract/model/case.js';
import { resolveRules } from '../../contract/rules/schema.js';
import type { Rules } from '../../contract/rules/types.js';
import { ALWAYS_REDACTED } from '../../core/redact/redact.js';
import { compileSafe } from '../../util/safe-regex.js';
import { type CaptureInputSpec, type StepSpec, variableUses } from './flow-schema.js';
import {
  compact,
  type EntryParts,
  LazySource,
  NO_EXPECTATION,
  type ResolveContext,
  resolveRequest,
} from './resolve-request.js';

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

function sourceOf(spec: CaptureInputSpec): CaptureSource {
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
