/**
 * The names of the parameters a request sent (tracker rule 33: one side's
 * checks of one request parameter are one row): its query's names, its form
 * body's, its JSON body's member names at any depth, and those the earlier
 * steps of its flow sent (a token exchange's `code_verifier` is checked
 * against the `code_challenge` its authorize step sent). Only names, never
 * values: a value may be a secret, and a report keeps these names.
 *
 * A name that a value sent by the same requests holds as a whole word
 * (`{"sort": "name", "name": "x"}`) is left out: a refusal that says it may
 * only echo that value, and an echo names no parameter. A name written with
 * a flow's variable (`{{field}}`) is no name as sent. Pure.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import { holdsWord } from '../../util/text.js';
import { isJsonObject } from '../normalise/json.js';

/** At most this many names are kept, each at most `LONGEST` characters: a request's parameters, not its data. */
const MOST = 64;
const LONGEST = 64;
/** JSON bodies are walked this deep. */
const DEEPEST = 8;

interface Sent {
  readonly names: Set<string>;
  readonly values: string[];
}

function add(sent: Sent, name: string, value: unknown): void {
  if (name.length > 0 && name.length <= LONGEST && !name.includes('{{')) sent.names.add(name);
  if (typeof value === 'string') sent.values.push(value);
}

function jsonNames(value: unknown, sent: Sent, depth: number): void {
  if (depth > DEEPEST) return;
  if (Array.isArray(value)) {
    for (const item of value) jsonNames(item, sent, depth + 1);
  } else if (isJsonObject(value)) {
    for (const [name, member] of Object.entries(value)) {
      add(sent, name, member);
      jsonNames(member, sent, depth + 1);
    }
  } else if (typeof value === 'string') {
    sent.values.push(value);
  }
}

function isForm(request: CaseRequest): boolean {
  return request.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      value.toLowerCase().startsWith('application/x-www-form-urlencoded'),
  );
}

function requestNames(request: CaseRequest, sent: Sent): void {
  for (const [name, value] of request.query) add(sent, name, value);
  const { body } = request;
  if (body.kind === 'json') jsonNames(body.value, sent, 0);
  else if (body.kind === 'text' && isForm(request)) {
    // The platform's form reader: `+` and percent escapes decoded, a broken escape kept as sent.
    for (const [name, value] of new URLSearchParams(body.text)) add(sent, name, value);
  }
}

/**
 * The names of the parameters `request` sent and those `before` (its flow's
 * earlier steps) sent, sorted, without those a sent value holds as a whole
 * word; at most `MOST`.
 */
export function sentParameters(
  request: CaseRequest,
  before: readonly { readonly request: CaseRequest }[] = [],
): string[] {
  const sent: Sent = { names: new Set(), values: [] };
  for (const step of before) requestNames(step.request, sent);
  requestNames(request, sent);
  const names = [...sent.names].filter(
    (name) => !sent.values.some((value) => holdsWord(value, name)),
  );
  return names.sort().slice(0, MOST);
}
