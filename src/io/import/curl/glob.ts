/**
 * curl's URL globbing (`tool_urlglob.c`): `{a,b}` is one URL per
 * alternative, `[1-3]`, `[01-10]`, `[a-c]` and `[0-100:25]` one per step of
 * the range, the last pattern varying fastest; `\{ \} \[ \]` are the letters
 * themselves, and a numerical IPv6 host (`[::1]`) is no pattern. `-g`
 * (`--globoff`) turns it off. Pure.
 */

/** More URLs than this from one command is not a session a case library holds. */
export const MAX_GLOBBED = 100;

type Piece = string | readonly string[];

/** The steps of a `[…]` range, or undefined when it is none (then it is not a pattern). */
function rangeSteps(inside: string): string[] | undefined {
  const found = /^(?:(\d+)-(\d+)|([a-z])-([a-z])|([A-Z])-([A-Z]))(?::(\d+))?$/.exec(inside);
  if (found === null) return undefined;
  const step = Number(found[7] ?? '1');
  if (step < 1) return undefined;
  const out: string[] = [];
  if (found[1] !== undefined && found[2] !== undefined) {
    const width = found[1].startsWith('0') ? found[1].length : 0;
    const from = Number(found[1]);
    const to = Number(found[2]);
    for (let n = from; n <= to && out.length <= MAX_GLOBBED; n += step) {
      out.push(String(n).padStart(width, '0'));
    }
    return out;
  }
  const from = (found[3] ?? found[5] ?? 'a').charCodeAt(0);
  const to = (found[4] ?? found[6] ?? 'a').charCodeAt(0);
  for (let c = from; c <= to; c += step) out.push(String.fromCharCode(c));
  return out;
}

const IPV6 = /^[0-9a-fA-F:.]+(%[^\]]*)?$/;

/** The literal text and patterns of a URL. */
function pieces(url: string): Piece[] {
  const out: Piece[] = [];
  let literal = '';
  for (let i = 0; i < url.length; i++) {
    const c = url[i] ?? '';
    if (c === '\\' && '{}[]'.includes(url[i + 1] ?? '')) {
      literal += url[i + 1];
      i++;
      continue;
    }
    const close = c === '{' ? '}' : c === '[' ? ']' : undefined;
    const end = close === undefined ? -1 : url.indexOf(close, i + 1);
    if (close === undefined || end === -1) {
      literal += c;
      continue;
    }
    const inside = url.slice(i + 1, end);
    const steps =
      c === '{'
        ? inside.split(',')
        : IPV6.test(inside) && inside.includes(':')
          ? undefined
          : rangeSteps(inside);
    if (steps === undefined) {
      literal += c;
      continue;
    }
    out.push(literal, steps);
    literal = '';
    i = end;
  }
  out.push(literal);
  return out;
}

/** The URLs curl sends for `url`: one, or one per combination of its patterns (at most `MAX_GLOBBED` + 1). */
export function globbedUrls(url: string): string[] {
  let urls = [''];
  for (const piece of pieces(url)) {
    if (typeof piece === 'string') urls = urls.map((u) => u + piece);
    else urls = urls.flatMap((u) => piece.map((p) => u + p)).slice(0, MAX_GLOBBED + 1);
  }
  return urls;
}
