/**
 * Values that came from captures are expected to differ between the two
 * sides (each runtime assigned its own id, its own ETag): where both answers
 * hold their own side's value of the same variable at the same place, both
 * are replaced by the variable's placeholder (`{{id}}`) before the answers
 * are compared. Everything else is compared as usual: a captured value in
 * one answer only, or a number on one side and a string on the other, still
 * differs. Pure.
 */

import type { Captured, Variables } from '../../contract/model/case.js';
import type {
  Exchange,
  Response,
  ResponseBody,
  SideOutcome,
} from '../../contract/model/exchange.js';
import { formatPointer, joinPointer, parsePointer } from '../../util/json-pointer.js';
import { type DrawnShow, drawnAs, drawnClassOf } from '../normalise/drawn-formats.js';
import { isExactNumber } from '../wire/exact-number.js';
import { isTreeBody, treeWithValue } from '../wire/tree-body.js';
import { textOfValue } from './capture.js';
import { placeholder } from './template.js';

/** One variable whose two sides' values differ. */
interface Pair {
  readonly placeholder: string;
  readonly baseline: Captured;
  readonly candidate: Captured;
}

/** The two answers with the captured values masked, and where (`/id`, `header etag`). */
export interface MaskedAnswers {
  readonly baseline: SideOutcome;
  readonly candidate: SideOutcome;
  readonly masked: readonly string[];
  /** Where a whole string was masked, each side's value: what the run reads their formats from. */
  readonly drawn?: readonly DrawnShow[];
}

/**
 * A flow step's exchange with its captured values masked (others are
 * returned as they are). The replica answer (`--noise`) holds the values
 * its own run captured: masked against the baseline's the same way, so the
 * two runs' own ids are no noise learned (and no list element that seems
 * present once, where `{{id}}` meets a raw id).
 */
export function maskExchange(exchange: Exchange): Exchange {
  const { flow, replica } = exchange;
  if (flow === undefined) return exchange;
  const answers = maskCaptured(exchange.baseline, exchange.candidate, flow.variables);
  const again =
    replica === undefined || flow.replicaVariables === undefined
      ? undefined
      : maskCaptured(
          exchange.baseline,
          replica,
          { baseline: flow.variables.baseline, candidate: flow.replicaVariables },
          // Only where the baseline itself is masked: elsewhere it keeps its raw value.
          new Set(answers.masked),
          answers.drawn,
        );
  if (answers.masked.length === 0 && (again === undefined || again.masked.length === 0)) {
    return exchange;
  }
  return {
    ...exchange,
    baseline: answers.baseline,
    candidate: answers.candidate,
    ...(again === undefined || again.masked.length === 0 ? {} : { replica: again.candidate }),
    flow:
      answers.masked.length === 0
        ? flow
        : {
            ...flow,
            masked: answers.masked,
            ...(answers.drawn === undefined || answers.drawn.length === 0
              ? {}
              : { drawn: answers.drawn }),
          },
  };
}

/** Variables set on both sides with different values, longest values first. */
function pairsOf(baseline: Variables, candidate: Variables): Pair[] {
  const pairs: Pair[] = [];
  for (const [name, b] of baseline) {
    const c = candidate.get(name);
    if (c !== undefined && c.text !== b.text) {
      pairs.push({ placeholder: placeholder(name), baseline: b, candidate: c });
    }
  }
  const longest = (pair: Pair) => Math.max(pair.baseline.text.length, pair.candidate.text.length);
  return pairs.sort((x, y) => longest(y) - longest(x));
}

/**
 * Mask the captured values of `variables` in both answers (see the module
 * comment); with `only`, at those places alone (`/id`, `header location`, `body`).
 */
