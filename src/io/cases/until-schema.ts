/**
 * The case-file schema of a flow step's `until`: the step is sent again, on
 * each side independently, until that side's answer meets the condition
 * (its `status`; a value found where a capture would read it, and that
 * value's text), at most `tries` times, `intervalMs` apart. Its condition
 * reads the answer with a capture's own fields (`answer-place.ts`).
 */
import * as z from 'zod';
import { once } from '../../util/once.js';
import { captureProblems, SOURCES } from './answer-place.js';
import { requestSchemas } from './request-schema.js';

/** Sends of a step with `until` unless it says otherwise, the first included. */
export const DEFAULT_UNTIL_TRIES = 10;
/** Milliseconds between one answer and the next send unless `intervalMs` says otherwise. */
export const DEFAULT_UNTIL_INTERVAL_MS = 200;
/** The most sends a step may ask for. */
export const MAX_UNTIL_TRIES = 100;
/** The longest interval a step may ask for. */
export const MAX_UNTIL_INTERVAL_MS = 10_000;
/** The longest a step may wait in all (the intervals between its sends): a case cannot hang a run. */
export const MAX_UNTIL_WAIT_MS = 60_000;

/** `until` as written, checked field by field (then as a whole in `untilProblems`). */
export const untilSchema = once(() =>
  z
    .strictObject({
      status: z.int().min(100).max(599).optional().describe('The status the answer must have'),
      json: z
        .string()
        .optional()
        .describe(
          "RFC 6901 pointer into the JSON body (or an XML body's tree): a value must be there",
        ),
      xpath: z.string().optional().describe('XPath-lite into an XML body: a value must be there'),
      header: z.string().optional().describe('Response header name: the answer must have it'),
      regex: z
        .string()
        .optional()
        .describe(
          'Regular expression over the picked value, or alone over the body text: it must match',
        ),
      group: z.int().min(0).optional().describe('Which group of the regex match is the value'),
      equals: requestSchemas()
        .jsonBodySchema.optional()
        .describe(
          'The value found must have this text, as a capture substitutes it: a string as written, a number as written, a list or object as its compact JSON',
        ),
      tries: z
        .int()
        .min(1)
        .max(MAX_UNTIL_TRIES)
        .optional()
        .describe(`Sends at most, the first included (default ${DEFAULT_UNTIL_TRIES})`),
      intervalMs: z
        .int()
        .min(0)
        .max(MAX_UNTIL_INTERVAL_MS)
        .optional()
        .describe(
          `Milliseconds between an answer that does not meet the condition and the next send (default ${DEFAULT_UNTIL_INTERVAL_MS})`,
        ),
      idempotent: z
        .boolean()
        .optional()
        .describe(
          'The step may be sent again although its method writes (POST, PUT, …): sending it twice changes nothing (a read sent as POST)',
        ),
    })
    .superRefine((spec, ctx) => {
      for (const [field, message] of untilProblems(spec)) {
        ctx.addIssue({ code: 'custom', path: field === undefined ? [] : [field], message });
      }
    })
    .describe(
      "Send the step again, on each side on its own, until that side's answer meets this condition (status, and a value found as a capture finds it, with equals its text); only the last answer is compared",
    ),
);

/** `until` as written. */
export type UntilSpec = z.infer<ReturnType<typeof untilSchema>>;

/** Problems of `until` as a whole, as [field, message] pairs. */
function untilProblems(spec: UntilSpec): [string | undefined, string][] {
  const picks = SOURCES.some((key) => spec[key] !== undefined) || spec.regex !== undefined;
  const problems = captureProblems(spec, 'until', false);
  if (!picks && spec.status === undefined) {
    problems.push([
      undefined,
      'needs a condition: status, and/or a place that must hold a value (json, xpath, header, or regex over the body text)',
    ]);
  }
  if (spec.equals !== undefined && !picks) {
    problems.push(['equals', 'needs a place to read the value from: json, xpath, header or regex']);
  }
  const tries = spec.tries ?? DEFAULT_UNTIL_TRIES;
  const interval = spec.intervalMs ?? DEFAULT_UNTIL_INTERVAL_MS;
  if ((tries - 1) * interval > MAX_UNTIL_WAIT_MS) {
    problems.push([
      spec.intervalMs === undefined ? 'tries' : 'intervalMs',
      `waits up to ${(tries - 1) * interval} ms in all ((tries - 1) × intervalMs); a step may wait at most ${MAX_UNTIL_WAIT_MS} ms`,
    ]);
  }
  return problems;
}

/** The text `equals` compares with (`textOfValue`'s rule: strings as they are, the rest as compact JSON). */
export function equalsText(value: UntilSpec['equals']): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
