/**
 * A root cause in one line: the summary of its findings and of its tracker
 * row. Built from the cause alone (no case, no value), so the row reads the
 * same whichever case showed the cause first. Pure.
 */

import type { RootCause, SkeletonChange } from '../../contract/root-cause.js';
import { codeSpan } from '../../util/code-span.js';
import { apartWords } from './alike-texts.js';
import { NO_CHARSET } from './charset-label.js';
import { isConstantWording, sentenceOf } from './constant-wordings.js';
import { REASON_PHRASE } from './named-statuses.js';
import { patternNamed } from './patterns/registry.js';
import { rewriteWords } from './redirects.js';
import {
  ANY_ENDPOINT,
  ANY_ROUTE,
  DIGESTS,
  isEveryWrite,
  isMissingRoute,
  isObjectSignature,
  isRecurringStatus,
  isRefusalGate,
  isUnroutedMethod,
  methodOf,
  missingRouteMethod,
  ZERO_VALUED_MEMBERS,
} from './root-cause.js';
import { differenceWords, endpointDifferenceWords } from './text-bodies.js';
import { transformWords } from './value-transforms.js';
import { SUMMARY_MAX, shorten } from './wording/phrases.js';

const BODY_KINDS: Readonly<Record<string, string>> = {
  json: 'JSON',
  xml: 'XML',
  'invalid-json': 'invalid JSON',
  'invalid-xml': 'invalid XML',
  // A cause that stands for one side's error bodies of several kinds (`body-causes.ts`).
  '*': 'other kinds',
};

/** `JSON`, `text`, `empty`, `invalid JSON`: a body kind in words. */
export function bodyKindWord(kind: string): string {
  return BODY_KINDS[kind] ?? kind;
}

/** A value's template as a code span, cut to a readable length. */
function templateSpan(template: string): string {
  return codeSpan(shorten(template, 40));
}

/** What one residual change is: `candidate adds \`/version\``, `\`/total\` number vs string`. */
function skeletonWords(change: SkeletonChange): string {
  const where = `${codeSpan(change.path || '/')}`;
  if (change.candidate === ZERO_VALUED_MEMBERS)
    return `candidate adds zero-valued members to ${where}`;
  if (change.baseline === ZERO_VALUED_MEMBERS)
    return `candidate lacks zero-valued members of ${where}`;
  if (change.baseline === DIGESTS) return `digests in ${where} differ`;
  // `/objects/*`: elements of the list at `/objects`, not every element of it.
  const parent = change.path.endsWith('/*') ? change.path.slice(0, -2) : undefined;
  const list =
    parent === undefined
      ? undefined
      : parent === ''
        ? 'top-level list'
        : `list ${codeSpan(parent)}`;
  switch (change.op) {
    case 'added':
      if (list !== undefined) return `candidate adds elements to the ${list}`;
      return change.path === '' ? 'candidate adds a body' : `candidate adds ${where}`;
    case 'removed':
      if (list !== undefined) return `candidate lacks elements of the ${list}`;
      return `candidate lacks ${where}`;
    case 'type':
      return change.path === ''
        ? `body ${change.baseline} vs ${change.candidate}`
        : `${where} ${change.baseline} vs ${change.candidate}`;
    case 'value':
      if (change.path === '') return 'body differs';
      if (change.candidate === REASON_PHRASE || change.baseline === REASON_PHRASE) {
        const side = change.candidate === REASON_PHRASE ? 'candidate' : 'baseline';
        return `${side} names the status at ${where} (its reason phrase)`;
      }
      if (change.edit !== undefined) {
        const constant = sentenceOf(change.edit, where);
        if (constant !== undefined) return constant;
        return `candidate rewords its messages at ${where} one way: ${change.edit}`;
      }
      if (change.values === undefined) return `value of ${where} differs`;
      return `value of ${where} differs: ${templateSpan(change.values[0])} vs ${templateSpan(change.values[1])}`;
    case 'moved':
      return `${where} moved`;
    default: {
      const never: never = change.op;
      return never;
    }
  }
}

/**
 * A cluster's changes in words: `candidate lacks \`/meta/a\`, \`/meta/b\``
 * for members one side lacks (or adds) together, else each change's words.
 */
