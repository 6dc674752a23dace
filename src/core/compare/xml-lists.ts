/**
 * An XML element that occurs once is an object in the tree of `core/xml/tree.ts`,
 * several times an array: a multistatus with one `response` and one with two
 * have another shape where the same elements sit. Before two XML trees are
 * diffed, an element that is a list on one side and a single element on the
 * other is read as a list of one on that side, so the difference is the
 * elements one side has more (or the one they share changed), not an
 * `object vs array` at the list. Pure.
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
    const b = [...baseline];
    const c = [...candidate];
    let changed = false;
    const n = Math.min(baseline.length, candidate.length);
    for (let i = 0; i < n; i++) {
      const [x, y] = sameListShapes(baseline[i], candidate[i]);
      changed ||= x !== baseline[i] || y !== candidate[i];
      b[i] = x;
      c[i] = y;
    }
    return changed ? [b, c] : [baseline, candidate];
  }
  if (!isRecord(baseline) || !isRecord(candidate)) return [baseline, candidate];
  const b: Record<string, unknown> = { ...baseline };
  const c: Record<string, unknown> = { ...candidate };
  let changed = false;
  for (const key of Object.keys(baseline)) {
    if (key.startsWith('@') || key === '#text' || !Object.hasOwn(candidate, key)) continue;
    let x = baseline[key];
    let y = candidate[key];
    if (Array.isArray(x) && !Array.isArray(y) && isElement(y)) y = [y];
    else if (Array.isArray(y) && !Array.isArray(x) && isElement(x)) x = [x];
    [x, y] = sameListShapes(x, y);
    changed ||= x !== baseline[key] || y !== candidate[key];
    b[key] = x;
    c[key] = y;
  }
  return changed ? [b, c] : [baseline, candidate];
}
