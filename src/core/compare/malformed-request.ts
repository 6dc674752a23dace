/**
 * A request whose body does not parse as the media type it declares (tracker
 * rule 40, docs/tracker.md): a `text/xml` call cut short, an empty body, a form sent as XML,
 * JSON with a stray comma. A side that refuses it answers with its
 * parser's message, and the message changes with the input (`no element
 * found`, `unclosed token`, `not well-formed (invalid token)`): each is the
 * same refusal, of a body that does not parse. Its reason is keyed as
 * `{{malformed XML request}}` (or JSON), never by the parser's words, so
 * every malformed request one side refuses and the other answers otherwise
 * is one row. **Kept apart**: a request without a body, a body that parses
 * (its refusal keeps its own reason), a media type that declares neither
 * JSON nor XML. Pure.
 */
import type { Case } from '../../contract/model/case.js';
import { isJsonContentType, isXmlContentType } from '../wire/content-type.js';
import { isWellFormedXml } from '../xml/tree.js';

/** How the reason of a refused malformed request is keyed. */
export function malformedReason(kind: 'JSON' | 'XML'): string {
  return `{{malformed ${kind} request}}`;
}

function bodyText(body: Case['request']['body']): string | undefined {
  switch (body.kind) {
    case 'text':
      return body.text;
    case 'bytes':
      return new TextDecoder().decode(body.bytes);
    default:
      return undefined;
  }
}

/** The media type the request's body declares and fails to parse as, if it does. */
export function malformedKind(request: Case['request']): 'JSON' | 'XML' | undefined {
  const text = bodyText(request.body);
  if (text === undefined) return undefined;
  let contentType: string | undefined;
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() === 'content-type') contentType = value;
  }
  if (isXmlContentType(contentType)) return isWellFormedXml(text) ? undefined : 'XML';
  if (!isJsonContentType(contentType)) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return 'JSON';
  }
}
