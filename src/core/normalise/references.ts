/**
 * Values each side generated earlier in the same flow or serial sequence and
 * now echoes: a create answers `id: "b-17"` on one side and `id: "c-9"` on
 * the other; a later list holds `"b-17"` on one side and `"c-9"` on the
 * other, at the same place. Where a later answer holds, at the same place,
 * two values that differ, and each is the value its own side answered at
 * one and the same earlier place (the same case, the same pointer) where the
 * two sides differed too, both are compared as `{{ref}}`: the same
 * reference, each side's own. Found by evidence (the earlier answers), never
 * by the field's name; a value one side echoes from another place, a value
 * the other side never generated, or a plain case outside a sequence still
 * differs. The echo proves the first appearance per-instance too: its places
 * are kept (`echoOrigins`), and the run judges that earlier case again
 * without them once every answer is in (`engine/run/echo-origins.ts`), and
 * the proven pair is handed on (`onProven`: another flow's list holds it
 * again, `same-pairs.ts`). What is remembered is a value of a generated look
 * (a digit among 6 to 512 characters), or a list's key the answer shows was
 * drawn whatever characters it holds (`drawn-keys.ts`: `rMEKdNDn` has no
 * digit); only a value that looks drawn, or such a key, is proven where it
 * first appeared. Captured values of a flow are compared as their placeholders
 * already (`core/flow/mask.ts`); this finds the echoes no capture names. Where it
 * was done is kept, for the reports. Pure, but for the memory a run keeps
 * per sequence (`createReferenceMemory`).
 */
import type { Exchange } from '../../contract/model/exchange.js';
import { joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { type DrawnKeys, drawnKeysOf } from './drawn-keys.js';
import { wrote } from './generated.js';
import { maskPairs } from './pair-walk.js';
import { sequenceKeyOf, structuredBody, withStructuredValue } from './sequence-walk.js';

/** What an echoed reference is compared as. */
export const REFERENCE_TOKEN = '{{ref}}';

/** Where a side first answered a value: one object per place, shared by both sides' memories. */
interface Origin {
  readonly caseId: string;
  readonly path: string;
  /** The place names records by keys each side drew (`drawn-keys.ts`), whatever their characters. */
  readonly drawnKey: boolean;
  /**
   * Tokens without a digit first seen in the answer to a write both sides
   * accepted (a create's `id: "qzkwbmtavx"`): a word may look so too, so
   * their echo counts only where a later list shows them as its drawn keys.
   */
  readonly written?: true;
}

/** A token a write may have drawn without a digit: 8 to 64 letters, digits, `-` or `_`. */
const WRITTEN_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

/** A remembered value → where its side first answered it. */
type Origins = Map<string, Origin>;

/**
 * Values worth remembering: generated ones, by their form (ids, tokens,
 * revisions: 6 to 512 characters, no space, a digit among them). A word
 * (`blue`) or a number (`3`) is data, never taken for a reference.
 */
function referenceText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length < 6 || value.length > 512) return undefined;
  return /\d/.test(value) && !/\s/.test(value) ? value : undefined;
}

/**
 * A value a memory is looked up by: any string a remembered value can be
 * (what is remembered is chosen where it is first answered).
 */
function lookupText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 6 && value.length <= 512 && !/\s/.test(value)
    ? value
    : undefined;
}

/**
 * A value that looks drawn, not written: a run of 8 or more letters and
 * digits holding both (`b-7f3a9c21e4`, a uuid, a token). Only such a value's
 * first appearance is set aside by its echo: a slug (`post-2024`) a side
 * derives from the input differently is data, and its first appearance
 * keeps its row, even where its echo is compared as one reference.
 */
function generated(value: string): boolean {
  return (
    /[A-Za-z0-9]{8,}/.test(value) &&
    [...value.matchAll(/[A-Za-z0-9]{8,}/g)].some(([run]) => /\d/.test(run) && /[A-Za-z]/.test(run))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** Calls `visit` for each pair of leaves at the same place that differ (same member names, same indices). */
function differingLeaves(
  a: unknown,
  b: unknown,
  path: string,
  visit: (path: string, a: unknown, b: unknown) => void,
): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      differingLeaves(a[i], b[i], joinPointer(path, i), visit);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (Object.hasOwn(b, key)) differingLeaves(a[key], b[key], joinPointer(path, key), visit);
    }
    return;
  }
  if (a !== b) visit(path, a, b);
}

/** A run's memory of the values each side generated, per sequence. */
export interface ReferenceMemory {
  /**
   * The exchange with echoed references compared as `{{ref}}` (listed in
   * `echoed`), after which its own generated values are remembered.
   */
  apply(exchange: Exchange): Exchange;
  /**
   * By case id, the places where a value first appeared that a later answer
   * then echoed on both sides (a create's generated id): the echo proves the
   * first appearance per-instance too, but its case was judged before.
   */
  echoOrigins(): ReadonlyMap<string, readonly string[]>;
}

