/**
 * The stage types of a case: what a case file resolves to (`Case`, its
 * request) and the targets it is sent to. Input schemas live with their
 * loaders and derive their types with `z.infer`; these are the resolved shapes.
 */

import type { Rules } from '../rules/types.js';
import type { Runtime } from '../vocabulary.js';
import type { FlowStep } from './flow.js';
import type { CaseRequest, Pairs } from './request.js';

/** Where something came from in a source file (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One resolved case: defaults applied, `${env:…}` substituted, rules merged. */
export interface Case {
  /** Tells a case from a {@link Flow}: never set on a case. */
  readonly kind?: undefined;
  /** `suite/id`, unique across the library. */
  readonly id: string;
  readonly suite: string;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly request: CaseRequest;
  readonly rules: Rules;
  readonly expect: { readonly status: number | undefined };
  readonly source: SourceLocation;
  /** A step of a flow: its place in the flow; its request may hold `{{name}}` variables. */
  readonly flow?: FlowStep | undefined;
  /**
   * The serial sequence the case runs in (`serial: true`): the display path
   * of the sequence's first file. Undefined for a case that may overlap others.
   */
  readonly serial?: string | undefined;
}

/**
 * A case written as a flow of steps: each step is a `Case` (with `flow`),
 * sent in order, one at a time per target, and judged on its own.
 */
export interface Flow {
  readonly kind: 'flow';
  /** `suite/id`, unique across the library (its steps are `suite/id/step`). */
  readonly id: string;
  readonly suite: string;
  readonly tags: readonly string[];
  readonly steps: readonly Case[];
}

/** What one entry of a case file's `cases` resolves to: a case, or a flow. */
export type CaseEntry = Case | Flow;

/** The cases an entry runs as: itself, or a flow's steps. */
export function casesOf(entry: CaseEntry): readonly Case[] {
  return entry.kind === 'flow' ? entry.steps : [entry];
}

/** A named base URL plus default headers. */
export interface Target {
  readonly name: string;
  /** Without credentials (they are in `headers`); its query string is sent with every request. */
  readonly url: URL;
  readonly headers: Pairs;
  /** Values only this target's URL held (its credentials), with the placeholder outputs show. */
  readonly secrets?: ReadonlyMap<string, string>;
  /** Marked `disposable` in the config: its data may be changed (`parity fuzz --allow-writes`). */
  readonly disposable?: boolean;
  /** Its runtime, as the config names it (`runtime:`). */
  readonly runtime?: Runtime;
}
