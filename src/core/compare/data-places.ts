/**
 * Values that are data, not wordings (`cause-clusters.ts`, rule 3): a place
 * whose templates never repeat over three answers or more, or differ twice in
 * one answer, holds each answer's own data, and its value changes are keyed
 * by their place, never a row per answer or element.
 *
 * Not on error answers (a side's status 400 or more): there the values are
 * each side's words for each error, and three requests refused for three
 * reasons (a syntax error, a missing query, a value of the wrong type) are
 * three wordings, three rows. Only the records an error names are data
 * there: a side's sentences that are one sentence with other words (`user
 * ada not found`, `user bob not found`) are keyed by that sentence with
 * those words elided (`user … not found`), one row whatever records the
 * errors name (`framesOf`); and a side's whole set of messages reworded one
 * way (three pairs or more at one field, wherever it sits, related by the
 * same edit) is one change keyed by that edit (`message-edits.ts`), and so
 * is one side's one wording for two or more of the other's, status alike
 * (`constant-wordings.ts`). Pure.
 */
import type { Finding, SkeletonChange } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import { changeKey, fieldOfValue, membersOf, placeOnly } from './change-keys.js';
import { constantWordings, type WordedPair } from './constant-wordings.js';
import { systematicEdits } from './message-edits.js';
import { refusedByBoth } from './refused-answers.js';

/** At least this many answers with templates that never repeat make a place's values data. */
const DATA_ANSWERS = 3;

/** One answer's findings, by its case id, its statuses where known and its bodies where kept. */
export interface FoundAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly bodies?: { readonly baseline?: unknown; readonly candidate?: unknown } | undefined;
}

/**
 * An answer a side refused (400 or more), or both refused in the body with
 * one status (a JSON-RPC `error` on both, `refused-answers.ts`): its values
 * are that side's words for its error.
 */
function isErrorAnswer(answer: FoundAnswer): boolean {
  const b = answer.baseline?.status ?? 0;
  const c = answer.candidate?.status ?? 0;
  if (b >= 400 || c >= 400) return true;
  return b === c && refusedByBoth(answer.bodies?.baseline, answer.bodies?.candidate);
}

/** At most this many words of one sentence may differ for it to name other records (a name of two words). */
const NAMING_WORDS = 2;
/** At least this many words two sentences share for the rest to be names. */
const SHARED_WORDS = 2;

/**
 * The words two templates share, the others elided; undefined unless they
 * are one sentence with other words: as many words, those that differ one
 * run of at most `NAMING_WORDS` (a record's name), the others at least
 * `SHARED_WORDS` (`user ada not found`, `user bob not found`; never `name is
 * too long` and `page is too big`, two messages).
 */
function sharedSentence(a: string, b: string): string | undefined {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== y.length) return undefined;
  const differ = x.flatMap((word, k) => (word === y[k] ? [] : [k]));
  const first = differ[0];
  const last = differ.at(-1);
  if (first === undefined || last === undefined) return a;
  // A frame's elided words (`…`) may meet any name; the run of names must be one.
  const named = differ.filter((k) => x[k] !== '…');
  if (named.length > NAMING_WORDS || last - first + 1 !== differ.length) return undefined;
  if (x.length - differ.length < SHARED_WORDS) return undefined;
  return x.map((word, k) => (word === y[k] ? word : '…')).join(' ');
}

/**
 * One side's templates at one place on error answers, each mapped to the
 * sentence it shares with the others that are one sentence with other words
 * (`user ada not found`, `user bob not found` → `user … not found`); a
 * template alike with no other is left out (its own wording). In key order,
 * so the frames do not depend on the order the answers came in.
 */
export function framesOf(templates: Iterable<string>): Map<string, string> {
  const groups: { frame: string; members: string[] }[] = [];
  for (const template of [...new Set(templates)].sort(compareText)) {
    let joined = false;
    for (const group of groups) {
      const frame = sharedSentence(group.frame, template);
      if (frame === undefined) continue;
      group.frame = frame;
      group.members.push(template);
      joined = true;
      break;
    }
    if (!joined) groups.push({ frame: template, members: [template] });
  }
  const out = new Map<string, string>();
  for (const { frame, members } of groups) {
    if (members.length < 2) continue;
    for (const member of members) out.set(member, frame);
  }
  return out;
}