function membersWords(
  change: SkeletonChange,
  together: readonly SkeletonChange[],
  room: number,
): string {
  if (together.length === 0) return skeletonWords(change);
  const all = [change, ...together];
  // Wordings at one member (`envelope-wordings.ts`): the member once, then each pair.
  if (all.every((c) => c.op === 'value' && c.values !== undefined && c.path === change.path)) {
    return pairsWords(`value of ${codeSpan(change.path || '/')} differs`, all, room);
  }
  // A member by its path; an object's zero-valued members and a list's elements in words of their own.
  const plain = (c: SkeletonChange) =>
    (c.op === 'added' || c.op === 'removed') && !isObjectSignature(c) && !c.path.endsWith('/*');
  const verbs = (['added', 'removed'] as const)
    .map((op) => ({
      op,
      spans: all.filter((c) => c.op === op && plain(c)).map((c) => codeSpan(c.path)),
    }))
    .filter(({ spans }) => spans.length > 0);
  const others = all.filter((c) => !plain(c)).map(skeletonWords);
  const verbOf = (op: string) => (op === 'added' ? 'candidate adds' : 'candidate lacks');
  // Each verb's members cut between whole members, then the parts as they fit.
  const parts = verbs.map(({ op, spans }) => {
    const verb = verbOf(op);
    return `${verb} ${wholeItems(spans, ', ', room - verb.length - 1)}`;
  });
  return wholeItems([...parts, ...others], '; ', room);
}

/** `xml:json` → `JSON`: the candidate's body kind (where `to` is), as a word. */
function kindWord(kinds: string): string {
  const kind = kinds.slice(kinds.indexOf(':') + 1);
  return kind === 'json' || kind === 'xml' ? kind.toUpperCase() : kind;
}

/**
 * ``message reworded (moved from `/error` to `/message`): `a` vs `b`; `c` vs `d` (+1 more)``:
 * the messages one side's error envelope moved and reworded (`named-statuses.ts`); and
 * ``value of `/Error/Code` (`/odata.error/code` in JSON) differs: …``,
 * a value compared across body kinds (`kind-values.ts`).
 */
function rewordedWords(
  change: SkeletonChange,
  pairs: readonly SkeletonChange[],
  room: number,
): string {
  const words =
    change.kinds === undefined
      ? `message reworded (moved from ${codeSpan(change.path)} to ${codeSpan(change.to ?? '')})`
      : `value of ${codeSpan(change.path)} (${codeSpan(change.to ?? '')} in ${kindWord(change.kinds)}) differs`;
  return pairsWords(words, pairs, room);
}

/** ``WORDS: `a` vs `b`; `c` vs `d` (+1 more)``: each pair of templates, cut so that the first fits. */
function pairsWords(words: string, pairs: readonly SkeletonChange[], room: number): string {
  const left = room - words.length - 2;
  // Each template cut so that the first pair and how many more fit whole.
  const more = pairs.length > 1 ? ` (+${pairs.length - 1} more)`.length : 0;
  const max = Math.max(12, Math.min(40, Math.floor((left - more - ' vs '.length - 4) / 2)));
  const span = (template: string) => codeSpan(shorten(template, max));
  const listed = pairs.flatMap(({ values }) =>
    values === undefined ? [] : [`${span(values[0])} vs ${span(values[1])}`],
  );
  if (listed.length === 0) return words;
  return `${words}: ${wholeItems(listed, '; ', left)}`;
}

/**
 * ``status 400 → 422 where both refuse, worded anew at `/error`, `/errorType`: `a` vs `b`; … (+6 more)``:
 * one transition both sides refuse under, its values worded anew in one envelope (`refusal-rewordings.ts`).
 */
function refusalSummary(statuses: readonly [number, number], changes: readonly SkeletonChange[]) {
  const places = [...new Set(changes.map((c) => c.path))].map((path) => codeSpan(path || '/'));
  const words = `status ${statuses[0]} → ${statuses[1]} where both refuse, worded anew at ${wholeItems(places, ', ', 60)}`;
  const pairs = changes.filter((c) => c.values !== undefined);
  return shorten(pairsWords(words, pairs, SUMMARY_MAX));
}

/**
 * Items joined while they fit in `room`, then how many more: a summary is
 * never cut inside a code span (the first item always shows, cut by
 * `shorten` if it alone is too long).
 */
