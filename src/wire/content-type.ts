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

/** Media types repeat across responses: each distinct content type is parsed once. */
const mediaTypes = new Map<string, string>();

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string): string {
  let mediaType = mediaTypes.get(contentType);
  if (mediaType === undefined) {
    mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
    if (mediaTypes.size >= 1024) mediaTypes.clear();
    mediaTypes.set(contentType, mediaType);
  }
  return mediaType;
}
