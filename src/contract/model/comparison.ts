/**
 * The compare stage's in-memory records: the comparison of one exchange and
 * the divergence with its explanation. The records a result keeps (changes,
 * header changes, patterns, notes) and the kinds are the contract's
 * (`contract/observation.ts`, `contract/vocabulary.ts`), and a divergence is
 * the divergent observation's part (`Divergence`, read off its schema).
 * `Comparison` stays an interface: it never leaves the process or crosses
 * into a report (the judge makes it and reads it, `core/compare/judge.ts`),
 * and a schema of it would be built from the observation's, which
 * `observation.ts` builds when it loads, while this module loads with every
 * report writer (`primaryKind`): a cost at start-up for no check anyone makes.
 */
import type { Change, DivergentObservation, HeaderChange } from '../observation.js';
import type { DivergenceKind } from '../vocabulary.js';

export interface Comparison {
  readonly status: {
    readonly equal: boolean;
    readonly baseline: number;
    readonly candidate: number;
    /**
     * Statuses that differ where one side redirects (`3xx` with a `Location`)
     * and the other does not: the rule that maps the request's path to the
     * `Location` (`drop .html`, `add /`: `core/compare/redirects.ts`), when one does.
     */
    readonly redirect?: string;
  };
  readonly headers: readonly HeaderChange[];
  /** Empty when the normalised bodies are equal. */
  readonly body: readonly Change[];
  /**
   * Both bodies are XML (as `core/xml/tree.ts` trees): an element's path has one
   * shape whatever the length of the lists it sits in (`findings.ts`).
   */
  readonly xml?: true;
  /**
   * Both bodies are JSON, both XML or both bencode: documents whose members can be
   * compared (`findings.ts`: a success status answered with the document
   * the other side refused with).
   */
  readonly documents?: true;
  /** Per side, the `faultString` of the XML-RPC fault it answered (`xml-rpc-faults.ts`). */
  readonly faults?: { readonly baseline?: string; readonly candidate?: string };
  /**
   * Both bodies are text that is not JSON or XML (or is invalid JSON or
   * XML): their media types (`text/calendar`; `text/html vs text/plain` when
   * they differ; `''` without one). A whole text body that differs is keyed
   * by what changed, in this media type (`text-bodies.ts`).
   */
  readonly textType?: string;
  /**
   * Where the statuses differ: the media type the request's body declares and
   * does not parse as (`malformed-request.ts`): the refusals of such
   * requests on one endpoint are one row, not one per parser message.
   */
  readonly malformed?: 'JSON' | 'XML';
  /** Equivalence rules that turned a difference into equality, e.g. `timestamps: instant at /created_at`. */
  readonly equivalences?: readonly string[];
}

// ─── Divergence and results ───────────────────────────────────────────────────

/**
 * Report order: what breaks callers first — a status change (a case whose
 * status differs is a status divergence wherever it is listed, whatever its
 * body does), then shape, value, header; transport failures are run errors.
 */
export const KIND_REPORT_ORDER: readonly DivergenceKind[] = [
  'status',
  'shape',
  'value',
  'header',
  'transport',
];

/** The section a result is listed under: the first of its kinds in report order. */
export function primaryKind(kinds: readonly DivergenceKind[]): DivergenceKind | undefined {
  return KIND_REPORT_ORDER.find((kind) => kinds.includes(kind));
}

/**
 * What judging a divergent comparison found: the divergent observation's own
 * fields (`contract/observation.ts`), which the result builder copies into it.
 */
export type Divergence = Pick<
  DivergentObservation,
  'kinds' | 'fingerprint' | 'explanation' | 'summary' | 'changes' | 'headerChanges' | 'pattern'
>;