function wholeItems(items: readonly string[], separator: string, room: number): string {
  let text = '';
  for (const [n, item] of items.entries()) {
    const more = ` (+${items.length - n} more)`;
    const next = n === 0 ? item : `${text}${separator}${item}`;
    const last = n === items.length - 1;
    if (n > 0 && next.length + (last ? 0 : more.length) > room) return `${text}${more}`;
    text = next;
  }
  return text;
}

/** Where a status cause shows: its endpoint, or its method's endpoints for one that recurs (`DELETE *`). */
export function statusPlace(cause: RootCause & { type: 'status' }): string {
  if (cause.endpoint === ANY_ROUTE) return 'several endpoints';
  return isRecurringStatus(cause)
    ? `several ${methodOf(cause.endpoint)} endpoints`
    : cause.endpoint;
}

/** ``candidate redirects (301) to the same path without the `.html` extension, on several endpoints``. */
function redirectSummary(cause: RootCause & { type: 'status' }, redirect: string): string {
  const [side, status] =
    cause.baseline === 0 ? ['candidate', cause.candidate] : ['baseline', cause.baseline];
  return `${side} redirects (${status}) to the same path ${rewriteWords(redirect)}, on several endpoints`;
}

/** ``candidate checks `code_challenge`: refuses (4xx) what baseline accepts, on several endpoints``. */
function parameterSummary(cause: RootCause & { type: 'status' }, parameter: string): string {
  const [side, other] =
    cause.baseline === 0 ? ['candidate', 'baseline'] : ['baseline', 'candidate'];
  return shorten(
    `${side} checks ${codeSpan(parameter)}: refuses (4xx) what ${other} accepts, on ${statusPlace(cause)}`,
  );
}

/** ``candidate refuses (403) writes without the `x-requested-with` header, which baseline accepts, on several endpoints``. */
function headerSummary(cause: RootCause & { type: 'status' }, header: string): string {
  const [side, status, other] =
    cause.baseline === 0
      ? ['candidate', cause.candidate, 'baseline']
      : ['baseline', cause.baseline, 'candidate'];
  return shorten(
    `${side} refuses (${status}) writes without the ${codeSpan(header)} header, which ${other} accepts, on several endpoints`,
  );
}

/**
 * ``candidate has no route for POST …/offer, …/candidate: 404 (`Cannot {method} {path}`)``:
 * each route by its last segment, the first four (tracker rule 54).
 */
function missingRouteSummary(cause: RootCause & { type: 'status'; missingRoute: string }): string {
  const side = cause.baseline === 0 ? 'candidate' : 'baseline';
  const method = missingRouteMethod(cause);
  const tails = [
    ...new Set((cause.routes ?? []).map((path) => `…/${path.slice(path.lastIndexOf('/') + 1)}`)),
  ];
  const shown = tails.length > 4 ? [...tails.slice(0, 4), `… (+${tails.length - 4} more)`] : tails;
  const routes = shown.length === 0 ? 'several endpoints' : shown.join(', ');
  const status = cause.baseline === 0 ? cause.candidate : cause.baseline;
  const words = cause.reason === undefined ? 'an empty body' : codeSpan(cause.reason);
  return shorten(`${side} has no route for ${method} ${routes}: ${status} (${words})`);
}

/**
 * ``candidate answers every write 205 (baseline: DELETE 200, PATCH 200, PUT
 * 204), on several endpoints``: one side's one success status to every
 * write both accepted (tracker rule 60).
 */
function everyWriteSummary(cause: RootCause & { type: 'status' }): string {
  const [side, status, other] =
    cause.baseline === 0
      ? ['candidate', cause.candidate, 'baseline']
      : ['baseline', cause.baseline, 'candidate'];
  const writes = (cause.writes ?? []).join(', ');
  const theirs = writes === '' ? '' : ` (${other}: ${writes})`;
  return shorten(`${side} answers every write ${status}${theirs}, on several endpoints`);
}

/**
 * ``candidate answers every POST /mail/:id/send request both sides refused
 * with 500 (`…`)``: the answers the row lists, never the route's others (a
 * request the other side accepted is a row of its own); a page: ``candidate
 * answers every GET / request with 200 (`GraphiQL`)``.
 */