export function maskCaptured(
  baseline: SideOutcome,
  candidate: SideOutcome,
  variables: { readonly baseline: Variables; readonly candidate: Variables },
  only?: ReadonlySet<string>,
  /** For a replica's answer: the baseline's drawn values as the sides' masking found them. */
  sides?: readonly DrawnShow[],
): MaskedAnswers {
  const pairs = pairsOf(variables.baseline, variables.candidate);
  if (pairs.length === 0 || baseline.outcome !== 'response' || candidate.outcome !== 'response') {
    return { baseline, candidate, masked: [] };
  }
  if (only?.size === 0) return { baseline, candidate, masked: [] };
  const masked: string[] = [];
  const drawn: DrawnShow[] = [];
  const headers = maskHeaders(baseline.response, candidate.response, { pairs, only }, masked);
  const bodies = maskBodies(
    baseline.response.body,
    candidate.response.body,
    { pairs, only, drawn, ...(sides === undefined ? {} : { sides }) },
    masked,
  );
  if (masked.length === 0) return { baseline, candidate, masked };
  return {
    baseline: {
      outcome: 'response',
      response: { ...baseline.response, ...headers.baseline, ...bodies.baseline },
    },
    candidate: {
      outcome: 'response',
      response: { ...candidate.response, ...headers.candidate, ...bodies.candidate },
    },
    masked,
    drawn,
  };
}

type Sides<T> = { readonly baseline: T; readonly candidate: T };

/** The pairs to mask, and the places allowed (all when undefined). */
interface Masking {
  readonly pairs: readonly Pair[];
  readonly only: ReadonlySet<string> | undefined;
  /** Where a whole string was masked in a body, each side's value (`maskBodies` only). */
  readonly drawn?: DrawnShow[];
  /** A replica's masking: where the sides' masking found drawn values, and which. */
  readonly sides?: readonly DrawnShow[];
}

const allowed = (masking: Masking, place: string) =>
  masking.only === undefined || masking.only.has(place);

function maskHeaders(
  b: Response,
  c: Response,
  masking: Masking,
  masked: string[],
): Sides<Partial<Response>> {
  const left: Record<string, string> = { ...b.headers };
  const right: Record<string, string> = { ...c.headers };
  let changed = false;
  for (const name of Object.keys(left)) {
    if (!allowed(masking, `header ${name}`)) continue;
    const pair = maskStrings(left[name] ?? '', right[name], masking.pairs);
    if (pair === undefined) continue;
    [left[name], right[name]] = pair;
    masked.push(`header ${name}`);
    changed = true;
  }
  return changed ? { baseline: { headers: left }, candidate: { headers: right } } : NONE;
}

const NONE: Sides<Partial<Response>> = { baseline: {}, candidate: {} };

function maskBodies(
  b: ResponseBody,
  c: ResponseBody,
  masking: Masking,
  masked: string[],
): Sides<Partial<Response>> {
  if (isTreeBody(b) && isTreeBody(c) && b.kind === c.kind) {
    const before = masked.length;
    const [left, right] = walk(b.value, c.value, { ...masking, masked, path: '' });
    if (masked.length === before) return NONE;
    // The texts still hold the raw values: without them, no wire notes are made up.
    return {
      baseline: { body: treeWithValue(b, left) },
      candidate: { body: treeWithValue(c, right) },
    };
  }
  if (b.kind === 'text' && c.kind === 'text' && allowed(masking, 'body')) {
    const pair = maskStrings(b.text, c.text, masking.pairs);
    if (pair === undefined) return NONE;
    masked.push('body');
    return {
      baseline: { body: { kind: 'text', text: pair[0] } },
      candidate: { body: { kind: 'text', text: pair[1] } },
    };
  }
  return NONE;
}

