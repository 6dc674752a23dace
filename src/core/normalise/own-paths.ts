/**
 * Each side's own file system, where an answer names it. Two servers of one
 * API live in two folders of two machines or installations, and some
 * answers say where: an error page's stack trace names the files of the
 * installation and their lines (`at parse
 * (/srv/app/node_modules/body-parser/lib/types/json.js:92:19)`, Python's
 * `File "/usr/lib/python3/x.py", line 42`), and a not-found error quotes the
 * path the server looked for what the request named (`ENOENT: no such file
 * or directory, lstat '/tmp/x-3f9a/lib/flows/no-such-entry'` for `GET
 * /library/local/flows/no-such-entry`). Those paths are each side's own,
 * found by what the answer shows, never by a member's name:
 *
 * - **a source location**: an absolute path to a file (it has an
 *   extension) followed by its line (and column): `{{source}}`;
 * - **a path to what the request named**: an absolute path, quoted in a
 *   text, whose last segment is the request path's last segment:
 *   `{{path}}`.
 *
 * Each side's are replaced in its own answer (JSON and XML strings, text
 * bodies), so what is around them (the error's words, a path on one side
 * only) is still compared; a path any request of the exchange holds is data,
 * never replaced. A stack trace's frames, once a source location shows them
 * to be frames, are the installation's own code as a whole: which functions
 * called which, and how many, change with every release of the server or
 * its libraries while the error stays the same. A run of frame lines is
 * compared as one `{{frames}}` (JavaScript's and Java's `at …` lines with
 * Java's `... 3 more`, Python's `File "…", line N, in f` with its source
 * line; in an HTML page, lines broken by `<br>`), so two sides that fail
 * with the same error are alike whatever their stacks, and a stack on one
 * side only still differs. The result lists each place with its evidence
 * under `generated`. Answers whose bodies are the same
 * text are left as they are (nothing there differs). Pure.
 */
