/**
 * Whole text bodies that differ two ways on one endpoint (tracker rule 9,
 * amended in session fifteen). A text body that differs is its endpoint's
 * row, keyed without its difference, so that texts each answer writes of
 * its own (an echo of its own content) stay one row; but two differences
 * on one endpoint are two questions (a handshake that announces one more
 * setting, and a refusal worded otherwise on the same path). So, per
 * endpoint, the answers are grouped by what changed with each answer's own
 * values elided (`alike`, `text-bodies.ts`):
 *
 * - where one difference shows in **two answers or more**, it is the
 *   endpoint's row (the one most answers show; at a tie, the first by its
 *   hash), keeping its key, so a tracker's row of the endpoint is carried
 *   as it was;
 * - every **other** difference on that endpoint is a row of its own, keyed
 *   by it (`apart`): ``GET /socket.io/: body differs another way (…)``.
 *
 * Kept as they were: an endpoint whose differences each show in one answer
 * (each answer's own text: nothing tells a second difference from it), an
 * answer whose texts differ only in values of its own (no `alike`: it stays
 * with the endpoint's row), and a difference that recurs on other
 * endpoints (keyed by it already, `recurring-causes.ts`). The limits
 * (reviewed in session fifteen): two differences each shown in one answer
 * are one row, and a name with digits or a digest that differs for a real
 * reason reads as a drawn id (`alikeDifference`). Pure.
 */
import type { RootCause } from '../../contract/root-cause.js';
import { ANY_ENDPOINT, causeKey } from './root-cause.js';

type StructureCause = RootCause & { type: 'structure' };

/** The answers of one endpoint's text row, by `alike`: how many show it and their causes. */
type Alike = Map<string, { count: number; causes: StructureCause[] }>;

/** True for a whole body's cause on its own endpoint that a text difference can be kept apart in. */
export function isEndpointText(cause: RootCause): cause is StructureCause {
  return (
    cause.type === 'structure' && cause.difference !== undefined && cause.endpoint !== ANY_ENDPOINT
  );
}

/** The difference the endpoint's row keeps: shown in most answers (two or more), the first by hash at a tie. */
function mainOf(alike: Alike): string | undefined {
  let main: [string, number] | undefined;
  for (const [key, { count }] of [...alike].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (main === undefined || count > main[1]) main = [key, count];
  }
  return main === undefined || main[1] < 2 ? undefined : main[0];
}

/**
 * By own key (`ownKey`, given by the caller): the causes kept apart on
 * their endpoint (see the module comment), from the whole-text causes of
 * every answer that no other endpoint shares.
 */
export function apartTexts(
  causes: Iterable<StructureCause>,
  ownKey: (cause: RootCause) => string,
): Map<string, RootCause> {
  const byEndpoint = new Map<string, Alike>();
  for (const cause of causes) {
    if (cause.alike === undefined) continue;
    const key = causeKey(cause);
    const alike: Alike = byEndpoint.get(key) ?? new Map();
    byEndpoint.set(key, alike);
    const seen = alike.get(cause.alike) ?? { count: 0, causes: [] };
    alike.set(cause.alike, seen);
    seen.count++;
    seen.causes.push(cause);
  }
  const out = new Map<string, RootCause>();
  for (const alike of byEndpoint.values()) {
    if (alike.size < 2) continue;
    const main = mainOf(alike);
    if (main === undefined) continue;
    const kept = new Set(alike.get(main)?.causes.map(ownKey));
    for (const [key, { causes }] of alike) {
      if (key === main) continue;
      for (const cause of causes) {
        const own = ownKey(cause);
        if (!kept.has(own) && !out.has(own)) out.set(own, { ...cause, apart: true });
      }
    }
  }
  return out;
}
