/**
 * The fix hint of any root cause: the pattern's own (its `hint`),
 * or the family's for a status transition, a header, a body kind or a
 * residual structural change, in each side's runtime's terms where its
 * runtime is known (never another runtime's). Pure.
 */

import type { SideRuntimes } from '../../contract/model/runtime.js';
import type { RootCause } from '../../contract/root-cause.js';
import { codeSpan } from '../../util/code-span.js';
import { yamlScalar } from '../../util/yaml-scalar.js';
import { NO_CHARSET } from './charset-label.js';
import { bySide, phrase } from './patterns/advice.js';
import { patternNamed } from './patterns/registry.js';
import type { FixHint } from './patterns/types.js';
import {
  isObjectSignature,
  isRefusalGate,
  missingRouteMethod,
  ZERO_VALUED_MEMBERS,
} from './root-cause.js';
import { bodyKindWord, statusPlace } from './root-cause-words.js';

/** Why two runtimes answer one input with statuses of one class, in their terms. */
const STATUS_HABITS = {
  rust: 'axum answers 422 for a body its `Json` extractor cannot deserialize',
  go: 'Go handlers usually answer 400 for a body they cannot decode',
  python: 'FastAPI answers 422 for a body that fails validation',
} as const;

/** A success status answered with the other side's error document: each side's status for it. */
function documentHint(cause: Extract<RootCause, { type: 'status' }>): FixHint {
  const endpoint = statusPlace(cause);
  const [status, success] =
    cause.baseline === 0 ? [cause.candidate, 'candidate'] : [cause.baseline, 'baseline'];
  const refusing = success === 'candidate' ? 'baseline' : 'candidate';
  const refuse = `answer a request that fails with an error status on ${endpoint} (4xx for the client's mistakes, 5xx for its own), as the ${refusing} does; the document can stay as it is`;
  const accept = `answer a request that fails with ${status} and the error document on ${endpoint}, as the ${success} does`;
  return success === 'candidate'
    ? { baseline: accept, candidate: refuse }
    : { baseline: refuse, candidate: accept };
}

/** A route one side answers whole (a refusal, or one page): each side's way of answering it. */
function gateHint(cause: Extract<RootCause, { type: 'status' }>): FixHint {
  const [status, whole] =
    cause.baseline === 0 ? [cause.candidate, 'candidate'] : [cause.baseline, 'baseline'];
  const other = whole === 'candidate' ? 'baseline' : 'candidate';
  const each = `answer each request of ${cause.endpoint} for what it asks, as the ${other} does`;
  const all = `answer every request of ${cause.endpoint} with ${status}, as the ${whole} does`;
  return whole === 'candidate'
    ? { baseline: all, candidate: each }
    : { baseline: each, candidate: all };
}

/** A route family one side does not have (rule 54): serve it, or drop it on purpose. */
function missingRouteHint(cause: Extract<RootCause, { type: 'status' }>): FixHint {
  const lacking = cause.baseline === 0 ? 'candidate' : 'baseline';
  const other = lacking === 'candidate' ? 'baseline' : 'candidate';
  const routes = (cause.routes ?? []).join(', ') || 'these routes';
  const serve = `add handlers for ${missingRouteMethod(cause)} ${routes}, as the ${other} has them`;
  const drop = `remove the feature's routes (${routes}) if it is dropped on purpose, as the ${lacking} has`;
  return lacking === 'candidate'
    ? { baseline: drop, candidate: serve }
    : { baseline: serve, candidate: drop };
}

/** One side's one success status to every write (rule 60): answer by method, or keep the one status on purpose. */
function everyWriteHint(cause: Extract<RootCause, { type: 'status' }>): FixHint {
  const uniform = cause.baseline === 0 ? 'candidate' : 'baseline';
  const status = uniform === 'candidate' ? cause.candidate : cause.baseline;
  const writes = (cause.writes ?? []).join(', ') || 'each method';
  const byMethod = `answer each write by its method (${writes}), as the ${uniform === 'candidate' ? 'baseline' : 'candidate'} does`;
  const one = `answer every successful write ${status}, as the ${uniform} does`;
  return uniform === 'candidate'
    ? { baseline: one, candidate: byMethod }
    : { baseline: byMethod, candidate: one };
}

function statusHint(
  cause: Extract<RootCause, { type: 'status' }>,
  runtimes: SideRuntimes,
): FixHint {
  if (cause.missingRoute !== undefined) return missingRouteHint(cause);
  if (cause.everyWrite === true) return everyWriteHint(cause);
  if (cause.document === true) return documentHint(cause);
  if (isRefusalGate(cause)) return gateHint(cause);
  const { baseline: b, candidate: c } = cause;
  const endpoint = statusPlace(cause);
  const sameClass = Math.floor(b / 100) === Math.floor(c / 100);
  const why = sameClass
    ? ' (validation order or error mapping)'
    : b === 404 || c === 404
      ? ` (one side serves it, the other has no such route or resource)`
      : b < 300 || c < 300
        ? ' (one side accepts input the other rejects: compare their validation rules)'
        : '';
  const habit = sameClass ? STATUS_HABITS : {};
  return {
    baseline: phrase(
      `answer ${c} on ${endpoint} for this input, as the candidate does${why}`,
      runtimes.baseline,
      habit,
    ),
    candidate: phrase(
      `answer ${b} on ${endpoint} for this input, as the baseline does${why}`,
      runtimes.candidate,
      habit,
    ),
    ...(sameClass ? { rule: `statusEquivalence: [[${b}, ${c}]]` } : {}),
  };
}

