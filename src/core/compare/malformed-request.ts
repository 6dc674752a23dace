/**
 * A request whose body does not parse as the media type it declares (tracker
 * rule 40, docs/tracker.md): a `text/xml` call cut short, an empty body, a
 * form sent as XML, JSON with a stray comma. A side that refuses it answers
 * with its parser's message, and the message changes with the input (`no
 * element found`, `unclosed token`, `not well-formed (invalid token)`): each
 * is the same refusal, of a body that does not parse. The comparison notes
 * the media type (`Comparison.malformed`, kept in the observation as
 * `request.malformed`), and once every answer is in, the refusals of such
 * requests on one endpoint are one row, their reason `{{malformed XML
 * request}}` (`recurring-causes.ts`). A request without a body, or whose
 * media type declares neither JSON nor XML, is none. Pure.
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