/** Values that are data (by their place) and the sentences error answers share (by place, side and template). */
export interface DataValues {
  /** Places (`changeKey` without templates) whose values are data. */
  readonly places: ReadonlySet<string>;
  /** The template a change's value is keyed by (its shared sentence on error answers, else itself). */
  templateOf(place: string, side: 0 | 1, template: string): string;
  /**
   * On error answers, the one edit that rewords a value change's templates
   * with others at its field (`message-edits.ts`).
   */
  editOf(change: SkeletonChange): string | undefined;
}

/**
 * The edits at one field on error answers: a set of messages reworded one
 * way (`message-edits.ts`), then one side's constant wording for the other's
 * many (`constant-wordings.ts`) among the pairs left.
 */
function editsAt(pairs: readonly WordedPair[]): Map<string, string> {
  const edits = systematicEdits(pairs.map(({ values }) => values));
  const constants = constantWordings(pairs, new Set(edits.keys()));
  return new Map([...edits, ...constants]);
}

/**
 * Places (`changeKey` of the change without templates) whose values are each
 * answer's own data, not wordings: three answers or more with no template
 * seen twice on either side (every record named its own way), or one answer
 * with two pairs of templates or more there (a list whose elements differ
 * each in its own way), error answers left out. Their changes are keyed by
 * their place, never one row per answer or element. And on error answers,
 * the sentences each side's templates share (`framesOf`).
 */
export function dataPlaces(answers: readonly FoundAnswer[]): DataValues {
  const byPlace = new Map<string, { answers: Set<string>; pairs: Map<string, Set<string>> }>();
  const errors = new Map<string, [string[], string[]]>();
  // On error answers, the pairs of templates at each field, wherever it sits (`message-edits.ts`).
  const worded = new Map<string, WordedPair[]>();
  const out = new Set<string>();
  for (const answer of answers) {
    const { caseId, findings } = answer;
    const error = isErrorAnswer(answer);
    const sameStatus = answer.baseline?.status === answer.candidate?.status;
    const here = new Map<string, string>();
    for (const { cause } of findings) {
      for (const change of membersOf(cause)) {
        if (change.values === undefined) continue;
        const place = changeKey(placeOnly(change));
        if (error) {
          const field = fieldOfValue(change.path);
          worded.set(field, [...(worded.get(field) ?? []), { values: change.values, sameStatus }]);
          const [b, c] = errors.get(place) ?? [[], []];
          errors.set(place, [b, c]);
          b.push(change.values[0]);
          c.push(change.values[1]);
          continue;
        }
        const pair = JSON.stringify(change.values);
        if ((here.get(place) ?? pair) !== pair) out.add(place);
        here.set(place, pair);
        const entry = byPlace.get(place) ?? { answers: new Set(), pairs: new Map() };
        byPlace.set(place, entry);
        entry.answers.add(caseId);
        for (const [side, template] of change.values.entries()) {
          const key = `${side} ${template}`;
          entry.pairs.set(key, (entry.pairs.get(key) ?? new Set()).add(caseId));
        }
      }
    }
  }
  for (const [place, { answers: seen, pairs }] of byPlace) {
    if (seen.size < DATA_ANSWERS) continue;
    if ([...pairs.values()].every((cases) => cases.size < 2)) out.add(place);
  }
  const frames = new Map(
    [...errors].map(([place, [b, c]]) => [place, [framesOf(b), framesOf(c)]] as const),
  );
  const edits = new Map([...worded].map(([field, pairs]) => [field, editsAt(pairs)]));
  return {
    places: out,
    templateOf: (place, side, template) => frames.get(place)?.[side].get(template) ?? template,
    editOf: ({ path, values }) =>
      values === undefined ? undefined : edits.get(fieldOfValue(path))?.get(JSON.stringify(values)),
  };
}
