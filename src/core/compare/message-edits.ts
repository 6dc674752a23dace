/**
 * One edit that rewords a side's messages (issue 43, rule 8). On error
 * answers each wording of a message is its own question (`data-places.ts`),
 * but a validator replaced by another release rewords its **whole set** of
 * messages one way: Ajv 6's `should be <= 50` is Ajv 8's `Request query
 * parameter limit must be <= 50`, and every other message of it alike. That
 * is one decision, not one per message.
 *
 * The evidence, at one field (the last key of the value's path, wherever it
 * sits: `/validation/*\/message` and a list's `/message` are one) on error
 * answers: **three pairs of wordings or more** (baseline template, candidate
 * template) that each relate by **the same edit**:
 *
 * - the candidate's wording holds the baseline's words **in order** (an
 *   elided part, `…`, stands for any one word), at least two of them and at
 *   least half of the baseline's, one word or more word for word;
 * - the words the baseline has and the candidate writes otherwise are the
 *   same **substitutions** in every pair (`should` → `must`, `is` dropped),
 *   and so is every change of letter case (`required` → `Required`) and of
 *   the closing mark (a `.` added);
 * - what the candidate adds beyond that is text **at one end**, the same end
 *   in every pair (a prefix naming the part of the request, or the field's
 *   path); some pairs may add text at the other end too (`; found 'note'`),
 *   never instead.
 *
 * Those pairs are one change, keyed by their field and the edit in words
 * (`edit`), never by their wordings. **Kept apart**: fewer than three pairs;
 * a pair that relates by another edit or by none (two unrelated messages at
 * one field, a request one side refused for another reason: the candidate's
 * wording does not hold the baseline's); a pair whose wordings share less
 * than the words above. Each stays a row of its own wording. Pure.
 */

import { compareText } from '../../util/text.js';
import { wasCut } from './refusal.js';

/** At least this many pairs of wordings, each related by one edit, make it systematic. */
const PAIRS = 3;
/** At least this many baseline words a pair keeps (word for word, or an elided part). */
const KEPT = 2;

/** Punctuation around a word that says nothing of the word itself. */
const MARKS = /^[.,;:!?"'()[\]{}]+|[.,;:!?"'()[\]{}]+$/g;
/** The closing mark of a wording (`.`, `!`, `?`). */
const CLOSING = /[.!?]+$/;
const ELIDED = '…';

interface Word {
  readonly raw: string;
  /** Lower case, without the marks around it: what two words are matched by. */
  readonly bare: string;
}

function wordsOf(template: string): Word[] {
  return template
    .split(/\s+/)
    .filter((raw) => raw !== '')
    .map((raw) => {
      const bare = raw.toLowerCase().replace(MARKS, '');
      return { raw, bare: bare === '' ? raw.toLowerCase() : bare };
    });
}

/** 2 for one word written alike, 1 for an elided part against a word, 0 for none. */
function matchOf(a: Word, b: Word): number {
  if (a.bare === b.bare) return 2;
  return a.bare === ELIDED || b.bare === ELIDED ? 1 : 0;
}

/** The words of `a` and `b` matched in order, most alike first (a weighted longest common subsequence). */
function align(a: readonly Word[], b: readonly Word[]): [number, number][] {
  const score: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  const at = (i: number, j: number) => score[i]?.[j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    const row = score[i] ?? [];
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const [x, y] = [a[i], b[j]];
      const here = x === undefined || y === undefined ? 0 : matchOf(x, y);
      row[j] = Math.max(at(i + 1, j), at(i, j + 1), here === 0 ? 0 : here + at(i + 1, j + 1));
    }
  }
  const out: [number, number][] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    const [x, y] = [a[i], b[j]];
    const here = x === undefined || y === undefined ? 0 : matchOf(x, y);
    // An elided part matches the candidate's word next to the words matched after it, so
    // that what the candidate adds before it is added text (`Request body property sku`).
    const later = here === 1 && at(i, j + 1) === at(i, j);
    if (here > 0 && !later && at(i, j) === here + at(i + 1, j + 1)) {
      out.push([i, j]);
      i += 1;
      j += 1;
    } else if (at(i, j) === at(i + 1, j)) i += 1;
    else j += 1;
  }
  return out;
}

