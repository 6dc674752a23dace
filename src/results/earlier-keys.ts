/**
 * The fingerprints a case's findings had under an earlier keying, for the
 * rows a tracker may still hold of them: since an object empty on one side
 * is one change at the object (`compare/empty-objects.ts`), the rows of its
 * members (`/posts: candidate adds /author`, `/id`, …); since an identifier
 * written where the other side writes an integer is `int-as-string`, the
 * row per resource of its type change; since a `content-length` follows
 * the body it measures, its header row. Those rows are superseded by the
 * findings that now record them (`root-causes.ts`, `tracker/supersede.ts`),
 * never read as resolved while the servers still differ. Pure.
 */
import { findingsOf, structureFindings } from '../compare/findings.js';
import { headerFindings } from '../compare/header-findings.js';
import type { Change } from '../model/comparison.js';
import { isJsonObject } from '../normalise/json.js';
import { sameDecimal } from '../normalise/numbers.js';
import { formatPointer, parsePointer } from '../util/json-pointer.js';
import { ownValue } from '../wire/json-equal.js';
import { CUT_KEY } from './preview.js';
import type { DivergenceResult, ResultFinding } from './types.js';

/** Per fingerprint of a finding of the case: the fingerprints it had before. */
export type EarlierKeys = ReadonlyMap<string, readonly string[]>;

const NONE: EarlierKeys = new Map();

/** The change at `path` among a case's changes. */
const changeAt = (changes: readonly Change[], path: string) =>
  changes.find((change) => change.path === path);

/** The members of an empty-against-filled change as the differ gave them before: one change each. */
function membersOf(change: Change): Change[] {
  const added = isJsonObject(change.candidate) && Object.keys(change.candidate).length > 0;
  const filled = added ? change.candidate : change.baseline;
  if (!isJsonObject(filled)) return [];
  const at = parsePointer(change.path);
  return Object.keys(filled)
    .filter((key) => key !== CUT_KEY)
    .map((key) => {
      const path = formatPointer([...at, key]);
      const value = ownValue(filled, key);
      return added
        ? { path, op: 'added' as const, candidate: value }
        : { path, op: 'removed' as const, baseline: value };
    });
}

/** An integer on one side against a string on the other that does not write it: an identifier. */
function isIdentifierChange(change: Change): boolean {
  const { baseline, candidate } = change;
  const [text, number] =
    typeof baseline === 'string' ? [baseline, candidate] : [candidate, baseline];
  if (typeof text !== 'string') return false;
  return !sameDecimal(text, number) && Number(text) !== number;
}

function earlierOf(result: DivergenceResult, finding: ResultFinding): string[] {
  const { cause } = finding;
  if (cause.type !== 'pattern') return [];
  const changes = finding.paths.flatMap((path) => changeAt(result.changes, path) ?? []);
  if (cause.pattern === 'empty-object') {
    const body = changes.flatMap(membersOf);
    const status = { equal: true, baseline: 200, candidate: 200 };
    const comparison = { status, headers: [], body };
    return findingsOf({ endpoint: result.endpoint, comparison }).map((f) => f.fingerprint);
  }
  if (cause.pattern === 'int-as-string') {
    const identifiers = changes.filter(isIdentifierChange);
    return structureFindings(result.endpoint, identifiers).map((f) => f.fingerprint);
  }
  return [];
}

/**
 * A `content-length` the case's header changes hold that no finding of its
 * own records (it follows the body): its earlier row, under every finding of
 * the body (or the status finding of a part against the whole).
 */
function lengthKeys(result: DivergenceResult, into: Map<string, string[]>): void {
  const length = result.headerChanges.find((change) => change.name === 'content-length');
  if (length === undefined) return;
  const [own] = headerFindings([length], () => false);
  if (own === undefined || result.findings.some((f) => f.fingerprint === own.fingerprint)) return;
  const heirs = result.findings.filter((f) => f.cause.type !== 'header');
  for (const heir of heirs)
    into.set(heir.fingerprint, [...(into.get(heir.fingerprint) ?? []), own.fingerprint]);
}

/** The earlier fingerprints of the findings of `result` (see the module comment). */
export function earlierKeys(result: DivergenceResult): EarlierKeys {
  let out: Map<string, string[]> | undefined;
  for (const finding of result.findings) {
    const earlier = earlierOf(result, finding).filter((old) => old !== finding.fingerprint);
    if (earlier.length === 0) continue;
    out ??= new Map();
    out.set(finding.fingerprint, [...(out.get(finding.fingerprint) ?? []), ...earlier]);
  }
  if (result.headerChanges.length > 0) {
    out ??= new Map();
    lengthKeys(result, out);
  }
  return out ?? NONE;
}
