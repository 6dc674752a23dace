/**
 * `drawn-format`: values each side draws for itself (an id a flow captured,
 * each side its own), masked as per-instance, drawn in two format classes
 * (decimal digits against hex digits, a UUID against an integer): the values
 * are no difference, their format is, since a client that reads one side's
 * ids may not read the other's. Recognised on the placeholders
 * `core/flow/mask.ts` compares such values as (`{{lease drawn as decimal}}`),
 * keyed by the two classes; the end of the run masks it where not every
 * answer that shows the member shows the same two classes
 * (`core/normalise/drawn-formats.ts`). A whole text body that is one drawn
 * id on each side is compared so too (`core/normalise/drawn-texts.ts`: rule
 * 32, extended in session sixteen to whole text bodies), at no field.
 */

import { codeSpan } from '../../../util/code-span.js';
import {
  DRAWN_CLASS_WORDS,
  type DrawnClass,
  drawnClassShown,
} from '../../normalise/drawn-formats.js';
import { type Advice, phrase, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

function words(drawn: string): string {
  return DRAWN_CLASS_WORDS[drawn as DrawnClass] ?? drawn;
}

/** `drawn ids: decimal digits vs hex digits`: from the two classes only. */
function detailOf(b: string, c: string): string {
  return `drawn ids: ${words(b)} vs ${words(c)}`;
}

/** How a runtime writes a drawn id in each class. */
const WRITE_ADVICE: Readonly<Record<DrawnClass, Advice>> = {
  uuid: { go: '`uuid.NewString()`', node: '`crypto.randomUUID()`', python: '`str(uuid.uuid4())`' },
  decimal: {
    go: '`strconv.FormatUint(id, 10)`',
    node: '`id.toString(10)` on a `BigInt`',
    protobuf: 'a `uint64` or `int64` field (protojson writes it as a decimal string)',
  },
  hex: { go: '`fmt.Sprintf("%016x", id)`', node: '`id.toString(16)` on a `BigInt`' },
  token: { node: "`crypto.randomBytes(n).toString('base64url')`" },
};

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const [b = '', c = ''] = params;
  const write = (as: string, side: 'baseline' | 'candidate', other: string) =>
    phrase(
      `draw ${theField(field)} in ${words(as)}, as the ${other} does`,
      runtimes[side],
      WRITE_ADVICE[as as DrawnClass] ?? {},
    );
  return {
    baseline: write(c, 'baseline', 'candidate'),
    candidate: write(b, 'candidate', 'baseline'),
  };
}

export const drawnFormat: Pattern<'drawn-format'> = {
  name: 'drawn-format',
  meaning:
    'values each side draws for itself (ids, tokens) are per-instance, but each side draws them in another format (decimal digits vs hex digits, a UUID vs an integer)',
  kindOf: () => 'value',
  hint,
  ops: ['value'],
  recognise(changes) {
    const matches: PatternMatch<'drawn-format'>[] = [];
    for (const change of changes) {
      if (change.op !== 'value') continue;
      const b = drawnClassShown(change.baseline);
      const c = drawnClassShown(change.candidate);
      if (b === undefined || c === undefined || b === c) continue;
      const path = patternPath(change.path);
      const detail = detailOf(b, c);
      // A whole text body that is one drawn id (`core/normalise/drawn-texts.ts`) has no place to name.
      const at = path === '' ? 'as the whole text body' : `at ${codeSpan(change.path)}`;
      matches.push({
        name: 'drawn-format',
        title: path === '' ? `${detail} as the whole text body` : `${codeSpan(path)} ${detail}`,
        explanation: `each side draws its own value ${at}, in ${words(b)} in baseline and in ${words(c)} in candidate`,
        key: `drawn-format:${path}:${b}:${c}`,
        anchor: change.path,
        params: [b, c],
        detail,
        covers: [change],
      });
    }
    return matches;
  },
};
