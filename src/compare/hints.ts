/**
 * The fix hint of any root cause: the pattern's own (`patterns/hints.ts`),
 * or the family's for a status transition, a header, a body kind or a
 * residual structural change. Pure.
 */

import { codeSpan } from '../util/code-span.js';
import { yamlScalar } from '../util/yaml-scalar.js';
import { type FixHint, PATTERN_HINTS } from './patterns/hints.js';
import type { RootCause } from './root-cause.js';
import { bodyKindWord } from './root-cause-words.js';

export type { FixHint } from './patterns/hints.js';

function statusHint(cause: Extract<RootCause, { type: 'status' }>): FixHint {
  const { baseline: b, candidate: c, endpoint } = cause;
  const sameClass = Math.floor(b / 100) === Math.floor(c / 100);
  const why = sameClass
    ? ' (validation order or error mapping: axum answers 422 for a body its `Json` extractor cannot deserialize, Go handlers usually 400)'
    : b < 300 || c < 300
      ? ' (one side accepts input the other rejects: compare their validation rules)'
      : '';
  return {
    baseline: `answer ${c} on ${endpoint} for this input, as the candidate does${why}`,
    candidate: `answer ${b} on ${endpoint} for this input, as the baseline does${why}`,
    ...(sameClass ? { rule: `statusEquivalence: [[${b}, ${c}]]` } : {}),
  };
}

function headerHint(cause: Extract<RootCause, { type: 'header' }>): FixHint {
  const { name, difference } = cause;
  if (difference !== 'value') {
    const missing = difference === 'missing-in-baseline' ? 'baseline' : 'candidate';
    const set = `send ${codeSpan(name)} (the handler or the middleware that sets it on the other side)`;
    const drop = `stop sending ${codeSpan(name)}`;
    return missing === 'baseline'
      ? { baseline: set, candidate: drop }
      : { baseline: drop, candidate: set };
  }
  return {
    baseline: `send ${codeSpan(name)} with the candidate's value`,
    candidate: `send ${codeSpan(name)} with the baseline's value`,
    rule: `volatileHeaders: [${yamlScalar(name)}]`,
  };
}

/**
 * What a side whose body parity could not read should check: no one writes
 * such a body on purpose, so "answer binary bodies as the other side does" is
 * never the advice.
 */
const UNREADABLE: Readonly<Record<string, string>> = {
  binary:
    'check its `Content-Type` and `Content-Encoding`: parity could not read the body as text (an encoding it cannot undo, a corrupt stream, or bytes that are not text); the report says which',
  truncated:
    'check its size: the body went past `bodyCapBytes` (or inflates past it), so only its hash was compared',
  'invalid-json':
    'send valid JSON: the body is labelled JSON but does not parse (a syntax error, invalid UTF-8 or a byte-order mark; the report says which)',
  'invalid-xml': 'send well-formed XML: the body is labelled XML but does not parse',
  'too-complex':
    'check the body: it is too large or too deep to compare as a tree (compared by hash)',
};

function bodyKindHint(cause: Extract<RootCause, { type: 'body-kind' }>): FixHint {
  const answer = (kind: string) =>
    kind === 'json'
      ? 'answer JSON (axum: map extractor rejections to a JSON error with a custom rejection or `IntoResponse`; Go: `json.NewEncoder(w).Encode(…)` instead of `http.Error`, which writes text/plain)'
      : `answer ${bodyKindWord(kind)} bodies`;
  // The side to fix is the one whose body could not be read, whatever the other sent.
  const fix = (own: string, other: string, as: string) => {
    const unreadable = UNREADABLE[own];
    if (unreadable !== undefined) return unreadable;
    if (UNREADABLE[other] !== undefined)
      return `nothing: the ${as}'s body could not be read, fix it there`;
    return `${answer(other)} for ${cause.statusClass} answers, as the ${as} does`;
  };
  return {
    baseline: fix(cause.baseline, cause.candidate, 'candidate'),
    candidate: fix(cause.candidate, cause.baseline, 'baseline'),
  };
}

function structureHint(cause: Extract<RootCause, { type: 'structure' }>): FixHint {
  const text =
    'no known convention explains this: change the side whose answer is wrong (the diff shows where they differ)';
  // Ignoring the path is the rule of last resort; a whole body cannot be ignored.
  const { path } = cause.change;
  return {
    baseline: text,
    candidate: text,
    ...(path === '' ? {} : { rule: `ignore: [${yamlScalar(path)}]` }),
  };
}

/** How to close a root cause. */
export function hintFor(cause: RootCause): FixHint {
  switch (cause.type) {
    case 'pattern':
      return PATTERN_HINTS[cause.pattern](cause);
    case 'status':
      return statusHint(cause);
    case 'header':
      return headerHint(cause);
    case 'body-kind':
      return bodyKindHint(cause);
    case 'structure':
      return structureHint(cause);
    default: {
      const never: never = cause;
      return never;
    }
  }
}
