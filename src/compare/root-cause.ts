/**
 * Root causes and their identity. A divergence decomposes into findings
 * (`findings.ts`), each with one root cause; a root cause's fingerprint is a
 * function of the cause alone — never of the case that showed it, its
 * values, its array indices or ids, or anything else the case diverged in —
 * so one cause seen on many cases and endpoints is one tracker row. Pure.
 */
import { createHash } from 'node:crypto';
import type { ChangeOp } from '../model/comparison.js';
import type { FindingKind } from './finding-kinds.js';
import { PATTERN_NAMES, type PatternName, patternNamed } from './patterns/registry.js';

/** How a header differs: missing on one side, or present on both with values of other classes. */
export const HEADER_DIFFERENCES = ['missing-in-baseline', 'missing-in-candidate', 'value'] as const;
export type HeaderDifference = (typeof HEADER_DIFFERENCES)[number];

/** The families of root causes. */
export const CAUSE_TYPES = ['pattern', 'status', 'header', 'body-kind', 'structure'] as const;
export type CauseType = (typeof CAUSE_TYPES)[number];

/**
 * One root cause. Endpoints are templates (`POST /v1/records/:id`), paths
 * are wildcarded (`/items/*\/tags`), header values are classes (digits as
 * `0`, long tokens and quoted strings elided): nothing case-specific.
 */
export type RootCause =
  | {
      readonly type: 'pattern';
      readonly pattern: PatternName;
      /** The key the pattern occurs at (`tags` for `/items/3/tags` and `/tags`); `''`: the body or an array element. */
      readonly field: string;
      /** The pattern's defining parameters (see `PatternMatch.params`). */
      readonly params: readonly string[];
      /** Words for the cause, from the pattern name and `params` only. */
      readonly detail: string;
    }
  | {
      readonly type: 'status';
      readonly endpoint: string;
      readonly baseline: number;
      readonly candidate: number;
      /**
       * With one side accepting (< 400) and the other refusing: the refusing
       * side's reason, its message with values elided (`refusalReason`), so
       * each kind of input one side refuses is a cause of its own.
       */
      readonly reason?: string;
      /**
       * One side redirected (`3xx`) and the other did not: the rule that maps
       * the request's path to the `Location` (`drop .html`: `redirects.ts`).
       * Part of the fingerprint only for the cause keyed by it (the same rule
       * on several endpoints: `recurring-causes.ts`), whose endpoint is
       * `REDIRECT_ENDPOINT` and whose other side's status is `0` (any: the
       * file exists on one path, not on another).
       */
      readonly redirect?: string;
    }
  | {
      readonly type: 'header';
      /** Lower case. */
      readonly name: string;
      readonly difference: HeaderDifference;
      /** With `value`: the value class on each side. */
      readonly classes?: readonly [baseline: string, candidate: string];
    }
  | {
      readonly type: 'body-kind';
      /** `2xx`, `4xx`, …: the answers' status class (bodies of errors and of successes differ for other reasons). */
      readonly statusClass: string;
      /** Body kinds: `json`, `text`, `empty`, `invalid-json`, … */
      readonly baseline: string;
      readonly candidate: string;
    }
  | StructureCause;

/**
 * The endpoint of a structural cause keyed by what changed alone: the same
 * change on two resources or more (`cause-clusters.ts`).
 */
export const ANY_ENDPOINT = '*';

/**
 * The endpoint after the method of a status cause seen on several endpoints
 * (`DELETE *`: `recurring-causes.ts`).
 */
export const RECURRING_ENDPOINT = '*';

/**
 * The endpoint of a status cause keyed by the redirect rule it follows,
 * whatever the method and path (`recurring-causes.ts`).
 */
export const REDIRECT_ENDPOINT = '* *';

/** The request method of an endpoint template (`DELETE /posts/:id` → `DELETE`). */
export function methodOf(endpoint: string): string {
  const space = endpoint.indexOf(' ');
  return space < 0 ? endpoint : endpoint.slice(0, space);
}

/** True for a status cause keyed by its method alone: the transition recurs on several endpoints. */
export function isRecurringStatus(cause: RootCause): boolean {
  return (
    cause.type === 'status' &&
    cause.endpoint === `${methodOf(cause.endpoint)} ${RECURRING_ENDPOINT}`
  );
}

/** A change no pattern explains, keyed by what changed (`cause-clusters.ts`). */
export interface StructureCause {
  readonly type: 'structure';
  /**
   * The resource (`/v1/records`: the endpoint's path without method and
   * trailing `:id`s) of a change seen on that resource only; `ANY_ENDPOINT`
   * for one the run saw on several; a whole body's own endpoint template.
   */
  readonly endpoint: string;
  /** The change without its values: op, wildcarded path, JSON types (the cluster's first member). */
  readonly change: SkeletonChange;
  /**
   * The changes that travel with `change`: members of the same object
   * added, removed or retyped in exactly the same answers (two or more). Not
   * part of the fingerprint: a cluster keeps its first member's row as it
   * grows or shrinks (`cause-clusters.ts`).
   */
  readonly together?: readonly SkeletonChange[];
  /**
   * A whole body that is not structured (text, bytes): what changed, values
   * elided (`text-bodies.ts`: `reorder|text/calendar`). Part of the
   * fingerprint only for the cause keyed by it alone (`ANY_ENDPOINT`: the
   * same difference on several endpoints); an endpoint's own row keeps the
   * fingerprint it had.
   */
  readonly difference?: string;
}