/** A pair of values an echo proved per-instance, and where they first appeared. */
export interface ProvenPair {
  readonly baseline: string;
  readonly candidate: string;
  readonly caseId: string;
  readonly path: string;
}

/** Where `exchange`'s request puts values: its path, query and body (a value it names is data). */
function askedText(exchange: Exchange): string {
  const mine = exchange.flow?.requests.baseline ?? exchange.case.request;
  const theirs = exchange.flow?.requests.candidate ?? exchange.case.request;
  const text = (r: typeof mine) => {
    const query = r.query.map(([k, v]) => `${k}=${v}`).join('&');
    const body =
      r.body.kind === 'json'
        ? JSON.stringify(r.body.value)
        : r.body.kind === 'text'
          ? r.body.text
          : '';
    return `${r.path}?${query} ${body}`;
  };
  return `${text(mine)} ${text(theirs)}`;
}

/**
 * One memory per run: sequences run alone and in order, so each sees its
 * earlier answers. `onProven` hears each pair of values an echo proved
 * per-instance at its first place (the run finds the same pair again
 * elsewhere: `same-pairs.ts`).
 */
export function createReferenceMemory(
  onProven: (pair: ProvenPair) => void = () => {},
): ReferenceMemory {
  const sequences = new Map<string, { baseline: Origins; candidate: Origins }>();
  const proven = new Map<string, Set<string>>();
  const prove = (origin: Origin) => {
    const paths = proven.get(origin.caseId) ?? new Set<string>();
    paths.add(origin.path);
    proven.set(origin.caseId, paths);
  };
  return {
    echoOrigins: () => new Map([...proven].map(([caseId, paths]) => [caseId, [...paths]])),
    apply(exchange) {
      const sequence = sequenceKeyOf(exchange);
      const b = structuredBody(exchange.baseline);
      const c = structuredBody(exchange.candidate);
      if (sequence === undefined || b === undefined || c === undefined || b.kind !== c.kind) {
        return exchange;
      }
      let memory = sequences.get(sequence);
      if (memory === undefined) {
        memory = { baseline: new Map(), candidate: new Map() };
        sequences.set(sequence, memory);
      }
      const { baseline, candidate } = memory;
      let keys: DrawnKeys | undefined;
      const drawn = () => {
        keys ??= drawnKeysOf(b.value, c.value, askedText(exchange));
        return keys;
      };
      const same = (x: unknown, y: unknown) => {
        const [tx, ty] = [lookupText(x), lookupText(y)];
        const at = tx === undefined ? undefined : baseline.get(tx);
        const echoed = at !== undefined && ty !== undefined && candidate.get(ty) === at;
        if (!echoed || tx === undefined) return echoed;
        // A written token without a digit is echoed only as a drawn key of this answer's list.
        if (at.written === true && !(drawn().baseline.has(tx) && drawn().candidate.has(ty))) {
          return false;
        }
        // Drawn keys of a list are proven by the echo whatever they hold; other values must look drawn.
        if (at.drawnKey || at.written === true || (generated(tx) && generated(ty))) {
          prove(at);
          onProven({ baseline: tx, candidate: ty, caseId: at.caseId, path: at.path });
        }
        return echoed;
      };
      const found = maskPairs(b.value, c.value, { hit: same, token: REFERENCE_TOKEN });
      const [left, right] = found.values;
      // Remember where each side first answered the values the two sides differ in.
      const asked = askedText(exchange);
      const write = wrote(
        (exchange.flow?.requests.baseline ?? exchange.case.request).method,
        exchange.baseline,
        exchange.candidate,
      );
      differingLeaves(b.value, c.value, '', (path, x, y) => {
        let [tx, ty] = [referenceText(x), referenceText(y)];
        const drawnKey = drawn().places.has(path);
        // A key drawn without a digit (`rMEKdNDn`) is remembered for what its place shows.
        if (drawnKey) [tx, ty] = [lookupText(x), lookupText(y)];
        // So is a token a write drew without a digit, awaiting a list that shows it drawn.
        const written =
          !drawnKey &&
          (tx === undefined || ty === undefined) &&
          write &&
          typeof x === 'string' &&
          typeof y === 'string' &&
          x.length === y.length &&
          WRITTEN_TOKEN.test(x) &&
          WRITTEN_TOKEN.test(y) &&
          !asked.includes(x) &&
          !asked.includes(y);
        if (written) [tx, ty] = [x, y];
        if (tx === undefined || ty === undefined) return;
        const origin: Origin = {
          caseId: exchange.case.id,
          path,
          drawnKey,
          ...(written ? { written: true as const } : {}),
        };
        if (!baseline.has(tx)) baseline.set(tx, origin);
        if (!candidate.has(ty)) candidate.set(ty, origin);
      });
      if (found.places.length === 0) return exchange;
      const echoed = found.places.map((place) => (place === '' ? '/' : place));
      return {
        ...exchange,
        baseline: withStructuredValue(exchange.baseline, b, left),
        candidate: withStructuredValue(exchange.candidate, c, right),
        echoed,
      };
    },
  };
}