import type { CaseRequest } from '../../contract/model/case.js';
import type { Exchange, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import { pointerOf } from '../../util/json-pointer.js';
import { isTreeBody, treeWithValue } from '../wire/tree-body.js';
import { mapLeaves } from './origin.js';
import { requestText } from './own-identity.js';

/** What a source location (a file of the side's installation and its line) is compared as. */
export const SOURCE_TOKEN = '{{source}}';
/** What the path a side looked for the requested thing at is compared as. */
export const PATH_TOKEN = '{{path}}';

/** One segment of a path: no separator, space, quote, bracket or the punctuation around a path. */
const SEGMENT = '[^\\s\'"`()<>\\[\\]{}:;,|*?/\\\\]+';
/** A file's last segment: a name with an extension. */
const FILE = `${SEGMENT}\\.[A-Za-z][A-Za-z0-9]{0,7}`;
/**
 * A source location: an absolute POSIX path (or a `file://` URL of one, or a
 * drive path) to a file, then `:line` and perhaps `:column`; or Python's
 * `"path", line N`. Not inside a longer word or path.
 */
const SOURCE = new RegExp(
  [
    `(?<![\\w.~/-])(?:file://)?(?:/${SEGMENT})*/${FILE}:\\d+(?::\\d+)?(?![\\w.])`,
    `(?<![\\w.~/-])[A-Za-z]:\\\\(?:${SEGMENT}\\\\)*${FILE}:\\d+(?::\\d+)?(?![\\w.])`,
    `(?<=File ")(?:/${SEGMENT})*/${FILE}", line \\d+`,
  ].join('|'),
  'g',
);
/** What a run of a stack trace's frames is compared as. */
export const FRAMES_TOKEN = '{{frames}}';
/**
 * A run of stack frame lines: JavaScript's and Java's `at …` (Java's
 * `... 3 more` after them), Python's `File "…", in f` with its indented
 * source line. A run is frames only when a source location shows in it.
 */
const FRAME_RUN =
  /(?:^[ \t]*(?:at \S[^\n]*|\.\.\. \d+ more|File "[^\n]*"[^\n]*(?:\n[ \t]{4,}\S[^\n]*)?)(?:\n|$))+/gm;

/**
 * The same frames in an HTML error page, where a line break is `<br>` and
 * the indent `&nbsp;` (Express's development error page: `<pre>Error:
 * Invalid lifecycle<br> &nbsp; &nbsp;at f (…)</pre>`).
 */
const HTML_FRAME_RUN = /(?:<br\s*\/?>(?:[ \t]|&nbsp;)*at \S[^<\n]*)+/g;

/** `text` with each run of frame lines that holds a replaced source location as one `{{frames}}` line. */
function collapseFrames(text: string): string {
  const lines = text.replace(FRAME_RUN, (run) => {
    if (!run.includes(SOURCE_TOKEN)) return run;
    const indent = /^[ \t]*/.exec(run)?.[0] ?? '';
    return `${indent}${FRAMES_TOKEN}${run.endsWith('\n') ? '\n' : ''}`;
  });
  if (!lines.includes('<br')) return lines;
  return lines.replace(HTML_FRAME_RUN, (run) =>
    run.includes(SOURCE_TOKEN) ? `<br>${FRAMES_TOKEN}` : run,
  );
}

/** The end of Python's form of a source location. */
const PYTHON_LINE = /", line \d+$/;
/** A quoted absolute path (POSIX or a drive's), its quotes kept in groups 1 and 3. */
const QUOTED = /(['"`])(\/[^'"`\s]+|[A-Za-z]:\\[^'"`\s]+)(\1)/g;

/** A cheap test before the expressions: a text that can hold neither kind of path. */
function mayHold(text: string, named: string | undefined): boolean {
  if (!text.includes('/') && !text.includes('\\')) return false;
  return (
    /\.[A-Za-z][A-Za-z0-9]{0,7}(?::\d|", line)/.test(text) ||
    (named !== undefined && text.includes(named))
  );
}

/** What one side's answer is searched with. */
interface Search {
  /** The request path's last segment, decoded (what the request named), if any. */
  readonly named: string | undefined;
  /** Every request of the exchange, as one text: a path it holds is data. */
  readonly requests: string;
}

/** Where each kind was found, by place (`/message`, `body`). */
interface Found {
  /** How many source locations, by place. */
  readonly sources: Map<string, number>;
  /** The name the path led to, by place. */
  readonly paths: Map<string, string>;
}

/** `text` with the side's own paths replaced; undefined when it holds none. */
function replaced(text: string, search: Search, place: string, found: Found): string | undefined {
  if (text.length < 4 || !mayHold(text, search.named)) return undefined;
  let frames = 0;
  let out = text.replace(SOURCE, (match) => {
    // Python's `"path", line N`: the path and its line are the location.
    const python = PYTHON_LINE.exec(match);
    const path = python === null ? match : match.slice(0, python.index);
    if (search.requests.includes(path)) return match;
    frames++;
    return python === null ? SOURCE_TOKEN : `${SOURCE_TOKEN}"`;
  });
  let named = false;
  const name = search.named;
  if (name !== undefined) {
    out = out.replace(QUOTED, (match, open: string, path: string, close: string) => {
      const last = path
        .split(/[/\\]/)
        .filter((s) => s !== '')
        .at(-1);
      if (last !== name || search.requests.includes(path)) return match;
      named = true;
      return `${open}${PATH_TOKEN}${close}`;
    });
  }
  if (frames === 0 && !named) return undefined;
  if (frames > 0) out = collapseFrames(out);
  if (frames > 0) found.sources.set(place, (found.sources.get(place) ?? 0) + frames);
  if (named) found.paths.set(place, name ?? '');
  return out;
}

