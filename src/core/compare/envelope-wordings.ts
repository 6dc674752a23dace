/**
 * One side's rewritten error handler words its refusals anew (issue 43,
 * rule 39). Each wording of a message is its own question on error answers
 * (`data-places.ts`: three requests refused for three reasons are three
 * wordings, three rows), and a message reworded beside the members its
 * envelope gained is a second decision, never the envelope's row (rule 2).
 * But where one side's error envelope changed (`error-envelopes.ts`: members
 * gained or lost in overlapping answers, one handler) and that side also
 * words several of those same refusals otherwise, the wordings are that
 * rewrite's words: a JSON-RPC server rewritten whose `error` lost `data` and
 * gained `stack`, and which now says `The method … does not exist` for
 * `Method … not supported.` and `insufficient funds …` for `sender doesn't
 * have enough funds …`, is one decision about its messages, not one per
 * message.
 *
 * The rule, once the run has seen every answer: the wordings (value changes
 * keyed by their templates, no edit of their own) at one member of an error
 * envelope's object (the same parent: `/error/message` beside
 * `/error/data`), **two wordings or more**, every answer of each among the
 * answers that envelope's changes show in, are one cause.
 *
 * **Kept apart**: a wording also seen on an answer where the envelope did
 * not change (a refusal another handler wrote, alike on both sides: its own
 * row, even at the same member and on an operation the others share); a
 * wording of another object (`/error/data/message`) or of another
 * envelope (another error class, another handler); a value that is a
 * status's reason phrase on either side (a status named, not a message:
 * rule 20); a single wording (it is the row it was); and the envelope's
 * members (its own row). Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { isReasonPhrase, REASON_PHRASES } from '../../util/reason-phrases.js';
import { splitPath } from './wording/phrases.js';

/** A change as the clustering has seen it: the answers (case ids) that show it. */
export interface SeenWording {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
}

/** At least this many wordings make a rewording of the handler's (one is its own row already). */
const WORDINGS = 2;

/** True when `value` is some status's reason phrase (`Not Found`, `NOT_FOUND`): a status's name, no message. */
function namesAStatus(value: string): boolean {
  return Object.keys(REASON_PHRASES).some((status) => isReasonPhrase(value, Number(status)));
}

/**
 * True when `change` is a wording: a value keyed by its templates, no edit or
 * place of its own, neither side a reason phrase (rule 20 reads those).
 */
function isWording(change: SkeletonChange): boolean {
  const { op, values, edit } = change;
  if (op !== 'value' || values === undefined || edit !== undefined) return false;
  return !values.some(namesAStatus);
}

/**
 * For each error envelope (`envelopes`, each the members of one handler's
 * envelope), the wordings among `seen` it rewrote (see the module comment),
 * when there are two or more.
 */
export function envelopeWordings<T extends SeenWording>(
  seen: Iterable<T>,
  envelopes: readonly (readonly T[])[],
): T[][] {
  const wordings = [...seen].filter((one) => isWording(one.change));
  if (wordings.length < WORDINGS) return [];
  const out: T[][] = [];
  for (const envelope of envelopes) {
    const [first] = envelope;
    if (first === undefined) continue;
    const { parent } = splitPath(first.change.path);
    const answers = new Set(envelope.flatMap((member) => [...member.answers]));
    const rewritten = wordings.filter(
      (one) =>
        splitPath(one.change.path).parent === parent &&
        [...one.answers].every((answer) => answers.has(answer)),
    );
    if (rewritten.length >= WORDINGS) out.push(rewritten);
  }
  return out;
}
