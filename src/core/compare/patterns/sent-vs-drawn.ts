/**
 * `sent-vs-drawn`: one side answers the value the request sent (a username
 * as given, an email) where the other answers an id it drew for the record
 * (a UUID): one substitution (tracker rule 37). Recognised on the
 * placeholders `core/normalise/sent-substitutions.ts` compares such pairs as
 * (`{{sent}}` against `{{id drawn as uuid}}`), keyed by the side that draws,
 * the id's class and the member's **name as one word** (its last key after
 * any `prefix:`, in lower case, without `_` and `-`: `Username`,
 * `username` and `cognito:username` are `username`), so the same
 * substitution at members of that name is one cause across parents,
 * endpoints and a token's claims, and at members of other names another.
 */

import { codeSpan } from '../../../util/code-span.js';
import {
  DRAWN_CLASS_WORDS,
  type DrawnClass,
  drawnClassShown,
} from '../../normalise/drawn-formats.js';
import { foldKey } from '../../normalise/keys.js';
import { SENT_TOKEN } from '../../normalise/sent-substitutions.js';
import { type Advice, bySide, otherSide, sideOf, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

/** `cognito:username` → `username`, `User_Name` → `username`: a member's name as one word. */
export function memberWord(name: string): string {
  return foldKey(name.slice(name.lastIndexOf(':') + 1));
}

function words(drawn: string): string {
  return DRAWN_CLASS_WORDS[drawn as DrawnClass] ?? drawn;
}

/** `candidate writes drawn UUIDs where baseline writes the value the request sent`. */
function detailOf(side: string, drawn: string): string {
  return `${side} writes drawn ${words(drawn)} where ${otherSide(sideOf(side))} writes the value the request sent`;
}

/** How a runtime keeps a record under the name the request sent, or under an id it draws. */
const ECHO_ADVICE: Advice = {
  node: 'key the record by the name the request sent and answer that name',
  go: 'key the record by the name the request sent and answer that name',
};
const DRAW_ADVICE: Advice = {
  go: '`uuid.NewString()` as the key, answered in place of the name',
  node: '`crypto.randomUUID()` as the key, answered in place of the name',
  python: '`str(uuid.uuid4())` as the key, answered in place of the name',
};

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const drawing = sideOf(params[0]);
  const [, drawn = ''] = params;
  return bySide(
    runtimes,
    drawing,
    [
      `answer ${theField(field)} as the value the request sent, as the ${otherSide(drawing)} does`,
      ECHO_ADVICE,
    ],
    [
      `answer ${theField(field)} as an id drawn for the record (${words(drawn)}), as the ${drawing} does`,
      DRAW_ADVICE,
    ],
  );
}

export const sentVsDrawn: Pattern<'sent-vs-drawn'> = {
  name: 'sent-vs-drawn',
  meaning:
    'one side answers the value the request sent (a name as given) where the other answers an id it drew for the record (a UUID), at members of one name',
  kindOf: () => 'value',
  hint,
  ops: ['value'],
  recognise(changes) {
    const matches: PatternMatch<'sent-vs-drawn'>[] = [];
    for (const change of changes) {
      if (change.op !== 'value') continue;
      const sentLeft = change.baseline === SENT_TOKEN;
      const drawn = drawnClassShown(sentLeft ? change.candidate : change.baseline);
      if (drawn === undefined || (!sentLeft && change.candidate !== SENT_TOKEN)) continue;
      const side = sentLeft ? 'candidate' : 'baseline';
      const path = patternPath(change.path);
      const name = path
        .slice(path.lastIndexOf('/') + 1)
        .replaceAll('~1', '/')
        .replaceAll('~0', '~');
      const word = memberWord(name);
      if (word === '') continue;
      const detail = detailOf(side, drawn);
      matches.push({
        name: 'sent-vs-drawn',
        title: `${codeSpan(word)}: ${detail}`,
        explanation: `at ${codeSpan(change.path)}, the ${otherSide(side)} writes the value its request sent and the ${side} an id it drew, in ${words(drawn)}`,
        key: `sent-vs-drawn:${word}:${side}:${drawn}`,
        anchor: change.path,
        field: word,
        params: [side, drawn],
        detail,
        covers: [change],
      });
    }
    return matches;
  },
};
