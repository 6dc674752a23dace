/**
 * An XML element that occurs once is an object in the tree of `xml/tree.ts`,
 * several times an array: a multistatus with one `response` and one with two
 * have another shape where the same elements sit. Before two XML trees are
 * diffed, an element that is a list on one side and a single element on the
 * other is read as a list of one on that side, so the difference is the
 * elements one side has more (or the one they share changed), not an
 * `object vs array` at the list. Pure; copies only what it changes.
 */

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An element's value that may stand as a list's element: an object or a text. */
function isElement(value: unknown): boolean {
  return isRecord(value) || typeof value === 'string';
}

/** `baseline` and `candidate` with every list-of-one read as a list where the other side has a list. */
export function sameListShapes(baseline: unknown, candidate: unknown): [unknown, unknown] {
  if (Array.isArray(baseline) && Array.isArray(candidate)) {
    let b: unknown[] | undefined;
    let c: unknown[] | undefined;
    const n = Math.min(baseline.length, candidate.length);
    for (let i = 0; i < n; i++) {
      const [x, y] = sameListShapes(baseline[i], candidate[i]);
      if (x !== baseline[i]) (b ??= [...baseline])[i] = x;
      if (y !== candidate[i]) (c ??= [...candidate])[i] = y;
    }
    return [b ?? baseline, c ?? candidate];
  }
  if (!isRecord(baseline) || !isRecord(candidate)) return [baseline, candidate];
  let b: Record<string, unknown> | undefined;
  let c: Record<string, unknown> | undefined;
  for (const key of Object.keys(baseline)) {
    if (key.startsWith('@') || key === '#text' || !Object.hasOwn(candidate, key)) continue;
    let x = baseline[key];
    let y = candidate[key];
    if (Array.isArray(x) && !Array.isArray(y) && isElement(y)) y = [y];
    else if (Array.isArray(y) && !Array.isArray(x) && isElement(x)) x = [x];
    [x, y] = sameListShapes(x, y);
    if (x !== baseline[key]) (b ??= { ...baseline })[key] = x;
    if (y !== candidate[key]) (c ??= { ...candidate })[key] = y;
  }
  return [b ?? baseline, c ?? candidate];
}