/** Headers whose value each side computes from its representation: never a value to copy. */
const VALIDATORS: ReadonlySet<string> = new Set([
  'etag',
  'last-modified',
  'content-md5',
  'digest',
  'repr-digest',
  'content-digest',
]);

/**
 * A charset label one side sends and the other does not (or another one): the
 * label decides how the body is read (`charset-label.ts`), so the advice is to
 * label, never to drop the label or to ignore `content-type`.
 */
function charsetHint(
  name: string,
  classes: readonly [string, string] | undefined,
): FixHint | undefined {
  if (name !== 'content-type' || classes === undefined) return undefined;
  const isCharset = (cls: string) => cls === NO_CHARSET || cls.startsWith('charset=');
  if (!classes.every(isCharset)) return undefined;
  const [b, c] = classes;
  const advice = (own: string, other: string) =>
    other === NO_CHARSET
      ? `keep ${codeSpan(own)} (without it each client reads the body by its own default)`
      : `label the body ${codeSpan(other)} as the other side does`;
  return { baseline: advice(b, c), candidate: advice(c, b) };
}

function headerHint(cause: Extract<RootCause, { type: 'header' }>): FixHint {
  const { name, difference } = cause;
  if (difference !== 'value') {
    const missing = difference === 'missing-in-baseline' ? 'baseline' : 'candidate';
    const sent = cause.classes?.find((one) => one !== '');
    const what = sent === undefined ? codeSpan(name) : `${codeSpan(name)} ${codeSpan(sent)}`;
    const set = `send ${what} (the handler or the middleware that sets it on the other side)`;
    const drop = `stop sending ${codeSpan(name)}`;
    return missing === 'baseline'
      ? { baseline: set, candidate: drop }
      : { baseline: drop, candidate: set };
  }
  const charsets = charsetHint(name, cause.classes);
  if (charsets !== undefined) return charsets;
  // A validator names one representation: it is computed, not copied.
  if (VALIDATORS.has(name.toLowerCase())) {
    return {
      baseline: `compute ${codeSpan(name)} as the candidate does (the same inputs, the same hash or clock)`,
      candidate: `compute ${codeSpan(name)} as the baseline does (the same inputs, the same hash or clock)`,
      rule: `volatileHeaders: [${yamlScalar(name)}]`,
    };
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

const JSON_ERRORS = {
  rust: 'in axum map extractor rejections to a JSON error with a custom rejection or `IntoResponse`',
  go: '`json.NewEncoder(w).Encode(…)` instead of `http.Error`, which writes text/plain',
  node: '`res.status(…).json(…)` in the error handler',
} as const;

function bodyKindHint(
  cause: Extract<RootCause, { type: 'body-kind' }>,
  runtimes: SideRuntimes,
): FixHint {
  // The side to fix is the one whose body could not be read, whatever the other sent.
  const fix = (own: string, other: string, as: 'baseline' | 'candidate') => {
    const unreadable = UNREADABLE[own];
    if (unreadable !== undefined) return unreadable;
    if (UNREADABLE[other] !== undefined)
      return `nothing: the ${as}'s body could not be read, fix it there`;
    const action = `answer ${bodyKindWord(other)} bodies for ${cause.statusClass} answers, as the ${as} does`;
    const side = as === 'baseline' ? 'candidate' : 'baseline';
    return other === 'json' ? phrase(action, runtimes[side], JSON_ERRORS) : action;
  };
  return {
    baseline: fix(cause.baseline, cause.candidate, 'candidate'),
    candidate: fix(cause.candidate, cause.baseline, 'baseline'),
  };
}

/** How many places a structural cause's rule names before it names the member anywhere. */
export const NAMED_PLACES = 3;

/**
 * The options that leave members at their zero value out, in each encoder's
 * terms: for a row that claims one encoder's habit (rule 18) on a side whose
 * runtime is not known, so the hint names the habit without choosing one
 * runtime for it.
 */
const ZERO_OPTIONS =
  "Go's `omitempty`, serde's `skip_serializing_if`, protojson without `EmitUnpopulated`";

/**
 * Members at their zero value written by one side and left out by the other:
 * how each side's runtime writes or omits them, where known. `habit`: the
 * row is one side's defaults left out (`omitted-defaults.ts`), one encoder
 * option for every member: a side of unknown runtime is told the options
 * that do it, each named with its runtime.
 */
function zeroValuedHint(omits: 'baseline' | 'candidate', runtimes: SideRuntimes, habit: boolean) {
  const writes = omits === 'baseline' ? 'candidate' : 'baseline';
  const option = (side: 'baseline' | 'candidate', how: string) =>
    habit && runtimes[side] === undefined ? `: ${how} (${ZERO_OPTIONS})` : '';
  return bySide(
    runtimes,
    omits,
    [
      `write members at their zero value (\`0\`, \`""\`, \`false\`, \`[]\`), as the ${writes} does${option(omits, 'turn off the encoder option that leaves them out')}`,
      {
        protobuf:
          '`protojson.MarshalOptions{EmitUnpopulated: true}` writes fields at their default value (in a gRPC gateway, through `runtime.WithMarshalerOption`)',
        go: 'drop `omitempty` from those fields',
        rust: 'drop `skip_serializing_if` from those fields',
      },
    ],
    [
      `leave members at their zero value out, as the ${omits} does${option(writes, 'with the encoder option that does it')}`,
      {
        protobuf:
          'protojson leaves fields at their default value out unless `EmitUnpopulated` is set',
        go: '`omitempty` on those fields',
        rust: '`#[serde(skip_serializing_if = "…")]` on those fields',
      },
    ],
  );
}

/**
 * A set of messages one edit rewords (`message-edits.ts`): the edit itself,
 * done or undone where the messages are written, in no runtime's terms.
 */
function rewordingHint(
  cause: Extract<RootCause, { type: 'structure' }>,
  edit: string,
): { baseline: string; candidate: string } {
  const at = codeSpan(cause.change.path);
  return {
    baseline: `word the messages at ${at} as the candidate does (${edit})`,
    candidate: `word the messages at ${at} as the baseline does: undo the one edit (${edit}) where they are written (the validator's release, its message options, or the error handler that formats them)`,
  };
}

/**
 * One side's list whatever the query (`ignored-queries.ts`): that side reads
 * the parameters, or the other stops reading them; no rule, since ignoring
 * a list's elements would blind every other change of it.
 */
function sameListHint(
  cause: Extract<RootCause, { type: 'structure' }>,
  {
    side,
    queries,
  }: { readonly side: 'baseline' | 'candidate'; readonly queries: readonly string[] },
): FixHint {
  const names = queries.map((query) => codeSpan(`?${query}`)).join(', ');
  const other = side === 'baseline' ? 'candidate' : 'baseline';
  const read = `read the query parameters ${names} of ${cause.endpoint} as the ${other} does (filter, search or page the list by them)`;
  const ignore = `answer ${cause.endpoint} with the same list whatever ${names} say, as the ${side} does`;
  return side === 'baseline'
    ? { baseline: read, candidate: ignore }
    : { baseline: ignore, candidate: read };
}

function structureHint(
  cause: Extract<RootCause, { type: 'structure' }>,
  places: readonly string[] | undefined,
  runtimes: SideRuntimes,
): FixHint {
  if (cause.ignoredQuery !== undefined) return sameListHint(cause, cause.ignoredQuery);
  const { candidate, baseline } = cause.change;
  // One side's defaults left out (rule 18): one encoder option for every member.
  const habit = cause.transform?.startsWith('defaults ') === true;
  const zero =
    candidate === ZERO_VALUED_MEMBERS
      ? zeroValuedHint('baseline', runtimes, habit)
      : baseline === ZERO_VALUED_MEMBERS
        ? zeroValuedHint('candidate', runtimes, habit)
        : undefined;
  const { edit } = cause.change;
  const text =
    'no known convention explains this: change the side whose answer is wrong (the diff shows where they differ)';
  const own = edit === undefined ? { baseline: text, candidate: text } : rewordingHint(cause, edit);
  // Ignoring the path is the rule of last resort. None is offered where it would blind
  // more than the cause: a whole body, a list's items (an item added or missing), a
  // whole object's signature (its zero-valued members, its digests).
  const { path } = cause.change;
  const offered = path !== '' && !path.endsWith('/*') && !isObjectSignature(cause.change);
  // The places the run saw it at (`/author`, `/*\/author`), when they are few;
  // else the member anywhere in the body (`/**\/author`: in a list too).
  const exact = places !== undefined && places.length > 0 && places.length <= NAMED_PLACES;
  const members = [path, ...(cause.together ?? []).map((change) => change.path)];
  const pointers = exact ? places : members.map((member) => `/**${member}`);
  return {
    baseline: zero?.baseline ?? own.baseline,
    candidate: zero?.candidate ?? own.candidate,
    ...(offered ? { rule: `ignore: [${pointers.map(yamlScalar).join(', ')}]` } : {}),
  };
}

/**
 * How to close a root cause, in the terms of each side's runtime where it is
 * known. `places`: where a structural cause showed (`RootCauseEntry.places`),
 * for a rule that ignores it there and nowhere else.
 */
export function hintFor(
  cause: RootCause,
  runtimes: SideRuntimes = {},
  places?: readonly string[],
): FixHint {
  switch (cause.type) {
    case 'pattern':
      return patternNamed(cause.pattern).hint({ ...cause, runtimes });
    case 'status':
      return statusHint(cause, runtimes);
    case 'header':
      return headerHint(cause);
    case 'body-kind':
      return bodyKindHint(cause, runtimes);
    case 'structure':
      return structureHint(cause, places, runtimes);
    default: {
      const never: never = cause;
      return never;
    }
  }
}