/** A JSON-like value with its strings' own paths replaced (copies only where something changed). */
function walk(value: unknown, search: Search, found: Found): unknown {
  return mapLeaves(value, undefined, (leaf, at) => {
    if (typeof leaf !== 'string') return leaf;
    const pointer = pointerOf(at);
    return replaced(leaf, search, pointer === '' ? '/' : pointer, found) ?? leaf;
  });
}

function body(input: ResponseBody, search: Search, found: Found): ResponseBody {
  if (isTreeBody(input)) {
    if (input.text !== undefined && !mayHold(input.text, search.named)) return input;
    const value = walk(input.value, search, found);
    // The wire text still holds the raw paths: dropped, so no wire note is made up from it.
    return value === input.value ? input : treeWithValue(input, value);
  }
  // A text, or a body its media type calls JSON or XML that is not (a stack trace under `text/xml`).
  if (input.kind === 'text' || input.kind === 'invalid-json' || input.kind === 'invalid-xml') {
    const text = replaced(input.text, search, 'body', found);
    return text === undefined ? input : { ...input, text };
  }
  return input;
}

function side(input: SideOutcome, search: Search, found: Found): SideOutcome {
  if (input.outcome !== 'response') return input;
  const out = body(input.response.body, search, found);
  return out === input.response.body
    ? input
    : { outcome: 'response', response: { ...input.response, body: out } };
}

/** A body's text as received, when it has one (JSON and XML keep theirs, text is its text). */
function textOf(outcome: SideOutcome): string | undefined {
  if (outcome.outcome !== 'response') return undefined;
  const { body } = outcome.response;
  return 'text' in body ? body.text : undefined;
}

/** Whether a side's answer can hold a path: a text with a slash (`mayHold`), or a body read without its text. */
function mayHoldPaths(outcome: SideOutcome): boolean {
  if (outcome.outcome !== 'response') return false;
  const text = textOf(outcome);
  return text === undefined || text.includes('/') || text.includes('\\');
}

/** The last segment of a request's path, decoded (`/library/local/flows/x` → `x`). */
function lastSegment(path: string): string | undefined {
  const last = path
    .split('?')[0]
    ?.split('/')
    .filter((s) => s !== '')
    .at(-1);
  if (last === undefined) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** What one side's answer is searched with: its own request's last segment, every request of the exchange. */
function searchOf(request: CaseRequest, requests: string): Search {
  return { named: lastSegment(request.path), requests };
}

/**
 * The exchange with each side's own file paths replaced (see the module
 * comment), `generated` listing where with the evidence.
 */
export function maskOwnPaths(exchange: Exchange): Exchange {
  const left = textOf(exchange.baseline);
  if (left !== undefined && left === textOf(exchange.candidate)) return exchange;
  // What the sides are searched with is built only for an answer that can hold a path.
  if (!mayHoldPaths(exchange.baseline) && !mayHoldPaths(exchange.candidate)) return exchange;
  const own = {
    baseline: exchange.flow?.requests.baseline ?? exchange.case.request,
    candidate: exchange.flow?.requests.candidate ?? exchange.case.request,
  };
  const requests = [...new Set([own.baseline, own.candidate])].map(requestText).join('\n');
  const found: Found = { sources: new Map(), paths: new Map() };
  const baseline = side(exchange.baseline, searchOf(own.baseline, requests), found);
  const candidate = side(exchange.candidate, searchOf(own.candidate, requests), found);
  if (found.sources.size === 0 && found.paths.size === 0) return exchange;
  const listed = [
    ...[...found.sources].map(
      ([place, n]) =>
        `${place} (${n} source location${n === 1 ? '' : 's'} of the sides' own installations: a file and its line, in a stack trace whose frames are compared as one)`,
    ),
    ...[...found.paths].map(
      ([place, name]) =>
        `${place} (a file path of the side's own: where it looked for \`${name}\`, which the request named)`,
    ),
  ];
  return {
    ...exchange,
    baseline,
    candidate,
    generated: [...(exchange.generated ?? []), ...listed],
  };
}
