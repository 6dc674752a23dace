/** Choose which loaded cases a run replays: id globs, tags, and a CI shard. Pure. */

import type { Case } from '../../contract/model/case.js';
import { pathGlobMatcher } from '../../util/glob.js';

/** Which cases to keep; an absent or empty criterion keeps everything. */
export interface CaseSelection {
  /**
   * Globs on the case id (`suite/id`: `util/glob.ts`, `*` within a segment,
   * `**` across); one without `/` is also tried on the id's last segment
   * (`get-*`). Any may match.
   */
  readonly filter?: readonly string[] | undefined;
  /** Keep cases carrying at least one of these tags. */
  readonly tags?: readonly string[] | undefined;
  /**
   * Keep only shard `index` of `total` (1-based, like `--shard 2/3`): after
   * filtering, case number k (in the given order) belongs to shard (k mod total) + 1,
   * so shards are deterministic and balanced.
   *
   * Round-robin over the run order rather than a hash of the id: sizes differ by
   * at most one, and no shard is empty while there are enough cases. A hash would keep a case in its
   * shard when others are added, but every shard of one CI run sees the same
   * library, and `parity merge` only combines shards of one run.
   */
  readonly shard?: { readonly index: number; readonly total: number } | undefined;
}

/** The filter and tags of `selection` as one test (the shard is taken afterwards, by position). */
export function caseMatcher(
  selection: CaseSelection,
): (item: Pick<Case, 'id' | 'tags'>) => boolean {
  const patterns = (selection.filter ?? []).map((glob) => pathGlobMatcher(glob, { base: true }));
  const tags = new Set(selection.tags ?? []);
  return (item) =>
    (patterns.length === 0 || patterns.some((matches) => matches(item.id))) &&
    (tags.size === 0 || item.tags.some((tag) => tags.has(tag)));
}

/** Whether the matching case at `position` (0-based, in run order) belongs to the shard. */
export function inShard(shard: CaseSelection['shard'], position: number): boolean {
  return shard === undefined || position % shard.total === shard.index - 1;
}

type Selectable = Pick<Case, 'id' | 'tags' | 'flow' | 'serial'>;

/**
 * The cases matching every given criterion, in their original order, as a
 * run selects them: a flow is kept whole when its id or any step matches,
 * and the shard deals units (a case, a flow, a serial sequence), never
 * splitting one.
 */
export function selectCases<T extends Selectable>(
  cases: readonly T[],
  selection: CaseSelection,
): T[] {
  const matches = caseMatcher(selection);
  const flows = new Set<string>();
  for (const c of cases) {
    if (c.flow !== undefined && (matches(c) || matches({ id: c.flow.id, tags: c.tags }))) {
      flows.add(c.flow.id);
    }
  }
  const kept = cases.filter((c) => (c.flow === undefined ? matches(c) : flows.has(c.flow.id)));
  let unit = -1;
  let last: string | undefined;
  return kept.filter((c) => {
    const key = c.serial ?? (c.flow === undefined ? undefined : `\0${c.flow.id}`);
    if (key === undefined || key !== last) unit++;
    last = key;
    return inShard(selection.shard, unit);
  });
}