function gateSummary(cause: RootCause & { type: 'status' }): string {
  const [side, status] =
    cause.baseline === 0 ? ['candidate', cause.candidate] : ['baseline', cause.baseline];
  const reason = cause.reason === undefined ? '' : ` (${codeSpan(cause.reason)})`;
  const which = status >= 400 ? ' both sides refused' : '';
  return shorten(`${side} answers every ${cause.endpoint} request${which} with ${status}${reason}`);
}

/** ``candidate answers 200 with the document baseline refuses with, on POST /graphql``. */
function documentSummary(cause: RootCause & { type: 'status' }): string {
  const [side, status, other] =
    cause.baseline === 0
      ? ['candidate', cause.candidate, 'baseline']
      : ['baseline', cause.baseline, 'candidate'];
  // An XML-RPC fault: its reason, where the other side answered an error status.
  if (cause.reason !== undefined) {
    return shorten(
      `${side} answers ${status} with a fault (${codeSpan(cause.reason)}) where ${other} answers an error status, on ${statusPlace(cause)}`,
    );
  }
  return `${side} answers ${status} with the error document ${other} refuses with, on ${statusPlace(cause)}`;
}

/** The top-level member names of an error document's shape (`error-handlers.ts`): `a:string,b:{c:number}` → `a`, `b`. */
export function shapeMembers(shape: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= shape.length; i++) {
    const char = shape[i];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if ((char === ',' && depth === 0) || char === undefined) {
      const member = shape.slice(start, i);
      // The name ends at the colon before its type (a name may hold one: `ns:Code`).
      const brace = member.indexOf('{');
      names.push(member.slice(0, brace < 0 ? member.lastIndexOf(':') : brace - 1));
      start = i + 1;
    }
  }
  return names;
}

/** `/code=1` → ``(`code` 1)``: the code a handler's documents name their refusal by. */
function codesWords(codes: string): string {
  const named = codes.split('&').map((one) => {
    const [path = '', value = ''] = one.split('=');
    return `${codeSpan(path.split('/').pop() ?? path)} ${value}`;
  });
  return `(${named.join(', ')})`;
}

/**
 * ``error answers: baseline text pages (`Error`) vs candidate JSON error documents
 * {`error`, `error_description`}``: one side's error handler (`error-handlers.ts`).
 */
function handlerSummary(cause: RootCause & { type: 'body-kind' }, shape: string): string {
  const [page, document, kind] =
    cause.baseline === 'text'
      ? ['baseline', 'candidate', cause.candidate]
      : ['candidate', 'baseline', cause.baseline];
  const title = cause.page === undefined ? '' : ` (${codeSpan(cause.page)})`;
  const words = `error answers: ${page} text pages${title} vs ${document} ${bodyKindWord(kind)} error documents `;
  const members = shapeMembers(shape).map((name) => codeSpan(name));
  const codes = cause.codes === undefined ? '' : ` ${codesWords(cause.codes)}`;
  return `${words}{${wholeItems(members, ', ', SUMMARY_MAX - words.length - codes.length - 2)}}${codes}`;
}

/**
 * One side's list whatever the query (`ignored-queries.ts`): ``GET /tasks:
 * baseline answers the same list whatever the query (`?search`, `?owner_eq`)``.
 */
function sameListSummary(
  prefix: string,
  change: SkeletonChange,
  { side, queries }: { readonly side: string; readonly queries: readonly string[] },
): string {
  const parent = change.path.slice(0, -'/*'.length);
  const list = parent === '' ? 'list' : `list ${codeSpan(parent)}`;
  const words = `${prefix}${side} answers the same ${list} whatever the query (`;
  const names = queries.map((query) => codeSpan(`?${query}`));
  return `${words}${wholeItems(names, ', ', SUMMARY_MAX - words.length - 1)})`;
}

/**
 * The one-line summary of a root cause: `nil slice [] vs null at \`tags\``,
 * `status 400 → 201 on POST /v1/records`, `header \`cache-control\` missing in
 * candidate`, `4xx bodies: text vs JSON`, `GET /v1/records/:id: candidate adds \`version\``.
 */
export function causeSummary(cause: RootCause): string {
  const own = ownSummary(cause);
  // A structured body's label that travels with its row (rule 59, `structured-labels.ts`).
  const media = 'mediaTypes' in cause ? cause.mediaTypes : undefined;
  if (media === undefined) return own;
  const [b, c] = media.map((one) => (one === '' ? 'no media type' : codeSpan(one)));
  const words = `; ${b} → ${c}`;
  return `${shorten(own, Math.max(SUMMARY_MAX - words.length, 40))}${words}`;
}