/**
 * The side type of a residual cause that stands for every member one side
 * adds (or lacks) with a zero value in one object (`"Min": 0, "Note": ""`):
 * one design difference, such as a struct that writes every field, however
 * many members show it.
 */
export const ZERO_VALUED_MEMBERS = 'zero-valued members';

/**
 * The side type of a residual cause that stands for every digest (a hex or
 * `sha512-…` integrity value) whose value differs in one object: the digests
 * of one content change together, so they are one difference (the content),
 * however many algorithms the object lists.
 */
export const DIGESTS = 'digests';

/** True for a residual cause that stands for a signature of one object (zero-valued members, digests), not for one member. */
export function isObjectSignature(change: SkeletonChange): boolean {
  return (
    change.baseline === ZERO_VALUED_MEMBERS ||
    change.candidate === ZERO_VALUED_MEMBERS ||
    change.baseline === DIGESTS
  );
}

/** A body change without its values: what a residual structural cause is made of. */
export interface SkeletonChange {
  readonly op: ChangeOp;
  /** Wildcarded: array indices and id-like keys as `*`. */
  readonly path: string;
  /** JSON type on each side (`-` when absent; body kinds for a whole-body change). */
  readonly baseline: string;
  readonly candidate: string;
  /**
   * A value change's templates on each side when they differ (`value-template.ts`:
   * another wording, another error type, another precision): part of the
   * cause, so each wording is a cause of its own, keyed by its field wherever
   * it shows (`cause-clusters.ts`).
   */
  readonly values?: readonly [baseline: string, candidate: string];
  /**
   * For a member one side adds or lacks whose value is an object: its keys
   * and their JSON types (`{Mode:string}`), so the same member under other
   * parents is one cause (`cause-clusters.ts`). Not part of the cause's key.
   */
  readonly shape?: string;
}

export { FINDING_KINDS, type FindingKind } from './finding-kinds.js';

/** One root cause as one divergent case shows it. */
export interface Finding {
  /** The root cause's fingerprint: exactly the string in its tracker row. */
  readonly fingerprint: string;
  readonly kind: FindingKind;
  readonly cause: RootCause;
  /** One line from the cause alone (the tracker row's summary). */
  readonly summary: string;
  /** The body changes (RFC 6901 pointers, as in `changes`) this finding accounts for in this case. */
  readonly paths: readonly string[];
}

/** The canonical text of a cause: what the fingerprint hashes (presentation fields excluded). */
export function causeKey(cause: RootCause): string {
  switch (cause.type) {
    case 'pattern':
      return JSON.stringify([cause.type, cause.pattern, cause.field, ...cause.params]);
    case 'status':
      return JSON.stringify([
        cause.type,
        cause.endpoint,
        cause.baseline,
        cause.candidate,
        ...(cause.reason === undefined ? [] : [cause.reason]),
        ...(cause.redirect === undefined || cause.endpoint !== REDIRECT_ENDPOINT
          ? []
          : [cause.redirect]),
      ]);
    case 'header':
      return JSON.stringify([cause.type, cause.name, cause.difference, ...(cause.classes ?? [])]);
    case 'body-kind':
      return JSON.stringify([cause.type, cause.statusClass, cause.baseline, cause.candidate]);
    case 'structure':
      return JSON.stringify([
        cause.type,
        cause.endpoint,
        cause.change.op,
        cause.change.path,
        cause.change.baseline,
        cause.change.candidate,
        ...(cause.change.values ?? []),
        ...(cause.endpoint === ANY_ENDPOINT && cause.difference !== undefined
          ? [cause.difference]
          : []),
      ]);
    default: {
      const never: never = cause;
      return never;
    }
  }
}

/** The fingerprint's readable prefix: the pattern's name, or the cause's family. */
export function causePrefix(cause: RootCause): string {
  return cause.type === 'pattern' ? cause.pattern : cause.type;
}

/**
 * `nil-slice-3fa9c2d17be0`: the prefix (pattern name or family) and 12 hex
 * characters of sha256 over the canonical cause. The prefix lets a person
 * (and `parity decide --pattern`) read the cause off a tracker row.
 */
export function causeFingerprint(cause: RootCause): string {
  const hash = createHash('sha256').update(causeKey(cause)).digest('hex').slice(0, 12);
  return `${causePrefix(cause)}-${hash}`;
}

const ROOT_CAUSE_FINGERPRINT = /^([a-z][a-z-]*)-[0-9a-f]{12}$/;

/** True for a fingerprint of this scheme (a row written before it has 16 hex characters). */
export function isRootCauseFingerprint(fingerprint: string): boolean {
  return ROOT_CAUSE_FINGERPRINT.test(fingerprint);
}

/** The pattern a root-cause fingerprint names, if it names one. */
export function patternOfFingerprint(fingerprint: string): PatternName | undefined {
  const prefix = ROOT_CAUSE_FINGERPRINT.exec(fingerprint)?.[1];
  return PATTERN_NAMES.find((name) => name === prefix);
}

/** The kind a finding of this cause has (a pattern's says itself; structure: shape unless only values changed). */
export function kindOfCause(cause: RootCause): FindingKind {
  switch (cause.type) {
    case 'status':
      return 'status';
    case 'header':
      return 'header';
    case 'body-kind':
      return 'shape';
    case 'pattern':
      return patternNamed(cause.pattern).kindOf(cause.params);
    case 'structure':
      return cause.change.op === 'value' || cause.change.op === 'moved' ? 'value' : 'shape';
    default: {
      const never: never = cause;
      return never;
    }
  }
}
