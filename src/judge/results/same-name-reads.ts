/**
 * A read of a record under another collection than the write that one side
 * refused, where the two paths name the same record (tracker rule 46).
 * TiddlyWiki's server keeps one store of tiddlers and serves it under two
 * collections, a bag and a recipe (`/bags/default/tiddlers/Release plan`,
 * `/recipes/default/tiddlers/Release plan`). 5.3.8 refuses a `DELETE` of the
 * bag's tiddler `403` (a CSRF check) that 5.1.14 performs; the later `GET`
 * through the recipe is then `404` on 5.1.14 and `200` on 5.3.8, the
 * tiddler still there. The consequence rule (`consequences.ts`) reads
 * only a later answer on the same resource (one collection a prefix of the
 * other), so that read was a row of its own.
 *
 * The evidence, read from the run's answers, never from a collection's name:
 * - the write is a `PUT` or a `DELETE` (the methods whose path names the
 *   record itself; a `POST` names a collection, a `PATCH` changes no
 *   record's presence) one side accepted (`2xx`) and the other refused
 *   (`≥ 400`), in a serial file or a flow;
 * - a later `GET` of the same sequence, on a path that does not share the
 *   write's collection, ends in **the same record name**: the last segment,
 *   percent-decoded, written as a name (a segment the endpoint keeps, not an
 *   id it collapses to `:id`: a number names a record only within its
 *   collection);
 * - the read's statuses say **present on one side, absent on the other**
 *   (`2xx` against `404` or `410`), **in the direction the write implies**:
 *   after a `DELETE`, present where it was refused; after a `PUT`, present
 *   where it was accepted;
 * - the present side's answer **names the record**: a string in its body is
 *   the name, or a path that ends in it (`title: "Release plan"`);
 * - the name is **not common**: it ends the paths of at most two places (a
 *   path without its last segment) in the run's answers. A name that ends
 *   three or more (`index`, `config`, `me`) is a kind of page, not one record;
 * - no write both sides accepted sent to that name since (it made the two
 *   sides hold it alike again).
 *
 * Then the read's status, body-kind and structure findings are consequences
 * of the write: they show under its row. **Kept apart**: a read in the
 * direction the write does not imply (the side that deleted still serves
 * the record), another name, a name used as an id, a common name, an answer
 * that does not name the record (a file's bytes, a `HEAD`), two statuses
 * neither of which is `2xx`, reads with no order (neither serial nor a
 * flow), and a read's header and pattern findings (a design difference that
 * shows whatever the state). Pure.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import { collectionOf, operationOfEndpoint, pathOfEndpoint } from '../../core/compare/endpoint.js';
import { hasFindings } from './types.js';

/**
 * Per case id, per finding fingerprint, the row it shows under (`Consequences`
 * in `consequences.ts`, which calls this module: written out, not imported).
 */
type Consequences = ReadonlyMap<string, ReadonlyMap<string, string>>;

type Side = 'baseline' | 'candidate';

/** A `PUT` or `DELETE` accepted on one side only, to a named record. */
interface NamedWrite {
  /** The row the write's status shows under. */
  readonly row: string;
  readonly accepting: Side;
  /** `DELETE`: the accepting side no longer holds the record; `PUT`: only it holds it. */
  readonly removes: boolean;
  readonly collection: readonly string[];
}

/** Statuses that say a record is not there. */
const ABSENT: ReadonlySet<number> = new Set([404, 410]);