/** A cause's summary without the media types its row names (`causeSummary`). */
function ownSummary(cause: RootCause): string {
  switch (cause.type) {
    case 'pattern':
      // A list that is the whole body has no field: it is the body's.
      if (cause.field === '' && cause.pattern === 'array-order')
        return `${cause.detail} of the body`;
      // An id that is the whole text body (rule 32 on whole text bodies): the body's.
      if (cause.field === '' && cause.pattern === 'drawn-format')
        return `${cause.detail} as the whole text body`;
      // A cause of any field: its row lists the fields (`judge/results/root-causes.ts`).
      return cause.field === '' || cause.field === '*'
        ? cause.detail
        : `${cause.detail} at ${codeSpan(cause.field)}`;
    case 'status':
      if (cause.endpoint === ANY_ROUTE && cause.redirect !== undefined) {
        return redirectSummary(cause, cause.redirect);
      }
      if (isMissingRoute(cause)) return missingRouteSummary(cause);
      if (isEveryWrite(cause)) return everyWriteSummary(cause);
      if (cause.parameter !== undefined) return parameterSummary(cause, cause.parameter);
      if (cause.header !== undefined) return headerSummary(cause, cause.header);
      if (isRefusalGate(cause)) return gateSummary(cause);
      if (cause.document === true) return documentSummary(cause);
      if (isUnroutedMethod(cause)) {
        return `status ${cause.baseline} → ${cause.candidate} for a method the route does not have, on several endpoints`;
      }
      return cause.reason === undefined
        ? `status ${cause.baseline} → ${cause.candidate} on ${statusPlace(cause)}`
        : shorten(
            `status ${cause.baseline} → ${cause.candidate} on ${statusPlace(cause)} (${cause.baseline >= 400 ? 'baseline' : 'candidate'}: ${codeSpan(cause.reason)})`,
          );
    case 'header': {
      if (cause.difference !== 'value') {
        const side = cause.difference === 'missing-in-baseline' ? 'baseline' : 'candidate';
        const other = cause.classes?.find((one) => one !== '');
        return other === undefined
          ? `header ${codeSpan(cause.name)} missing in ${side}`
          : `header ${codeSpan(cause.name)} missing in ${side} where the ${side === 'baseline' ? 'candidate' : 'baseline'} sends ${codeSpan(other)}`;
      }
      const [b, c] = cause.classes ?? ['', ''];
      if (b === NO_CHARSET || c === NO_CHARSET) {
        const [labelled, side] = b === NO_CHARSET ? [c, 'candidate'] : [b, 'baseline'];
        return `only the ${side} labels its text bodies ${codeSpan(labelled)} (\`content-type\`): the other leaves their reading to each client's default`;
      }
      return shorten(`header ${codeSpan(cause.name)} differs: ${codeSpan(b)} vs ${codeSpan(c)}`);
    }
    case 'body-kind':
      if (cause.document !== undefined) return handlerSummary(cause, cause.document);
      return `${cause.statusClass} bodies: ${bodyKindWord(cause.baseline)} vs ${bodyKindWord(cause.candidate)}`;
    case 'structure': {
      if (cause.endpoint === ANY_ENDPOINT && cause.difference !== undefined) {
        return shorten(differenceWords(cause.difference));
      }
      // A difference kept apart beside the one most of its endpoint's answers show (rule 9).
      if (cause.apart === true && cause.alike !== undefined && cause.main !== true) {
        return shorten(`${cause.endpoint}: ${apartWords(cause.alike)}`);
      }
      const prefix = cause.endpoint === ANY_ENDPOINT ? '' : `${cause.endpoint}: `;
      // A whole text body on one endpoint: what its texts differ by, never the texts.
      const whole =
        cause.difference === undefined ? undefined : endpointDifferenceWords(cause.difference);
      if (whole !== undefined && cause.together === undefined) return `${prefix}${whole}`;
      if (cause.ignoredQuery !== undefined) {
        return sameListSummary(prefix, cause.change, cause.ignoredQuery);
      }
      if (cause.transform !== undefined) {
        const places = [cause.change, ...(cause.together ?? [])].map((c) =>
          codeSpan(c.path || '/'),
        );
        // An object's members (one side's defaults left out) are in it; a value is at its place.
        const where = isObjectSignature(cause.change) ? 'in' : 'at';
        const words = `${prefix}${transformWords(cause.transform)}, ${where} `;
        return shorten(`${words}${wholeItems(places, ', ', SUMMARY_MAX - words.length)}`);
      }
      if (cause.statuses !== undefined) {
        return refusalSummary(cause.statuses, [cause.change, ...(cause.together ?? [])]);
      }
      if (cause.errorObject !== undefined) {
        const words = `error object ${codeSpan(cause.errorObject)} changed at once: `;
        const members = membersWords(
          cause.change,
          cause.together ?? [],
          SUMMARY_MAX - words.length,
        );
        return shorten(`${words}${members}`);
      }
      const room = SUMMARY_MAX - prefix.length;
      if (cause.change.to !== undefined) {
        return shorten(`${prefix}${rewordedWords(cause.change, cause.together ?? [], room)}`);
      }
      return shorten(`${prefix}${membersWords(cause.change, cause.together ?? [], room)}`);
    }
    default: {
      const never: never = cause;
      return never;
    }
  }
}

