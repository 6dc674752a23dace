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

function bodyKindHint(cause: Extract<RootCause, { type: 'body-kind' }>): FixHint {
  const answer = (kind: string) =>
    kind === 'json'
      ? 'answer JSON (axum: map extractor rejections to a JSON error with a custom rejection or `IntoResponse`; Go: `json.NewEncoder(w).Encode(…)` instead of `http.Error`, which writes text/plain)'
      : `answer ${bodyKindWord(kind)} bodies`;
  return {
    baseline: `${answer(cause.candidate)} for ${cause.statusClass} answers, as the candidate does`,
    candidate: `${answer(cause.baseline)} for ${cause.statusClass} answers, as the baseline does`,
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
