/**
 * The strings a request sent, as written in the library: its path's
 * segments (as sent and decoded), its query's values, a form body's values
 * (`application/x-www-form-urlencoded`), a JSON body's strings at any
 * depth (to `DEEPEST`; written as `json:` or as text under a JSON media
 * type) and an XML body's texts and attribute values (to `DEEPEST_XML`) (an
 * XML-RPC call's `<string>` parameters). A value written with a flow's variable (`{{pool}}`)
 * is no value sent as written: each side's own. What a server says back of
 * them is read by two rules: a refusal's reason that names one
 * (`core/compare/sent-values.ts`, tracker rule 38) and an answer that holds
 * one where the other holds a drawn id (`sent-substitutions.ts`, rule 37).
 * Pure.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import { isJsonContentType, isXmlContentType } from '../wire/content-type.js';
import { parseXml } from '../xml/tree.js';
import { isJsonObject } from './json.js';

/** JSON bodies are walked this deep. */
const DEEPEST = 8;
/** XML trees this deep: an XML-RPC struct's member value sits nine levels down. */
const DEEPEST_XML = 16;

function jsonStrings(value: unknown, into: string[], depth: number, deepest = DEEPEST): void {
  if (depth > deepest) return;
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) {
    for (const item of value) jsonStrings(item, into, depth + 1, deepest);
  } else if (isJsonObject(value)) {
    for (const member of Object.values(value)) jsonStrings(member, into, depth + 1, deepest);
  }
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A broken escape: no value as decoded.
    return undefined;
  }
}

function contentTypeOf(request: CaseRequest): string | undefined {
  return request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}

/** A body sent as a form (`application/x-www-form-urlencoded`): its values are the form's. */
function isForm(request: CaseRequest): boolean {
  return (contentTypeOf(request) ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}

/** A JSON body written as text (`text:` under a JSON media type): its strings, when it parses. */
function jsonText(text: string, into: string[]): void {
  try {
    jsonStrings(JSON.parse(text), into, 0);
  } catch {
    // Not JSON: no value sent as JSON.
  }
}

/** An XML body's texts and attribute values (its tree's strings, `core/xml/tree.ts`). */
function xmlStrings(text: string, into: string[]): void {
  const parsed = parseXml(text);
  if (parsed.ok) jsonStrings(parsed.value, into, 0, DEEPEST_XML);
}

/** The strings `request` sent (see the module comment), in request order, none empty or templated. */
export function requestValues(request: CaseRequest): string[] {
  const found: string[] = [];
  const path = request.path.split('?')[0] ?? '';
  for (const segment of path.split('/')) {
    found.push(segment);
    const text = decoded(segment);
    if (text !== undefined && text !== segment) found.push(text);
  }
  for (const [, value] of request.query) found.push(value);
  const { body } = request;
  if (body.kind === 'json') jsonStrings(body.value, found, 0);
  else if (body.kind === 'text' && isForm(request)) {
    for (const [, value] of new URLSearchParams(body.text)) found.push(value);
  } else if (body.kind === 'text' && isXmlContentType(contentTypeOf(request))) {
    xmlStrings(body.text, found);
  } else if (body.kind === 'text' && isJsonContentType(contentTypeOf(request))) {
    jsonText(body.text, found);
  }
  return found.filter((value) => value !== '' && !value.includes('{{'));
}
