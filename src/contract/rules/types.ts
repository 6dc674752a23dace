/**
 * Resolved normalisation rules: what a case (with its suite defaults and the
 * global config) declares about how its two responses are compared. Declared
 * once, as zod schemas built on first use (`ruleSchemas`: nothing is built
 * when the module loads, and a command that never asks loads no zod); the
 * types are read off them. What a case file or the config writes is the
 * spec schema (`schema.ts`), which resolves to these.
 */
import * as z from 'zod';
import { once } from '../../util/once.js';

/** The resolved rules' schemas (in-memory records: strict, readonly). */
export const ruleSchemas = once(() => {
  const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
  const strings = list(z.string());

  /** Mask every string/number leaf under `path` (pattern, default `/**`) that matches `regex` with `replacement`. */
  const maskRule = z
    .strictObject({ path: z.string(), regex: z.string(), replacement: z.string() })
    .readonly();

  /** Sort the array(s) at `path` before comparing, by the value at key `by` when given. */
  const sortRule = z
    .strictObject({ path: z.string(), by: z.union([z.string(), z.undefined()]) })
    .readonly();

  /** Numbers under `path` are equal when they differ by at most `absolute` (or `relative` × |baseline|). */
  const toleranceRule = z
    .strictObject({ path: z.string(), absolute: z.number(), relative: z.number() })
    .readonly();

  /** How an enum variant is written: `{"Variant":{…}}`, a tag field, or tag + content fields. */
  const tagStyle = z.discriminatedUnion('style', [
    z.strictObject({ style: z.literal('external') }).readonly(),
    z.strictObject({ style: z.literal('internal'), field: z.string() }).readonly(),
    z
      .strictObject({ style: z.literal('adjacent'), tag: z.string(), content: z.string() })
      .readonly(),
  ]);

  /** The baseline writes an enum one way and the candidate another (see `TagStyle`). */
  const enumTagRule = z.strictObject({ baseline: tagStyle, candidate: tagStyle }).readonly();

  /** A key moved or renamed: the baseline's `/old/path` is the candidate's `/new/path`. */
  const renameRule = z.strictObject({ baseline: z.string(), candidate: z.string() }).readonly();

  /** Representations a team declared equivalent; each turns only its own kind of change into equality. */
  const equivalenceRules = z
    .strictObject({
      /** `[]` and `{}` compare equal to `null` (and, with `nullEqualsAbsent`, to an absent key). */
      emptyEqualsNull: z.boolean(),
      /** A numeric string equals a number of exactly the same decimal value (`"123"` ≡ `123`). */
      numberStrings: z.boolean(),
      /** `instant`: timestamps equal when they denote the same instant; `second`: the same second. */
      timestamps: z.enum(['exact', 'instant', 'second']),
      /** Groups of status codes that compare equal (`[[400, 422]]`). */
      statusEquivalence: list(list(z.number())),
      enumTag: list(enumTagRule),
      renames: list(renameRule),
    })
    .readonly();

  /**
   * Resolved normalisation rules: global config rules, suite defaults and case
   * rules merged (lists concatenated, switches overridden by the narrower scope).
   */
  const rules = z
    .strictObject({
      /** RFC 6901 pointer patterns (`*` = one segment, `**` = any depth) removed from both bodies. */
      ignore: strings,
      mask: list(maskRule),
      sortArrays: list(sortRule),
      tolerance: list(toleranceRule),
      /** Fold object keys (case, `_`, `-`) so `user_id`, `userId` and `UserId` compare as one key. */
      keyCaseFold: z.boolean(),
      /** A key whose value is `null` compares equal to an absent key. */
      nullEqualsAbsent: z.boolean(),
      /** Lower-case response header names that are compared (everything else is ignored, unless `allHeaders`). */
      headers: strings,
      /**
       * `headers: "*"`: every response header is compared except framing ones, the
       * volatile list and `except` (lower case); a header named in `headers` always is.
       */
      allHeaders: z.strictObject({ except: strings }).readonly().exactOptional(),
      /** Keys that identify array elements when diffing arrays of objects (first present wins). */
      arrayKeys: strings,
      /** Extra header names (lower case) whose values are redacted in every output. */
      redactHeaders: strings,
      /**
       * Header names (lower case) compared for presence only; absent means the
       * built-in list (`VOLATILE_HEADERS` in `src/contract/rules/volatile-headers.ts`).
       */
      volatileHeaders: strings.exactOptional(),
      /** Equivalence rules (declared representations that compare equal); absent when none is set. */
      equivalence: equivalenceRules.exactOptional(),
    })
    .readonly();

  return {
    maskRule,
    sortRule,
    toleranceRule,
    tagStyle,
    enumTagRule,
    renameRule,
    equivalenceRules,
    rules,
  };
});

type Schemas = ReturnType<typeof ruleSchemas>;

/** Mask every string/number leaf under `path` (pattern, default `/**`) that matches `regex` with `replacement`. */
export type MaskRule = z.output<Schemas['maskRule']>;
/** Sort the array(s) at `path` before comparing, by the value at key `by` when given. */
export type SortRule = z.output<Schemas['sortRule']>;
/** Numbers under `path` are equal when they differ by at most `absolute` (or `relative` × |baseline|). */
export type ToleranceRule = z.output<Schemas['toleranceRule']>;
/** Resolved normalisation rules: global config rules, suite defaults and case rules merged. */
export type Rules = z.output<Schemas['rules']>;
/** How an enum variant is written: `{"Variant":{…}}`, a tag field, or tag + content fields. */
export type TagStyle = z.output<Schemas['tagStyle']>;
/** The baseline writes an enum one way and the candidate another (see `TagStyle`). */
export type EnumTagRule = z.output<Schemas['enumTagRule']>;
/** A key moved or renamed: the baseline's `/old/path` is the candidate's `/new/path`. */
export type RenameRule = z.output<Schemas['renameRule']>;
/** Representations a team declared equivalent; each turns only its own kind of change into equality. */
export type EquivalenceRules = z.output<Schemas['equivalenceRules']>;