interface WalkState extends Masking {
  readonly masked: string[];
  readonly path: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** Both values with masked leaves; the inputs themselves when nothing under them changed. */
function walk(b: unknown, c: unknown, state: WalkState): [unknown, unknown] {
  if (Array.isArray(b) && Array.isArray(c)) {
    const left = [...b];
    const right = [...c];
    let changed = false;
    const before = state.masked.length;
    const paired = Math.min(b.length, c.length);
    for (let index = 0; index < paired; index++) {
      const [x, y] = walk(b[index], c[index], { ...state, path: joinPointer(state.path, index) });
      if (x !== b[index] || y !== c[index]) changed = true;
      left[index] = x;
      right[index] = y;
    }
    // The elements one side lists more: masked where the paired elements were (`maskUnpaired`).
    const longer = b.length > c.length ? left : right;
    const side = longer === left ? 'baseline' : 'candidate';
    const places = memberPlaces(state.masked.slice(before), state.path);
    for (let index = paired; index < longer.length && places.length > 0; index++) {
      const path = joinPointer(state.path, index);
      const masked = maskUnpaired(longer[index], places, { ...state, path }, side);
      if (masked === longer[index]) continue;
      longer[index] = masked;
      changed = true;
    }
    return changed ? [left, right] : [b, c];
  }
  if (isObject(b) && isObject(c)) {
    const keyed = renameKeys(b, c, state);
    const [bb, cc] = [keyed.baseline, keyed.candidate];
    let left: Record<string, unknown> | undefined = keyed.renamed ? { ...bb } : undefined;
    let right: Record<string, unknown> | undefined = keyed.renamed ? { ...cc } : undefined;
    for (const key of Object.keys(bb)) {
      if (!Object.hasOwn(cc, key)) continue;
      const [x, y] = walk(bb[key], cc[key], { ...state, path: joinPointer(state.path, key) });
      if (x === bb[key] && y === cc[key]) continue;
      left ??= { ...bb };
      right ??= { ...cc };
      left[key] = x;
      right[key] = y;
    }
    return left === undefined || right === undefined ? [b, c] : [left, right];
  }
  return leaf(b, c, state);
}

/**
 * Both objects with a member keyed by its own side's value of one variable
 * (an ACL keyed by the id of the user each side created in the flow) keyed
 * by the variable's placeholder instead (`/ACL/{{user}}`), so the member is
 * compared as one: only where the baseline's object has the baseline's
 * value as a key and the candidate's the candidate's, neither the other's,
 * and the placeholder is no key already. Other keys are compared as they are.
 */
function renameKeys(
  b: Record<string, unknown>,
  c: Record<string, unknown>,
  state: WalkState,
): Sides<Record<string, unknown>> & { readonly renamed: boolean } {
  let left = b;
  let right = c;
  let renamed = false;
  for (const pair of state.pairs) {
    const [x, y] = [pair.baseline.text, pair.candidate.text];
    if (typeof pair.baseline.value !== 'string' || typeof pair.candidate.value !== 'string') {
      continue;
    }
    if (!Object.hasOwn(left, x) || !Object.hasOwn(right, y)) continue;
    if (Object.hasOwn(left, y) || Object.hasOwn(right, x)) continue;
    if (Object.hasOwn(left, pair.placeholder) || Object.hasOwn(right, pair.placeholder)) continue;
    const pointer = joinPointer(state.path, x);
    if (!allowed(state, pointer)) continue;
    left = withKey(left, x, pair.placeholder);
    right = withKey(right, y, pair.placeholder);
    state.masked.push(pointer);
    renamed = true;
  }
  return { baseline: left, candidate: right, renamed };
}

/** `object` with the member `from` keyed `to`, in its place among the others. */
function withKey(
  object: Record<string, unknown>,
  from: string,
  to: string,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key === from ? to : key, value]),
  );
}

/**
 * The places within an element of the list at `list` (segments after its
 * index) where `masked` (pointers masked under that list) shows captured values.
 */
function memberPlaces(masked: readonly string[], list: string): string[][] {
  const places = new Map<string, string[]>();
  const depth = list === '' ? 0 : parsePointer(list).length;
  for (const pointer of masked) {
    if (pointer === '/' || !pointer.startsWith(`${list}/`)) continue;
    const place = parsePointer(pointer).slice(depth + 1);
    if (place.length > 0) places.set(JSON.stringify(place), place);
  }
  return [...places.values()];
}

/**
 * An element only `side`'s list holds (the other side lists fewer): its own
 * value of a variable masked at the places of the elements both sides list
 * (`memberPlaces`), so a record one side lists more (a group node, a
 * README) keeps its captured id compared as the placeholder, as its
 * neighbours do. The element itself when nothing there holds its side's value.
 */
