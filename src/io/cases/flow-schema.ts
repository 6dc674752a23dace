/**
 * The case-file schema of flows: a case written as `steps`, each step a
 * request that may `capture` values from its answer into variables which
 * later steps use as `{{name}}`. Every variable a step uses must be
 * captured by an earlier step: a problem at the field that uses it otherwise.
 */
import * as z from 'zod';
import { isWriteMethod } from '../../contract/model/case.js';
import { rulesSpecSchema } from '../../contract/rules/schema.js';
import { templatedStrings, VARIABLE_NAME, variablesIn } from '../../core/flow/template.js';
import { once } from '../../util/once.js';
import { captureProblems } from './answer-place.js';
import { requestSchemas } from './request-schema.js';
import { untilSchema } from './until-schema.js';

/** The flow schemas, built on first use (see `stepsSchema`). */
function buildFlowSchemas() {
  const { slug, requestSchema, expectSchema } = requestSchemas();
  /** One capture: where a variable's value comes from in a step's answer. */
  const captureSchema = z
    .strictObject({
      json: z
        .string()
        .optional()
        .describe("RFC 6901 pointer into the JSON body (or an XML body's tree), e.g. /id"),
      xpath: z
        .string()
        .optional()
        .describe(
          'XPath-lite into an XML body: /list/item[2]/@id, //etag, /a/b/text() (first match)',
        ),
      header: z
        .string()
        .optional()
        .describe('Response header name (any case), e.g. etag or location'),
      regex: z
        .string()
        .optional()
        .describe(
          'Regular expression over the picked value, or alone over the body text; captures group 1 (or the whole match)',
        ),
      group: z
        .int()
        .min(0)
        .optional()
        .describe('Which group of the regex match to capture (0: the whole match)'),
      secret: z
        .boolean()
        .optional()
        .describe(
          'Never show the value in reports (automatic for values of redacted headers, or sent in one)',
        ),
    })
    .superRefine((spec, ctx) => {
      for (const [field, message] of captureProblems(spec)) {
        ctx.addIssue({ code: 'custom', path: field === undefined ? [] : [field], message });
      }
    })
    .describe(
      "Where a variable is captured from in the step's answer: one of json, xpath, header, or regex alone",
    );

  const captureMapSchema = z
    .record(
      z.string().regex(VARIABLE_NAME, {
        error: 'must be a variable name: a letter or "_", then letters, digits or "_"',
      }),
      captureSchema,
    )
    .describe(
      "Variables captured from this step's answer, each side its own value: { name: { json: /id } }",
    );

  /** One step of a flow as written. */
  const stepSchema = z
    .strictObject({
      id: slug.describe('Step id, unique within the flow (its result is `suite/flow/step`)'),
      description: z.string().optional().describe('What the step does, in one sentence'),
      request: requestSchema,
      capture: captureMapSchema.optional(),
      expect: expectSchema.optional(),
      until: untilSchema().optional(),
      rules: rulesSpecSchema().optional(),
    })
    .describe('One request of a flow; may use {{name}} variables captured by earlier steps');

  const stepsSchema = z
    .array(stepSchema)
    .min(1)
    .describe('A flow: steps sent in order, one at a time per target, each compared on its own');
  return { captureSchema, stepSchema, stepsSchema };
}

type FlowSchemas = ReturnType<typeof buildFlowSchemas>;
let built: FlowSchemas | undefined;

export type StepSpec = z.infer<FlowSchemas['stepSchema']>;

/**
 * The steps of a flow, in order. Built when a flow is first checked: a
 * library of plain cases never builds the flow schemas (a shorter start-up).
 */
export const stepsSchema = once(() =>
  z.lazy(() => {
    built ??= buildFlowSchemas();
    return built.stepsSchema;
  }),
);

type Path = (string | number)[];

/** Every `{{name}}` a request uses, with the field path of each use. */
export function* variableUses(
  request: StepSpec['request'],
  base: Path,
): Generator<{ readonly path: Path; readonly name: string }> {
  for (const name of variablesIn(request.path)) yield { path: [...base, 'path'], name };
  for (const [key, value] of Object.entries(request.query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const [index, item] of values.entries()) {
      const path = Array.isArray(value) ? [...base, 'query', key, index] : [...base, 'query', key];
      for (const name of variablesIn(String(item))) yield { path, name };
    }
  }
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    for (const name of variablesIn(value)) yield { path: [...base, 'headers', key], name };
  }
  if (request.text !== undefined) {
    for (const name of variablesIn(request.text)) yield { path: [...base, 'text'], name };
  }
  for (const { path, names } of templatedStrings(request.json)) {
    for (const name of names) yield { path: [...base, 'json', ...path], name };
  }
}

/**
 * Problems of a flow's variables and step ids: a variable used before a step
 * captures it, a step id used twice. Paths are relative to the case.
 */
export function flowProblems(steps: readonly StepSpec[]): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const capturedBy = new Map<string, number>();
  steps.forEach((step, index) => {
    for (const name of Object.keys(step.capture ?? {})) {
      if (!capturedBy.has(name)) capturedBy.set(name, index);
    }
  });
  const defined = new Set<string>();
  const ids = new Map<string, number>();
  for (const [index, step] of steps.entries()) {
    const first = ids.get(step.id);
    if (first === undefined) ids.set(step.id, index);
    else {
      problems.push({
        path: ['steps', index, 'id'],
        message: `duplicates the id of steps[${first}] ("${step.id}"); step ids are unique within a flow`,
      });
    }
    for (const { path, name } of variableUses(step.request, ['steps', index, 'request'])) {
      if (defined.has(name)) continue;
      problems.push({
        path,
        message: undefinedMessage(name, index, capturedBy.get(name), defined, steps),
      });
    }
    for (const name of Object.keys(step.capture ?? {})) defined.add(name);
    const resent = resendProblem(step);
    if (resent !== undefined) problems.push({ path: ['steps', index, 'until'], message: resent });
  }
  return problems;
}

function undefinedMessage(
  name: string,
  index: number,
  by: number | undefined,
  defined: ReadonlySet<string>,
  steps: readonly StepSpec[],
): string {
  const known =
    defined.size === 0
      ? 'none is captured before this step'
      : `captured before this step: ${[...defined].join(', ')}`;
  if (by === undefined) return `uses {{${name}}}, which no step captures (${known})`;
  const where = by === index ? 'this step' : `a later step ("${steps[by]?.id ?? ''}")`;
  return `uses {{${name}}}, which only ${where} captures; a step can use only what earlier steps captured`;
}

/**
 * `until` sends its step again: a step whose method writes (POST, PUT, a
 * custom one) may do so only when the step says a second send changes
 * nothing (`idempotent: true`), since a POST sent again may write twice.
 */
function resendProblem(step: StepSpec): string | undefined {
  const { until } = step;
  if (until === undefined || until.idempotent === true) return undefined;
  const { method } = step.request;
  if (!isWriteMethod(method)) return undefined;
  return `sends the step again until its condition holds, and ${method} may write: add idempotent: true to until if sending it again changes nothing (a read sent as ${method}), or wait with a later read step instead`;
}
