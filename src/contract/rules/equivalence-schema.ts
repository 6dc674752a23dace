/**
 * The equivalence rules of a rule layer (declared representations that
 * compare equal) and how layers merge: switches override, lists add.
 */
import * as z from 'zod';
import type { EnumTagRule, EquivalenceRules, TagStyle } from './types.js';

/**
 * The equivalence schemas, built when the rules schema is first used (see
 * `rulesSpecSchema`): a library whose cases have no rules never builds them.
 */
function buildEquivalenceSchemas() {
  const pointer = z
    .string()
    .regex(/^(\/.*)?$/, { error: 'must be a JSON pointer: "" or a path starting with "/"' })
    .describe('RFC 6901 pointer; `*` = one segment');

  const tagStyleSchema = z
    .union([
      z.literal('external').describe('Externally tagged: `{"Variant":{…fields}}` (serde default)'),
      z
        .strictObject({
          field: z
            .string()
            .min(1)
            .describe('Name of the discriminator field, e.g. `Kind` or `type`'),
        })
        .describe('A discriminator field beside the fields: `{"Kind":"variant",…fields}`'),
      z
        .strictObject({
          tag: z.string().min(1).describe('Name of the tag field, e.g. `t`'),
          content: z.string().min(1).describe('Name of the content field, e.g. `c`'),
        })
        .describe('Adjacently tagged: `{"t":"Variant","c":{…fields}}`'),
    ])
    .describe('How one side writes an enum variant');

  const enumTagSchema = z
    .strictObject({
      baseline: tagStyleSchema.describe("The baseline's enum representation"),
      candidate: tagStyleSchema.describe("The candidate's enum representation"),
    })
    .superRefine((rule, ctx) => {
      if ((rule.baseline === 'external') !== (rule.candidate === 'external')) return;
      const message = 'exactly one side must be `external` (the other a {field} or {tag, content})';
      ctx.addIssue({ code: 'custom', message });
    })
    .describe('An enum written externally tagged on one side and with a tag field on the other');

  const renameSchema = z
    .strictObject({
      baseline: pointer.describe("The baseline's pointer, e.g. /user/name (`*` allowed)"),
      candidate: pointer.describe("The candidate's pointer, e.g. /user/displayName"),
    })
    .superRefine((rule, ctx) => {
      const stars = (p: string) => p.split('/').filter((s) => s === '*').length;
      if (rule.baseline.includes('**') || rule.candidate.includes('**')) {
        ctx.addIssue({ code: 'custom', message: 'renames take `*` wildcards only, not `**`' });
      } else if (stars(rule.baseline) !== stars(rule.candidate)) {
        ctx.addIssue({ code: 'custom', message: 'both pointers must have the same number of `*`' });
      }
    })
    .describe('A key that moved or was renamed; the values must be equal');

  const statusCode = z.number().int().min(100).max(599).describe('An HTTP status code');

  const fields = {
    emptyEqualsNull: z
      .boolean()
      .optional()
      .describe('`[]` and `{}` compare equal to null (and to absent, with nullEqualsAbsent)'),
    numberStrings: z
      .boolean()
      .optional()
      .describe('A numeric string equals a number of exactly the same value ("123" = 123)'),
    timestamps: z
      .enum(['exact', 'instant', 'second'])
      .optional()
      .describe(
        '`instant`: timestamps (RFC 3339, epoch s/ms) equal when they are the same instant; `second`: the same second',
      ),
    statusEquivalence: z
      .array(z.array(statusCode).min(2).describe('Status codes that compare equal'))
      .optional()
      .describe('Groups of status codes that compare equal, e.g. [[400, 422]]'),
    enumTag: z
      .union([enumTagSchema, z.array(enumTagSchema).describe('Several enum representations')])
      .optional()
      .describe('Enums written externally tagged on one side and with a tag field on the other'),
    renames: z
      .array(renameSchema)
      .optional()
      .describe('Keys the candidate renamed or moved: [{baseline: /old, candidate: /new}]'),
  };
  return { fields, tagStyleSchema, enumTagSchema };
}

let built: ReturnType<typeof buildEquivalenceSchemas> | undefined;

/** The equivalence fields of a rules object (spread into `rulesSpecSchema`). */
export function equivalenceSpecFields(): ReturnType<typeof buildEquivalenceSchemas>['fields'] {
  built ??= buildEquivalenceSchemas();
  return built.fields;
}

type EquivalenceSchemas = ReturnType<typeof buildEquivalenceSchemas>;

/** The equivalence fields of one parsed rule layer. */
export type EquivalenceSpec = z.infer<z.ZodObject<EquivalenceSchemas['fields'], z.core.$strict>>;

const NO_EQUIVALENCE: EquivalenceRules = {
  emptyEqualsNull: false,
  numberStrings: false,
  timestamps: 'exact',
  statusEquivalence: [],
  enumTag: [],
  renames: [],
};

/** Equivalence switches override, lists add; the field exists once a layer sets one. */
export function equivalenceLayer(
  current: EquivalenceRules | undefined,
  layer: EquivalenceSpec,
): { equivalence?: EquivalenceRules } {
  const { emptyEqualsNull, numberStrings, timestamps, statusEquivalence, enumTag, renames } = layer;
  const touched = [emptyEqualsNull, numberStrings, timestamps, statusEquivalence, enumTag, renames];
  if (touched.every((value) => value === undefined)) {
    return current === undefined ? {} : { equivalence: current };
  }
  const base = current ?? NO_EQUIVALENCE;
  const tags = enumTag === undefined ? [] : Array.isArray(enumTag) ? enumTag : [enumTag];
  return {
    equivalence: {
      emptyEqualsNull: emptyEqualsNull ?? base.emptyEqualsNull,
      numberStrings: numberStrings ?? base.numberStrings,
      timestamps: timestamps ?? base.timestamps,
      statusEquivalence: [...base.statusEquivalence, ...(statusEquivalence ?? [])],
      enumTag: [...base.enumTag, ...tags.map(toEnumTagRule)],
      renames: [...base.renames, ...(renames ?? [])],
    },
  };
}

type TagStyleSpec = z.infer<EquivalenceSchemas['tagStyleSchema']>;

function toTagStyle(spec: TagStyleSpec): TagStyle {
  if (spec === 'external') return { style: 'external' };
  return 'field' in spec
    ? { style: 'internal', field: spec.field }
    : { style: 'adjacent', tag: spec.tag, content: spec.content };
}

function toEnumTagRule(spec: z.infer<EquivalenceSchemas['enumTagSchema']>): EnumTagRule {
  return { baseline: toTagStyle(spec.baseline), candidate: toTagStyle(spec.candidate) };
}
