/**
 * One `-F name=content` field as curl's `tool_formparse.c` reads it: the
 * content is a word, `"quoted"` (with `\"` and `\\` escapes, the quotes not
 * sent) or up to the first `;`, then `;type=…` (the part's content type, its
 * own `;` parameters included), `;filename=…`, `;headers=…`, `;encoder=…`;
 * anything else after a `;` is skipped, as curl skips it (with a warning).
 * `--form-string` takes the content as it is. Pure.
 */

export interface CurlFormField {
  readonly name: string;
  /** The content, or the file after `@`/`<` (which an import cannot read). */
  readonly content: string;
  readonly file: boolean;
  readonly type?: string | undefined;
  readonly filename?: string | undefined;
  /** `headers=` values: extra headers of the part. */
  readonly headers: readonly string[];
}

/** A word at `at`: quoted (escapes read, quotes dropped, the rest to `;` skipped) or up to `;`. */
function word(text: string, at: number): { value: string; end: number } {
  if (text[at] === '"') {
    let value = '';
    let i = at + 1;
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++;
      value += text[i];
    }
    const semicolon = text.indexOf(';', i);
    return { value, end: semicolon === -1 ? text.length : semicolon };
  }
  const semicolon = text.indexOf(';', at);
  const end = semicolon === -1 ? text.length : semicolon;
  return { value: text.slice(at, end).trimEnd(), end };
}

/** Reads `name=content;attributes`; `literal` for `--form-string`. */
export function curlFormField(spec: string, literal: boolean): CurlFormField {
  const eq = spec.indexOf('=');
  const name = eq === -1 ? spec : spec.slice(0, eq);
  const rest = eq === -1 ? '' : spec.slice(eq + 1);
  if (literal) return { name, content: rest, file: false, headers: [] };
  const file = rest.startsWith('@') || rest.startsWith('<');
  const first = word(rest, file ? 1 : 0);
  let type: string | undefined;
  let filename: string | undefined;
  const headers: string[] = [];
  let at = first.end;
  while (at < rest.length) {
    at++; // the `;`
    while (rest[at] === ' ' || rest[at] === '\t') at++;
    const attribute = /^(type|filename|headers|encoder)=/i.exec(rest.slice(at));
    if (attribute?.[1]?.toLowerCase() === 'type') {
      // A content type keeps its own parameters: `type=text/plain; charset=utf-8`.
      let end = rest.indexOf(';', at);
      while (end !== -1 && !/^;\s*(filename|headers|encoder|type)=/i.test(rest.slice(end))) {
        end = rest.indexOf(';', end + 1);
      }
      const stop = end === -1 ? rest.length : end;
      type = rest.slice(at + 5, stop).trim();
      at = stop;
      continue;
    }
    const next = word(rest, at + (attribute?.[0].length ?? 0));
    if (attribute?.[1]?.toLowerCase() === 'filename') filename = next.value;
    else if (attribute?.[1]?.toLowerCase() === 'headers') headers.push(next.value);
    at = next.end;
  }
  return { name, content: first.value, file, type, filename, headers };
}
