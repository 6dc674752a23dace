/**
 * Where whole text bodies that are one drawn id each (`drawn-texts.ts`,
 * tracker rule 32, extended in session sixteen to whole text bodies) showed
 * two format classes, asked once every answer is in. A whole body has no
 * member name to hold its values under, so its bound is rule 32's read by
 * the endpoint: the two classes are a row only where **two answers or
 * more** of the run show that same pair of classes as whole bodies, and
 * every answer of the endpoint (method and path) shows that pair alone (one
 * answer whose id read as another class by chance leaves its endpoint
 * masked, as a member showing two pairs does). Two endpoints that show two
 * pairs each stay two questions: each pair is counted on its own answers.
 * Pure, but for the memory.
 */

/** The run's whole-body drawn ids: which answers showed which classes, where. */
export interface DrawnBodies {
  /** Remembers that `caseId`'s answers, at `where` (its method and path), are ids drawn in `classes` (`"token uuid"`). */
  add(caseId: string, where: string, classes: string): void;
  /** Whether `caseId`'s two classes are a row (see the module comment). */
  settled(caseId: string): boolean;
}

/** The most answers a run remembers. */
const MAX_BODIES = 10_000;

export function createDrawnBodies(): DrawnBodies {
  const shown = new Map<string, { readonly where: string; readonly classes: string }>();
  const pairsAt = new Map<string, Set<string>>();
  const answersOf = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set();
    set.add(value);
    map.set(key, set);
  };
  return {
    add(caseId, where, classes) {
      if (shown.size >= MAX_BODIES || shown.has(caseId)) return;
      shown.set(caseId, { where, classes });
      note(pairsAt, where, classes);
      note(answersOf, classes, caseId);
    },
    settled(caseId) {
      const one = shown.get(caseId);
      if (one === undefined || pairsAt.get(one.where)?.size !== 1) return false;
      return (answersOf.get(one.classes)?.size ?? 0) >= 2;
    },
  };
}
