/**
 * Resolved normalisation rules: what a case (with its suite defaults and the
 * global config) declares about how its two responses are compared.
 */

/** Mask every string/number leaf under `path` (pattern, default `/**`) that matches `regex` with `replacement`. */
export interface MaskRule {
  readonly path: string;
  readonly regex: string;
  readonly replacement: string;
}

/** Sort the array(s) at `path` before comparing, by the value at key `by` when given. */
export interface SortRule {
  readonly path: string;
  readonly by: string | undefined;
}

/** Numbers under `path` are equal when they differ by at most `absolute` (or `relative` × |baseline|). */
export interface ToleranceRule {
  readonly path: string;
  readonly absolute: number;
  readonly relative: number;
}

/**
 * Resolved normalisation rules: global config rules, suite defaults and case
 * rules merged (lists concatenated, switches overridden by the narrower scope).
 */
export interface Rules {
  /** RFC 6901 pointer patterns (`*` = one segment, `**` = any depth) removed from both bodies. */
  readonly ignore: readonly string[];
  readonly mask: readonly MaskRule[];
  readonly sortArrays: readonly SortRule[];
  readonly tolerance: readonly ToleranceRule[];
  /** Fold object keys (case, `_`, `-`) so `user_id`, `userId` and `UserId` compare as one key. */
  readonly keyCaseFold: boolean;
  /** A key whose value is `null` compares equal to an absent key. */
  readonly nullEqualsAbsent: boolean;
  /** Lower-case response header names that are compared (everything else is ignored, unless `allHeaders`). */
  readonly headers: readonly string[];
  /**
   * `headers: "*"`: every response header is compared except framing ones, the
   * volatile list and `except` (lower case); a header named in `headers` always is.
   */
  readonly allHeaders?: { readonly except: readonly string[] };
  /** Keys that identify array elements when diffing arrays of objects (first present wins). */
  readonly arrayKeys: readonly string[];
  /** Extra header names (lower case) whose values are redacted in every output. */
  readonly redactHeaders: readonly string[];
  /**
   * Header names (lower case) compared for presence only; `undefined` means the
   * built-in list (`VOLATILE_HEADERS` in `src/contract/rules/volatile-headers.ts`).
   */
  readonly volatileHeaders?: readonly string[];
  /** Equivalence rules (declared representations that compare equal); absent when none is set. */
  readonly equivalence?: EquivalenceRules;
}

/** How an enum variant is written: `{"Variant":{…}}`, a tag field, or tag + content fields. */
export type TagStyle =
  | { readonly style: 'external' }
  | { readonly style: 'internal'; readonly field: string }
  | { readonly style: 'adjacent'; readonly tag: string; readonly content: string };

/** The baseline writes an enum one way and the candidate another (see `TagStyle`). */
export interface EnumTagRule {
  readonly baseline: TagStyle;
  readonly candidate: TagStyle;
}

/** A key moved or renamed: the baseline's `/old/path` is the candidate's `/new/path`. */
export interface RenameRule {
  readonly baseline: string;
  readonly candidate: string;
}

/** Representations a team declared equivalent; each turns only its own kind of change into equality. */
export interface EquivalenceRules {
  /** `[]` and `{}` compare equal to `null` (and, with `nullEqualsAbsent`, to an absent key). */
  readonly emptyEqualsNull: boolean;
  /** A numeric string equals a number of exactly the same decimal value (`"123"` ≡ `123`). */
  readonly numberStrings: boolean;
  /** `instant`: timestamps equal when they denote the same instant; `second`: the same second. */
  readonly timestamps: 'exact' | 'instant' | 'second';
  /** Groups of status codes that compare equal (`[[400, 422]]`). */
  readonly statusEquivalence: readonly (readonly number[])[];
  readonly enumTag: readonly EnumTagRule[];
  readonly renames: readonly RenameRule[];
}