/** How one pair's candidate wording is made from the baseline's. */
interface PairEdit {
  /** What is the same edit in every pair: substitutions, case, closing mark. */
  readonly key: string;
  /** The baseline's unmatched words before (after) the first (last) matched word. */
  readonly head: readonly string[];
  readonly tail: readonly string[];
  /** The candidate's words there. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly inner: readonly string[];
  readonly cased: readonly string[];
  readonly closing: string;
}

const bares = (words: readonly Word[]) => words.map((word) => word.bare);
const spans = (words: readonly string[]) => words.map((word) => `\`${word}\``).join(' ');

/** A word's change of letter case, when it is one. */
function caseOf(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const upper = a.charAt(0).toUpperCase() + a.slice(1);
  if (b === upper) return 'capitalised';
  if (a === b.charAt(0).toUpperCase() + b.slice(1)) return 'lowercased';
  return 'recased';
}

/** How `b` is made from `a` (see the module comment); undefined when it holds too little of `a`. */
function pairEdit(baseline: string, candidate: string): PairEdit | undefined {
  let a = wordsOf(baseline);
  let b = wordsOf(candidate);
  // A cut template ends mid-text: its last word is partial and what follows is unseen.
  const cut = wasCut(baseline) || wasCut(candidate);
  if (wasCut(baseline)) a = a.slice(0, -1);
  if (wasCut(candidate)) b = b.slice(0, -1);
  const pairs = align(a, b);
  const first = pairs[0];
  const last = pairs.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const word = pairs.filter(([i, j]) => a[i]?.bare === b[j]?.bare).length;
  if (pairs.length < KEPT || word === 0 || pairs.length * 2 < a.length) return undefined;
  const inner: string[] = [];
  const cased = new Set<string>();
  for (const [k, [i, j]] of pairs.entries()) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && y !== undefined && x.bare === y.bare) {
      const change = caseOf(x.raw.replace(MARKS, ''), y.raw.replace(MARKS, ''));
      if (change !== undefined) cased.add(change);
    }
    const next = pairs[k + 1];
    if (next === undefined) continue;
    const gapA = bares(a.slice(i + 1, next[0]));
    const gapB = bares(b.slice(j + 1, next[1]));
    if (gapA.length > 0 || gapB.length > 0) inner.push(substitution(gapA, gapB));
  }
  const closing = (text: readonly Word[]) => CLOSING.exec(text.at(-1)?.raw ?? '')?.[0] ?? '';
  const ends = !cut && last[0] === a.length - 1 && last[1] === b.length - 1;
  const mark = ends ? [closing(a), closing(b)] : ['', ''];
  const head = bares(a.slice(0, first[0]));
  const tail = cut ? [] : bares(a.slice(last[0] + 1));
  const shown = {
    head,
    tail,
    inner,
    cased: [...cased].sort(compareText),
    closing: mark[0] === mark[1] ? '' : `${mark[0]}>${mark[1]}`,
  };
  return {
    ...shown,
    key: JSON.stringify(shown),
    before: bares(b.slice(0, first[1])),
    after: cut ? [] : bares(b.slice(last[1] + 1)),
  };
}

/** `` `should` → `must` ``, `` `is` dropped ``, `` `now` added ``: one substitution in words. */
function substitution(from: readonly string[], to: readonly string[]): string {
  if (to.length === 0) return `${spans(from)} dropped`;
  if (from.length === 0) return `${spans(to)} added`;
  return `${spans(from)} → ${spans(to)}`;
}

/** The longest run of words every list ends with (`fromEnd`) or starts with. */
function shared(lists: readonly (readonly string[])[], fromEnd: boolean): string[] {
  const [one, ...rest] = lists.map((list) => (fromEnd ? [...list].reverse() : [...list]));
  if (one === undefined) return [];
  let length = 0;
  while (length < one.length && rest.every((list) => list[length] === one[length])) length += 1;
  const run = one.slice(0, length);
  return fromEnd ? run.reverse() : run;
}

/**
 * The words every pair writes for the baseline's words at one end (its
 * `head` or `tail`), no more words than those: what they are substituted by
 * there (`should` → `must`), the rest added (`Request query parameter limit`).
 */
function substituted(edits: readonly PairEdit[], end: 'head' | 'tail'): string[] {
  const words = edits[0]?.[end].length ?? 0;
  if (words === 0) return [];
  const head = end === 'head';
  const run = shared(
    edits.map((e) => (head ? e.before : e.after)),
    head,
  );
  return head ? run.slice(-words) : run.slice(0, words);
}

/**
 * The edit in words of pairs that share one `key`, or undefined when what
 * they add sits at no one end: `` `should` → `must`; words added before each ``.
 */
function editOfGroup(edits: readonly PairEdit[]): string | undefined {
  const [one] = edits;
  if (one === undefined) return undefined;
  const before = substituted(edits, 'head');
  const after = substituted(edits, 'tail');
  const addsBefore = edits.filter((e) => e.before.length > before.length).length;
  const addsAfter = edits.filter((e) => e.after.length > after.length).length;
  const all = edits.length;
  // Words some pairs add at the other end too (Ajv 8's `; found 'note'`) are not part of the edit.
  let added: string | undefined;
  if (addsBefore === all) added = 'words added before each';
  else if (addsAfter === all) added = 'words added after each';
  else if (addsBefore > 0 || addsAfter > 0) return undefined;
  const parts = [
    ...(one.head.length > 0 ? [substitution(one.head, before)] : []),
    ...one.inner,
    ...(one.tail.length > 0 ? [substitution(one.tail, after)] : []),
    ...one.cased.map((change) => `words ${change}`),
    ...(one.closing === '' ? [] : [closingWords(one.closing)]),
    ...(added === undefined ? [] : [added]),
  ];
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** `>.` → `` `.` added at the end ``. */
function closingWords(closing: string): string {
  const [from = '', to = ''] = closing.split('>');
  if (from === '') return `\`${to}\` added at the end`;
  if (to === '') return `\`${from}\` dropped at the end`;
  return `\`${from}\` → \`${to}\` at the end`;
}

/**
 * The pairs of wordings at one field that one edit relates (see the module
 * comment), each (`JSON.stringify([baseline, candidate])`) mapped to that
 * edit in words; pairs of no such edit are left out.
 */
export function systematicEdits(
  pairs: Iterable<readonly [baseline: string, candidate: string]>,
): Map<string, string> {
  const byKey = new Map<string, { pair: string; edit: PairEdit }[]>();
  const seen = new Set<string>();
  for (const [baseline, candidate] of pairs) {
    const pair = JSON.stringify([baseline, candidate]);
    if (seen.has(pair)) continue;
    seen.add(pair);
    const edit = pairEdit(baseline, candidate);
    if (edit === undefined) continue;
    const group = byKey.get(edit.key) ?? [];
    byKey.set(edit.key, group);
    group.push({ pair, edit });
  }
  const out = new Map<string, string>();
  for (const group of byKey.values()) {
    if (group.length < PAIRS) continue;
    const edit = editOfGroup(group.map((one) => one.edit));
    if (edit === undefined) continue;
    for (const { pair } of group) out.set(pair, edit);
  }
  return out;
}
