/**
 * Whole text bodies keyed by what changed on one endpoint (tracker rule 9,
 * amended in sessions fifteen and sixteen). A text body that differs is its
 * endpoint's row, keyed without its difference, so that texts each answer
 * writes of its own (an echo of its own content) stay one row; but a
 * difference that shows in two answers or more is a question of its own (a
 * handshake that announces one more setting), and two of them on one
 * endpoint are two questions (that handshake, and a refusal worded
 * otherwise on the same path). So, per endpoint, the answers are grouped by
 * what changed with each answer's own values elided (`alike`,
 * `alike-texts.ts`):
 *
 * - where one difference shows in **two answers or more**, every
 *   difference on that endpoint is a row of its own, keyed by it (`apart`):
 *   its key names the difference it stands for, so a decision taken on it
 *   stays with it whatever later runs count (issue 43: it was the
 *   endpoint's key, held by whichever difference most answers showed, so a
 *   later run could move it, and the decision on it, to another);
 * - the one most answers show (at a tie, the first by its hash) is worded
 *   as the endpoint's row (`main`: ``GET /socket.io/: body differs``), the
 *   others ``body differs another way (…)``, and the answers whose texts
 *   differ only in values of their own (no `alike`) join its row.
 *
 * Kept as they were: an endpoint whose differences each show in one answer
 * (each answer's own text: nothing tells a difference from it; its row is
 * keyed by the endpoint alone), and a difference that recurs on other
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

/** One endpoint's text answers: by `alike`, and those whose texts differ only in values of their own. */
interface EndpointTexts {
  readonly alike: Alike;
  readonly own: StructureCause[];
}

/** True for a whole body's cause on its own endpoint that a text difference can be kept apart in. */
export function isEndpointText(cause: RootCause): cause is StructureCause {
  return (
    cause.type === 'structure' && cause.difference !== undefined && cause.endpoint !== ANY_ENDPOINT
  );
}

/** The difference most answers show (two or more), the first by hash at a tie. */
function mainOf(alike: Alike): string | undefined {
  let main: [string, number] | undefined;
  for (const [key, { count }] of [...alike].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (main === undefined || count > main[1]) main = [key, count];
  }
  return main === undefined || main[1] < 2 ? undefined : main[0];
}

/** The text answers of each endpoint (by the endpoint's key). */
function byEndpoint(causes: Iterable<StructureCause>): Map<string, EndpointTexts> {
  const out = new Map<string, EndpointTexts>();
  for (const cause of causes) {
    const key = causeKey(cause);
    const texts: EndpointTexts = out.get(key) ?? { alike: new Map(), own: [] };
    out.set(key, texts);
    if (cause.alike === undefined) {
      texts.own.push(cause);
      continue;
    }
    const seen = texts.alike.get(cause.alike) ?? { count: 0, causes: [] };
    texts.alike.set(cause.alike, seen);
    seen.count++;
    seen.causes.push(cause);
  }
  return out;
}

/**
 * By own key (`ownKey`, given by the caller): the causes keyed by their
 * difference on their endpoint (see the module comment), from the
 * whole-text causes of every answer that no other endpoint shares.
 */
export function apartTexts(
  causes: Iterable<StructureCause>,
  ownKey: (cause: RootCause) => string,
): Map<string, RootCause> {
  const out = new Map<string, RootCause>();
  const keep = (cause: StructureCause, kept: StructureCause) => {
    const own = ownKey(cause);
    if (!out.has(own)) out.set(own, kept);
  };
  for (const { alike, own } of byEndpoint(causes).values()) {
    const main = mainOf(alike);
    if (main === undefined) continue;
    // The main difference first: an answer that also reads as another stays on its row.
    const ordered = [...alike].sort(([a], [b]) => Number(b === main) - Number(a === main));
    for (const [key, { causes: shown }] of ordered) {
      const words = key === main ? { main: true as const } : {};
      for (const cause of shown) keep(cause, { ...cause, apart: true, ...words });
    }
    for (const cause of own) keep(cause, { ...cause, alike: main, apart: true, main: true });
  }
  return out;
}