/** What a root cause of this family is, in one sentence (for `parity show`). */
export function causeMeaning(cause: RootCause): string {
  switch (cause.type) {
    case 'pattern':
      return `${patternNamed(cause.pattern).meaning} (${codeSpan(cause.pattern)})`;
    case 'status':
      if (cause.document === true) {
        return 'one side answers a request it refused with a success status, writing the same error document the other side answers with an error status (as GraphQL servers that answer every result 200 do)';
      }
      if (isEveryWrite(cause)) {
        return 'one side answers every write it accepted (PUT, PATCH, DELETE, POST) with one success status, whatever the method, where the other answers each method with a status of its own (a framework that answers every write 204 or 205)';
      }
      if (isRefusalGate(cause) && Math.max(cause.baseline, cause.candidate) < 400) {
        return `one side answers every request of ${cause.endpoint} with one page, whatever the request asks, where the other side answers each request for itself`;
      }
      return isRefusalGate(cause)
        ? `one side refuses every request of ${cause.endpoint} alike, whatever the other side answers (it checks something before it reads the request)`
        : `the two sides answer ${statusPlace(cause)} with different statuses for the same request`;
    case 'header':
      return cause.difference === 'value'
        ? `the sides send ${codeSpan(cause.name)} with values of different shapes`
        : `one side sends ${codeSpan(cause.name)}, the other does not`;
    case 'body-kind':
      if (cause.document !== undefined) {
        return "one side answers the requests it refuses with one error document, whatever the method, endpoint and status, where the other side answers its framework's text page: one error handler against the other's";
      }
      return 'the sides answer the same request with bodies of different kinds (JSON, text, empty, …)';
    case 'structure':
      if (cause.statuses !== undefined) {
        return 'both sides refuse the same requests, each with a status of its own, in one envelope, and one side words those refusals its own way (another error class, other messages): one decision, how it refuses them';
      }
      if (cause.errorObject !== undefined) {
        return "one side's error handler writes another error object for the same refusals: its code, its message and its members change in exactly the same answers (one raise writes them together), one decision whatever the operations";
      }
      if (cause.change.edit !== undefined && isConstantWording(cause.change.edit)) {
        return "one side writes one message where the other names each error's reason (as a server that sanitises its error answers does): one decision for every message it replaces";
      }
      if (cause.change.edit !== undefined) {
        return "one side's error messages are the other's reworded by one edit, the same for every message at that place (as a validator's new release words them all anew): one decision for the whole set";
      }
      if (cause.ignoredQuery !== undefined) {
        return "one side answers the same list to every read of the endpoint whatever its query, where the other side's list changes with it: that side reads none of those query parameters (one decision, however many parameters show it)";
      }
      if (cause.change.to === undefined) {
        return 'a difference no known cross-runtime convention explains';
      }
      return cause.change.kinds === undefined
        ? "one side's error envelope names the status where the other writes the message, and writes the message in a member of its own, worded another way"
        : 'a value both sides write in bodies of two kinds (XML, JSON), at the places where the other answers show it alike, differs';
    default: {
      const never: never = cause;
      return never;
    }
  }
}