function maskUnpaired(
  element: unknown,
  places: readonly string[][],
  state: WalkState,
  side: 'baseline' | 'candidate',
): unknown {
  let out = element;
  for (const place of places) {
    const pointer = state.path + formatPointer(place);
    if (!allowed(state, pointer)) continue;
    out = maskAt(
      out,
      place,
      (value) => ownMasked(value, state.pairs, side),
      () => {
        state.masked.push(pointer);
      },
    );
  }
  return out;
}

/** `value` with `mask` applied at `place` (copied along the way); `value` itself when it changed nothing. */
function maskAt(
  value: unknown,
  place: readonly string[],
  mask: (leaf: unknown) => unknown,
  masked: () => void,
): unknown {
  const [head, ...rest] = place;
  if (head === undefined) {
    const out = mask(value);
    if (out !== value) masked();
    return out;
  }
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= value.length) return value;
    const inner = maskAt(value[index], rest, mask, masked);
    if (inner === value[index]) return value;
    const copy = [...value];
    copy[index] = inner;
    return copy;
  }
  if (!isObject(value) || !Object.hasOwn(value, head)) return value;
  const inner = maskAt(value[head], rest, mask, masked);
  return inner === value[head] ? value : { ...value, [head]: inner };
}

/** A leaf holding `side`'s own value of a variable (whole, or bounded in a text) as its placeholder. */
function ownMasked(
  value: unknown,
  pairs: readonly Pair[],
  side: 'baseline' | 'candidate',
): unknown {
  for (const pair of pairs) if (holds(value, pair[side])) return pair.placeholder;
  if (typeof value !== 'string') return value;
  let out = value;
  for (const pair of pairs) out = bounded(out, pair[side].text, pair.placeholder) ?? out;
  return out;
}

function leaf(b: unknown, c: unknown, state: WalkState): [unknown, unknown] {
  if (!allowed(state, state.path === '' ? '/' : state.path)) return [b, c];
  for (const pair of state.pairs) {
    // The same variable's own value on each side, and the same JSON type on both.
    if (kindOf(b) === kindOf(c) && holds(b, pair.baseline) && holds(c, pair.candidate)) {
      state.masked.push(state.path === '' ? '/' : state.path);
      return wholeMasked(b, c, pair.placeholder, state);
    }
  }
  if (typeof b === 'string' && typeof c === 'string') {
    if (drawnAgain(b, c, state)) {
      state.masked.push(state.path === '' ? '/' : state.path);
      return wholeMasked(b, c, DRAWN_AGAIN, state);
    }
    const pair = maskStrings(b, c, state.pairs);
    if (pair !== undefined) {
      state.masked.push(state.path === '' ? '/' : state.path);
      return pair;
    }
  }
  return [b, c];
}

/**
 * Two whole values masked as `placeholder`, remembered with their place
 * (`Masking.drawn`): where each side's value is a string of a format class
 * of its own (`core/normalise/drawn-formats.ts`: decimal digits against hex
 * digits), each is compared as its class (`{{lease drawn as decimal}}`), so
 * the format stays a difference and the values none; the end of the run
 * masks it where not every answer shows it so.
 */
function wholeMasked(
  b: unknown,
  c: unknown,
  placeholder: string,
  state: WalkState,
): [string, string] {
  if (typeof b !== 'string' || typeof c !== 'string' || state.drawn === undefined) {
    return [placeholder, placeholder];
  }
  const place = state.path === '' ? '/' : state.path;
  const name = placeholder.slice(2, -2);
  if (state.sides !== undefined) {
    // A replica's value compared as the baseline's was, where it is of the baseline's class.
    const shown = state.sides.find((show) => show.place === place);
    const x = drawnClassOf(shown?.baseline);
    const y = drawnClassOf(shown?.candidate);
    if (x === undefined || y === undefined || x === y || drawnClassOf(c) !== x) {
      return [placeholder, placeholder];
    }
    return [drawnAs(name, x), drawnAs(name, x)];
  }
  state.drawn.push({ place, baseline: b, candidate: c });
  const x = drawnClassOf(b);
  const y = drawnClassOf(c);
  if (x === undefined || y === undefined || x === y) return [placeholder, placeholder];
  return [drawnAs(name, x), drawnAs(name, y)];
}

