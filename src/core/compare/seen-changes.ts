/**
 * The run's member changes as the clustering (`cause-clusters.ts`) sees
 * them: one entry per change keyed by what changed (`change-keys.ts`
 * `whatKey`, a member of an object kind by the kind, `object-kinds.ts`; a
 * place whose values are data by its place, `data-places.ts`),
 * with the answers, resources and places it shows at, and what each rule
 * family notes on it per answer (value pairs and offsets, moves, links,
 * named statuses). Pure.
 */
import type { Finding, SkeletonChange } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import {
  changeKey,
  membersOf,
  type ObjectKinds,
  objectOf,
  placeOnly,
  whatKey,
} from './change-keys.js';
import { placeOf } from './constant-values.js';
import { withOffset } from './counter-offsets.js';
import { type DataValues, dataPlaces } from './data-places.js';
import { resourceOfEndpoint } from './endpoint.js';
import { noteMoves } from './moved-values.js';
import {
  type NamedAnswer,
  type NamedIn,
  noteNamedStatuses,
  type Rewording,
} from './named-statuses.js';
import { objectKinds } from './object-kinds.js';
import type { AnswerBodies } from './optional-members.js';
import { noteLinks } from './resource-links.js';

/** One answer as its changes are collected: its case, endpoint template, findings and changes. */
export interface ChangedAnswer extends NamedAnswer {
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  /** Both bodies (a result's preview): the object kinds they show (`object-kinds.ts`). */
  readonly bodies?: AnswerBodies;
}

/** One change as the run has seen it (see the module comment). */
export interface Seen {
  /** The first of its changes in key order: the cause's. */
  change: SkeletonChange;
  /** The change keys (`changeKey`) it stands for: one, or the same change at several places. */
  readonly keys: Set<string>;
  readonly places: Set<string>;
  readonly answers: Set<string>;
  readonly resources: Set<string>;
  /** A value change's concrete pairs of values (`constant-values.ts`). */
  readonly pairs: Set<string>;
  /** Per pair of values, the resources it showed on (a pair on two: one constant, `cause-clusters.ts`). */
  readonly pairResources: Map<string, Set<string>>;
  /** Per answer, the members its old value moved to there (`moved-values.ts`). */
  moves?: Map<string, Set<Seen>>;
  /**
   * Per answer, the one amount its integers differ by, a type family's too
   * (`counter-offsets.ts`); undefined once a pair is no such offset.
   */
  offsets: Map<string, number> | undefined;
  /** Per answer, the side that wrote its status's reason phrase there (`named-statuses.ts`). */
  named?: Map<string, NamedIn<Seen>>;
  /** Per answer, the concrete pointers of its changes there. */
  readonly concrete: Map<string, Set<string>>;
  /** Per answer, the resource a member's value links to there, `''` for none (`resource-links.ts`). */
  links?: Map<string, string>;
}

/** A message a side's named status moved and reworded, with the entry of the value that named it. */
export type SeenRewording = Rewording & { readonly value: Seen };

/**
 * Every member change of the run's answers, by what changed (a member of an
 * object kind by the kind, `kinds`); the messages their error envelopes
 * moved and reworded go to `rewordings`.
 */
export function seenChanges(
  answers: readonly ChangedAnswer[],
  rewordings: SeenRewording[] = [],
  kinds: ObjectKinds = objectKinds(answers),
): Map<string, Seen> {
  const data = dataPlaces(answers);
  const seen = new Map<string, Seen>();
  for (const answer of answers) {
    const { caseId, endpoint, findings, changes } = answer;
    // Each concrete path of this answer's changes, with the entry it was seen under.
    const here = new Map<string, Seen>();
    for (const { cause, paths } of findings) {
      for (const own of membersOf(cause)) {
        const stripped = placeOnly(own);
        const place = changeKey(stripped);
        const change = data.places.has(place) ? stripped : framed(own, place, data);
        const key = whatKey(change, kinds);
        const entry = seen.get(key) ?? {
          change,
          keys: new Set<string>(),
          places: new Set<string>(),
          answers: new Set<string>(),
          resources: new Set<string>(),
          pairs: new Set<string>(),
          pairResources: new Map<string, Set<string>>(),
          offsets: own.op === 'value' ? new Map() : undefined,
          concrete: new Map<string, Set<string>>(),
        };
        seen.set(key, entry);
        const resource = resourceOfEndpoint(endpoint);
        if (own.op === 'value') {
          for (const change of changes ?? []) {
            // A type family's values that also differ (`"3"` vs `2`) are this value change's pair too.
            if (change.op !== 'value' && change.op !== 'type') continue;
            if (!paths.includes(change.path) || !placeOf(change.path, own.path)) continue;
            if (change.op === 'value') {
              const pair = JSON.stringify([change.baseline, change.candidate]);
              entry.pairs.add(pair);
              const on = entry.pairResources.get(pair) ?? new Set<string>();
              entry.pairResources.set(pair, on.add(resource));
            }
            entry.offsets = withOffset(entry.offsets, caseId, change.baseline, change.candidate);
          }
        }
        if (firstOf(change, entry.change, kinds)) entry.change = change;
        entry.keys.add(changeKey(own));
        entry.places.add(change.path);
        entry.answers.add(caseId);
        entry.resources.add(resource);
        const concrete = entry.concrete.get(caseId) ?? new Set<string>();
        entry.concrete.set(caseId, concrete);
        for (const path of paths) {
          if (!placeOf(path, own.path)) continue;
          here.set(path, entry);
          concrete.add(path);
        }
      }
    }
    noteLinks(caseId, changes ?? [], here);
    noteMoves(caseId, changes ?? [], here);
    noteNamedStatuses(answer, resourceOfEndpoint(endpoint), here, rewordings);
  }
  return seen;
}

/**
 * A value change keyed by the edit that rewords it with others at its field,
 * or by the sentences its templates share with others, on error answers
 * (`data-places.ts`).
 */
function framed(change: SkeletonChange, place: string, data: DataValues): SkeletonChange {
  const { values } = change;
  if (values === undefined) return change;
  const edit = data.editOf(change);
  if (edit !== undefined) return { ...placeOnly(change), edit };
  const b = data.templateOf(place, 0, values[0]);
  const c = data.templateOf(place, 1, values[1]);
  return b === values[0] && c === values[1] ? change : { ...change, values: [b, c] };
}

/**
 * True when `change` stands for its entry before `first`: one at its object
 * kind's first place (`object-kinds.ts`: its co-travellers are read there),
 * else the first in key order.
 */
function firstOf(change: SkeletonChange, first: SkeletonChange, kinds: ObjectKinds): boolean {
  const atFirst = (one: SkeletonChange) => {
    const object = objectOf(one)?.object;
    return object !== undefined && kinds.get(object) === object;
  };
  const [mine, theirs] = [atFirst(change), atFirst(first)];
  if (mine !== theirs) return mine;
  return compareText(changeKey(change), changeKey(first)) < 0;
}

/** Entries in key order of their change. */
export function compareSeen(a: Seen, b: Seen): number {
  return compareText(changeKey(a.change), changeKey(b.change));
}
