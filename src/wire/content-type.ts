/**
 * The `charset` parameter of a content type, compared as an encoding note
 * rather than as a header divergence. Pure.
 */

/** The `charset` parameter, lower case and unquoted, or `undefined` when absent. */
export function contentTypeCharset(contentType: string): string | undefined {
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return undefined;
}

/** A normalised content type (`type/sub;a=1;charset=x`) without its `charset` parameter. */
export function withoutCharset(normalised: string): string {
  return normalised
    .split(';')
    .filter((part, i) => i === 0 || !part.startsWith('charset='))
    .join(';');
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string): string {
  // No cache: a Map keyed by the value saved ~50–100 ns a call (a paired
  // measurement on Node 20, fresh strings as from the wire), well under 1% of a case.
  return contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
}