/** What a value each side drew again where the flow captured one is compared as. */
const DRAWN_AGAIN = '{{generated}}';

/** A run of 8 letters and digits or more holding both: a value that looks drawn, not written. */
function looksDrawn(value: string): boolean {
  return [...value.matchAll(/[A-Za-z0-9]{8,}/g)].some(
    ([run]) => /\d/.test(run) && /[A-Za-z]/.test(run),
  );
}

/** A drawn value's form: its length and its characters other than letters and digits, in place. */
function formOf(value: string): string {
  return value.replace(/[A-Za-z0-9]/g, '.');
}

/**
 * Whether `b` and `c` are values each side drew again, per call, at a member
 * the flow captured a value of earlier (a session token each log-in draws
 * anew, where the sign-up's was captured): the member's name is the last key
 * of a variable's pointer (`json /sessionToken`), both values look drawn,
 * and each has the form of its own side's captured value (the same length,
 * the same marks in place: `r:` and 32 hex digits) without being it. Either
 * side's value of another form, or a word, still differs.
 */
function drawnAgain(b: string, c: string, state: WalkState): boolean {
  if (b === c || !looksDrawn(b) || !looksDrawn(c)) return false;
  const field = parsePointer(state.path).at(-1);
  if (field === undefined) return false;
  return state.pairs.some(({ baseline, candidate }) => {
    const from = baseline.from ?? candidate.from;
    if (from === undefined || parsePointer(from).at(-1) !== field) return false;
    if (typeof baseline.value !== 'string' || typeof candidate.value !== 'string') return false;
    const form = formOf(baseline.text);
    return (
      b !== baseline.text &&
      c !== candidate.text &&
      formOf(candidate.text) === form &&
      formOf(b) === form &&
      formOf(c) === form
    );
  });
}

function kindOf(value: unknown): string {
  return isExactNumber(value) ? 'number' : value === null ? 'null' : typeof value;
}

function holds(value: unknown, captured: Captured): boolean {
  return kindOf(value) === kindOf(captured.value) && textOfValue(value) === captured.text;
}

/**
 * Both strings with every bounded occurrence of their own side's value
 * replaced, when each holds its side's value of the same variables; else undefined.
 */
function maskStrings(
  b: string,
  c: string | undefined,
  pairs: readonly Pair[],
): [string, string] | undefined {
  if (c === undefined) return undefined;
  let left = b;
  let right = c;
  let found = false;
  for (const pair of pairs) {
    // Found, not changed: a recorded baseline holds the placeholder itself as its value.
    const x = bounded(left, pair.baseline.text, pair.placeholder);
    const y = bounded(right, pair.candidate.text, pair.placeholder);
    if (x === undefined || y === undefined) continue;
    left = x;
    right = y;
    found = true;
  }
  return found ? [left, right] : undefined;
}

const WORD = /[A-Za-z0-9]/;

/**
 * `text` with each occurrence of `value` that is not part of a longer word
 * replaced (`1` in `/notes/1`, never in `v1` or `10`).
 */
export function replaceBounded(text: string, value: string, replacement: string): string {
  return bounded(text, value, replacement) ?? text;
}

/** `replaceBounded`, or undefined when `text` holds no bounded occurrence of `value`. */
function bounded(text: string, value: string, replacement: string): string | undefined {
  if (value === '' || !text.includes(value)) return undefined;
  let out = '';
  let from = 0;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    if (at < from) continue;
    const before = text[at - 1] ?? '';
    const after = text[at + value.length] ?? '';
    const startsWord = WORD.test(value[0] ?? '') && WORD.test(before);
    const endsWord = WORD.test(value[value.length - 1] ?? '') && WORD.test(after);
    if (startsWord || endsWord) continue;
    out += text.slice(from, at) + replacement;
    from = at + value.length;
  }
  return from === 0 ? undefined : out + text.slice(from);
}