/** How many places a name may end before it is a common word rather than one record. */
const MAX_PLACES = 2;

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/** The request path without its query or fragment, split into its segments. */
function segmentsOf(path: string): string[] {
  const cut = path.search(/[?#]/);
  return (cut < 0 ? path : path.slice(0, cut)).split('/').filter((s) => s !== '');
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The record name a result's request path ends in, percent-decoded, with the
 * place it sits in (the path without it); undefined when the endpoint keeps
 * no name there (an id, a flow's variable, an RPC call, the root).
 */
function namedRecordOf(result: AssessedObservation): { name: string; place: string } | undefined {
  const template = segmentsOf(pathOfEndpoint(result.endpoint)).at(-1);
  if (template === undefined || template.startsWith(':')) return undefined;
  if (operationOfEndpoint(result.endpoint) !== undefined) return undefined;
  const segments = segmentsOf(result.request.path);
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  const name = decoded(last);
  if (name.trim() === '') return undefined;
  return { name, place: segments.slice(0, -1).map(decoded).join('/') };
}

/** True when a value in `value` is `name`, or a path that ends in it. */
function names(value: unknown, name: string): boolean {
  if (typeof value === 'string') {
    const trimmed = value.endsWith('/') ? value.slice(0, -1) : value;
    return (
      trimmed === name || trimmed.endsWith(`/${name}`) || decoded(trimmed).endsWith(`/${name}`)
    );
  }
  if (Array.isArray(value)) return value.some((item) => names(item, name));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((item) => names(item, name));
  }
  return false;
}

/** Per name, the places the run's answers put it at the end of a path. */
function placesByName(results: readonly AssessedObservation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const result of results) {
    const named = namedRecordOf(result);
    if (named === undefined) continue;
    const places = out.get(named.name) ?? new Set<string>();
    out.set(named.name, places.add(named.place));
  }
  return out;
}

/** The order a result ran in: its serial file, or its flow; undefined when unordered. */
function sequenceOf(result: AssessedObservation): string | undefined {
  if (result.serial !== undefined) return `serial:${result.serial}`;
  if (result.flow !== undefined) return `flow:${result.flow.id}`;
  return undefined;
}

/** The status finding of a write one side accepted and the other refused, with the accepting side. */
function acceptedOnOneSide(
  result: AssessedDivergence,
): { finding: AssessedFinding; accepting: Side } | undefined {
  const b = result.baseline.status;
  const c = result.candidate.status;
  if (b === undefined || c === undefined) return undefined;
  const accepting = ok(b) && c >= 400 ? 'baseline' : ok(c) && b >= 400 ? 'candidate' : undefined;
  if (accepting === undefined) return undefined;
  const finding = result.findings.find(
    (f) => f.cause.type === 'status' && f.cause.document !== true,
  );
  return finding === undefined ? undefined : { finding, accepting };
}

/** The side a read says holds the record, when one side has it and the other answers it absent. */
function presentSide(result: AssessedDivergence): Side | undefined {
  const b = result.baseline.status;
  const c = result.candidate.status;
  if (ok(b) && c !== undefined && ABSENT.has(c)) return 'baseline';
  if (ok(c) && b !== undefined && ABSENT.has(b)) return 'candidate';
  return undefined;
}

/** Findings of a read that can follow from state (a header or a pattern shows whatever it holds). */
function stateDependent(finding: AssessedFinding): boolean {
  const { type } = finding.cause;
  return type === 'status' || type === 'body-kind' || type === 'structure';
}

function related(a: readonly string[], b: readonly string[]): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  return shorter.every((segment, k) => longer[k] === segment);
}

const other = (side: Side): Side => (side === 'baseline' ? 'candidate' : 'baseline');

/** The write a read follows from, by the evidence of the module comment. */
function writeRead(
  result: AssessedDivergence,
  name: string,
  write: NamedWrite | undefined,
): NamedWrite | undefined {
  if (write === undefined || result.request.method !== 'GET') return undefined;
  if (related(write.collection, collectionOf(result.endpoint))) return undefined;
  const present = presentSide(result);
  const implied = write.removes ? other(write.accepting) : write.accepting;
  if (present === undefined || present !== implied) return undefined;
  return names(result.bodies[present], name) ? write : undefined;
}

/**
 * The reads that follow from an earlier write to a record of the same name
 * under another collection (see the module comment), by case id; `marks`:
 * the consequences already found, which keep their rows.
 */
export function sameNameConsequences(
  results: readonly AssessedObservation[],
  marks: Consequences,
): Consequences {
  const places = placesByName(results);
  const writes = new Map<string, Map<string, NamedWrite>>();
  const out = new Map<string, Map<string, string>>();
  for (const result of results) {
    const sequence = sequenceOf(result);
    const named = namedRecordOf(result);
    if (sequence === undefined || named === undefined) continue;
    if ((places.get(named.name)?.size ?? 0) > MAX_PLACES) continue;
    const earlier = writes.get(sequence) ?? new Map<string, NamedWrite>();
    writes.set(sequence, earlier);
    const method = result.request.method;
    if (method === 'PUT' || method === 'DELETE') {
      // A write both sides accepted makes them hold the record alike again.
      if (ok(result.baseline.status) && ok(result.candidate.status)) earlier.delete(named.name);
      if (!hasFindings(result)) continue;
      const refused = acceptedOnOneSide(result);
      if (refused === undefined) continue;
      const own = marks.get(result.caseId);
      const { finding, accepting } = refused;
      const row = own?.get(finding.fingerprint) ?? finding.consequenceOf ?? finding.fingerprint;
      const collection = collectionOf(result.endpoint);
      earlier.set(named.name, { row, accepting, removes: method === 'DELETE', collection });
      continue;
    }
    if (!hasFindings(result)) continue;
    const write = writeRead(result, named.name, earlier.get(named.name));
    if (write === undefined) continue;
    const own = marks.get(result.caseId);
    for (const finding of result.findings) {
      if (own?.has(finding.fingerprint) || finding.consequenceOf !== undefined) continue;
      if (!stateDependent(finding) || finding.fingerprint === write.row) continue;
      const kept = out.get(result.caseId) ?? new Map<string, string>();
      out.set(result.caseId, kept.set(finding.fingerprint, write.row));
    }
  }
  return out;
}
