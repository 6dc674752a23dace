/**
 * What the run's clustering (`cause-clusters.ts`) hands the code that lays
 * it over each answer's findings (`clustered-findings.ts`): a record of its
 * own, so that neither module imports the other back. Types only.
 */
import type { RootCause, StructureCause } from '../../contract/root-cause.js';
import type { ErrorObjectCauses } from './error-objects.js';
import type { IgnoredQueries } from './ignored-queries.js';
import type { RewordedFinding } from './named-statuses.js';
import type { RecurringCauses } from './recurring-causes.js';
import type { RefusedAnswer } from './refused-answers.js';
import type { LabelRow } from './structured-labels.js';

/** The run's causes keyed by what changed, laid over each answer's own (`clustered-findings.ts`). */
export interface CauseClusters {
  /**
   * By change key (`changeKey`): the clustered cause of the change, for the
   * changes whose cause is not their own resource's (recurring or clustered).
   */
  readonly changes: ReadonlyMap<string, StructureCause>;
  /**
   * By own key (`ownKey`): status and pattern causes that recur
   * (`recurring-causes.ts`), and body-kind causes that are one side's error
   * bodies (`body-causes.ts`).
   */
  readonly recurring: RecurringCauses;
  /** Own keys of body causes that are part of their answer's status finding (`body-causes.ts`). */
  readonly statusBodies?: ReadonlySet<string>;
  /** By case id: the findings of messages its error envelope moved and reworded (`named-statuses.ts`). */
  readonly reworded?: ReadonlyMap<string, readonly RewordedFinding[]>;
  /** By case id: the findings of values that differ across body kinds (`kind-values.ts`). */
  readonly acrossKinds?: ReadonlyMap<string, readonly RewordedFinding[]>;
  /**
   * Change keys of data values that each endpoint answers of its own
   * (`endpointData`): laid over an answer, keyed by its resource.
   */
  readonly perResource?: ReadonlySet<string>;
  /**
   * By case id: an answer one side refused with its error envelope and the
   * other accepted, with one status (`refused-answers.ts`): its outcome
   * members' changes are one cause, keyed by its resource.
   */
  readonly refused?: ReadonlyMap<string, RefusedAnswer>;
  /** Some change was keyed by its object kind (`object-kinds.ts`), not its place. */
  readonly byKind?: true;
  /**
   * By case and finding (`ignoredKey`): a list's elements on a read one side
   * answers alike whatever its query (`ignored-queries.ts`), under that cause.
   */
  readonly ignoredQueries?: IgnoredQueries;
  /**
   * By change key: a member added or removed beside a nesting in exactly
   * its answers (`nesting-siblings.ts`, rule 57), under the nesting's row.
   */
  readonly nestings?: ReadonlyMap<string, RootCause>;
  /**
   * By case id, then change key: one error object's changes in exactly the
   * same answers (`error-objects.ts`, rule 58), under that object's row.
   */
  readonly errorObjects?: ErrorObjectCauses;
  /**
   * By fingerprint of a `content-type` finding: the structured body's row it
   * travels with in exactly that row's answers (`structured-labels.ts`, rule 59).
   */
  readonly labels?: ReadonlyMap<string, LabelRow>;
}
