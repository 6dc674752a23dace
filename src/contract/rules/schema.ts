/**
 * The comparison rules as written in a case file (suite defaults or one case)
 * or in the config, and the one function that merges the layers into the
 * resolved {@link Rules} every later stage uses.
 */
import * as z from 'zod';
import { once } from '../../util/once.js';
import { safeRegexProblem } from '../../util/safe-regex.js';
import { equivalenceLayer, equivalenceSpecFields } from './equivalence-schema.js';
import type { MaskRule, Rules, SortRule, ToleranceRule } from './types.js';
import { VOLATILE_HEADERS } from './volatile-headers.js';

/** The rules schema and its parts, built on first use (see `rulesSpecSchema`). */
function buildRulesSpecSchema() {
  /** `""` (the whole body) or a pointer starting with `/`; `*` and `**` are wildcards. */
  const pointerPattern = z
    .string()
    .superRefine((value, ctx) => {
      if (value === '' || value.startsWith('/')) return;
      const got = JSON.stringify(value);
      const message = `must be a JSON pointer pattern: "" or a path starting with "/" (got ${got})`;
      ctx.addIssue({ code: 'custom', message });
    })
    .describe(
      'RFC 6901 pointer pattern: "" or starts with "/"; `*` = one segment, `**` = any depth',
    );

  const compilableRegex = z
    .string()
    .superRefine((value, ctx) => {
      const problem = regexProblem(value);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('A JavaScript regular expression (source only, no slashes or flags)');

  const maskRuleSchema = z
    .strictObject({
      path: pointerPattern
        .default('/**')
        .describe('Pointer pattern of the values to mask (default: everywhere, `/**`)'),
      regex: compilableRegex.describe('String and number leaves matching this regex are masked'),
      with: z.string().default('<masked>').describe('Replacement text (default `<masked>`)'),
    })
    .describe('Mask values matching a regex, e.g. generated ids or timestamps');

  const sortRuleSchema = z.union([
    pointerPattern.describe('Pointer pattern of an array to sort by its elements'),
    z
      .strictObject({
        path: pointerPattern.describe('Pointer pattern of the array(s) to sort'),
        by: z.string().optional().describe('Sort objects by the value at this key'),
      })
      .describe('Sort the array(s) at `path`, by key `by` when given'),
  ]);

  const nonNegative = z.number().nonnegative();

  const toleranceSchema = z.union([
    nonNegative.describe('Absolute tolerance for every number in the body (`/**`)'),
    z
      .array(
        z
          .strictObject({
            path: pointerPattern.describe(
              'Pointer pattern of the numbers this tolerance applies to',
            ),
            absolute: nonNegative.optional().describe('Maximum absolute difference (default 0)'),
            relative: nonNegative
              .optional()
              .describe('Maximum difference as a fraction of |baseline| (default 0)'),
          })
          .describe('A numeric tolerance for the numbers under `path`'),
      )
      .describe('Numeric tolerances per path'),
  ]);

  const headerName = z
    .string()
    .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, { error: 'must be an HTTP header name' })
    .transform((name) => name.toLowerCase());

  /** `*` or `all` as a name in a list is a mistake: it names no header. */
  const listedHeaderName = headerName.superRefine((name, ctx) => {
    if (name !== '*' && name !== 'all') return;
    const message = `is not a header name: write \`headers: "*"\` (not a list) to compare every header (got ${JSON.stringify(name)})`;
    ctx.addIssue({ code: 'custom', message });
  });

  /**
   * `headers`: a list of names compared besides `content-type`; or `"*"` / `all`
   * (every header but the excluded ones, see `ALL_HEADERS_EXCLUDED`); or
   * `{ all: true, except: [...] }` to exclude more.
   */
  const headersSpecSchema = z
    .union([
      z
        .array(listedHeaderName.describe('Header name (case-insensitive)'))
        .describe('Response headers to compare (added to `content-type`)'),
      z
        .enum(['*', 'all'])
        .describe(
          'Compare every response header except framing ones and the volatile list (date, request ids, …)',
        ),
      z
        .strictObject({
          all: z.literal(true).describe('Compare every response header but the excluded ones'),
          except: z
            .array(headerName.describe('Header name (case-insensitive)'))
            .optional()
            .describe('More headers not to compare'),
        })
        .describe('Every response header except framing ones, the volatile list and `except`'),
    ])
    .describe(
      'Response headers to compare: a list (added to `content-type`), or "*" / {all: true, except: [...]} for every header',
    );

  return z
    .strictObject({
      ignore: z
        .array(pointerPattern)
        .optional()
        .describe('Pointer patterns removed from both bodies before comparing'),
      mask: z
        .array(maskRuleSchema)
        .optional()
        .describe('Values replaced by a placeholder before comparing'),
      sortArrays: z
        .array(sortRuleSchema)
        .optional()
        .describe('Arrays whose order does not matter: a pointer pattern or {path, by}'),
      tolerance: toleranceSchema
        .optional()
        .describe(
          'Numeric tolerance: a number (absolute, everywhere) or a list of {path, absolute?, relative?}',
        ),
      keyCase: z
        .enum(['exact', 'fold'])
        .optional()
        .describe('`fold` compares keys ignoring case, `_` and `-` (user_id = userId = UserId)'),
      nullEqualsAbsent: z
        .boolean()
        .optional()
        .describe('A key whose value is null compares equal to an absent key'),
      headers: headersSpecSchema.optional(),
      arrayKeys: z
        .array(z.string().min(1).describe('An object key'))
        .optional()
        .describe(
          'Keys that identify array elements when diffing arrays of objects (added to `id`)',
        ),
      redactHeaders: z
        .array(headerName.describe('Header name (case-insensitive)'))
        .optional()
        .describe('Header names whose values are redacted in every output'),
      ...equivalenceSpecFields(),
      volatileHeaders: z
        .union([
          z.array(headerName.describe('Header name (case-insensitive)')),
          z.literal(false).describe('Compare every allow-listed header by value'),
        ])
        .optional()
        .describe(
          'Headers compared for presence only (added to date, x-request-id, traceparent, …); false: none',
        ),
    })
    .describe('Comparison rules; lists add to the outer scope, switches override it');
}

let built: ReturnType<typeof buildRulesSpecSchema> | undefined;

/**
 * Comparison rules as written in a case file or the config; every field
 * optional. Built when a rules object is first checked (a library whose cases
 * and config have no rules never builds it: a shorter start-up).
 */
export const rulesSpecSchema = once(() =>
  z.lazy(() => {
    built ??= buildRulesSpecSchema();
    return built;
  }),
);

/** Rules as parsed (defaults filled by zod): what {@link resolveRules} takes. */
export type RulesSpec = z.infer<ReturnType<typeof rulesSpecSchema>>;

/** Rules as a user writes them (defaulted fields optional), before parsing. */
export type RulesSpecInput = z.input<ReturnType<typeof rulesSpecSchema>>;

/** The built-in base layer every rule set starts from. */
const BASE_RULES: Rules = {
  ignore: [],
  mask: [],
  sortArrays: [],
  tolerance: [],
  keyCaseFold: false,
  nullEqualsAbsent: false,
  headers: ['content-type'],
  arrayKeys: ['id'],
  redactHeaders: [],
};

/**
 * Merge rule layers, outermost first (global config → suite defaults → case):
 * lists concatenate (header names and array keys as de-duplicated unions),
 * switches take the value of the narrowest layer that sets them.
 */
export function resolveRules(layers: readonly (RulesSpec | undefined)[]): Rules {
  return layers.reduce<Rules>(
    (rules, layer) => (layer === undefined ? rules : mergeLayer(rules, layer)),
    BASE_RULES,
  );
}

function mergeLayer(rules: Rules, layer: RulesSpec): Rules {
  return {
    ignore: [...rules.ignore, ...(layer.ignore ?? [])],
    mask: [...rules.mask, ...(layer.mask ?? []).map(toMaskRule)],
    sortArrays: [...rules.sortArrays, ...(layer.sortArrays ?? []).map(toSortRule)],
    tolerance: [...rules.tolerance, ...toToleranceRules(layer.tolerance)],
    keyCaseFold: layer.keyCase === undefined ? rules.keyCaseFold : layer.keyCase === 'fold',
    nullEqualsAbsent: layer.nullEqualsAbsent ?? rules.nullEqualsAbsent,
    // Lower-cased again: a layer built in code (not parsed) skips the schema's transform.
    headers: union(rules.headers, Array.isArray(layer.headers) ? layer.headers.map(lower) : []),
    ...allHeadersLayer(rules.allHeaders, layer.headers),
    arrayKeys: union(rules.arrayKeys, layer.arrayKeys),
    redactHeaders: union(rules.redactHeaders, layer.redactHeaders?.map(lower)),
    ...volatileLayer(rules.volatileHeaders, layer.volatileHeaders),
    ...equivalenceLayer(rules.equivalence, layer),
  };
}

/** `false` clears the list, a list adds to it (the built-in one when none is set yet). */
function volatileLayer(
  current: readonly string[] | undefined,
  layer: RulesSpec['volatileHeaders'],
): { volatileHeaders?: readonly string[] } {
  if (layer === undefined) return current === undefined ? {} : { volatileHeaders: current };
  if (layer === false) return { volatileHeaders: [] };
  return { volatileHeaders: union(current ?? VOLATILE_HEADERS, layer.map(lower)) };
}

/** `"*"` (or its object form) in a layer turns every-header comparison on for it and within. */
function allHeadersLayer(
  current: Rules['allHeaders'],
  layer: RulesSpec['headers'],
): { allHeaders?: NonNullable<Rules['allHeaders']> } {
  if (layer === undefined || Array.isArray(layer)) {
    return current === undefined ? {} : { allHeaders: current };
  }
  const except = typeof layer === 'string' ? [] : (layer.except ?? []).map(lower);
  return { allHeaders: { except: union(current?.except ?? [], except) } };
}

type MaskSpec = NonNullable<RulesSpec['mask']>[number];
type SortSpec = NonNullable<RulesSpec['sortArrays']>[number];

function toMaskRule(spec: MaskSpec): MaskRule {
  return { path: spec.path, regex: spec.regex, replacement: spec.with };
}

function toSortRule(spec: SortSpec): SortRule {
  return typeof spec === 'string'
    ? { path: spec, by: undefined }
    : { path: spec.path, by: spec.by };
}

function toToleranceRules(spec: RulesSpec['tolerance']): ToleranceRule[] {
  if (spec === undefined) return [];
  if (typeof spec === 'number') return [{ path: '/**', absolute: spec, relative: 0 }];
  return spec.map((rule) => ({
    path: rule.path,
    absolute: rule.absolute ?? 0,
    relative: rule.relative ?? 0,
  }));
}

function union(base: readonly string[], extra: readonly string[] | undefined): readonly string[] {
  if (extra === undefined || extra.length === 0) return base;
  return [...new Set([...base, ...extra])];
}

function lower(name: string): string {
  return name.toLowerCase();
}

/** Why `source` does not compile as a regular expression, or undefined when it does. */
function regexProblem(source: string): string | undefined {
  const reason = safeRegexProblem(source);
  return reason === undefined
    ? undefined
    : `must be a valid regular expression: ${reason} (got ${JSON.stringify(source)})`;
}
