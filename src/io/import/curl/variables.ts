/**
 * Shell variables a curl script sets from an answer, for a session's
 * captures: `TOKEN=$(curl … | jq -r .token)` (or `jq -r '.data.items[0].id'`,
 * `export TOKEN=…`) makes the curl command's step capture `TOKEN` at the JSON
 * pointer the jq path names, and later commands' `$TOKEN`/`${TOKEN}` become
 * `{{TOKEN}}`. A jq filter that is not a plain path is left out with a note.
 * Pure.
 */
import type { CaptureModel } from '../types.js';
import type { ShellCommand } from './words.js';

/** A curl command, and the variable its answer sets, if any. */
export interface CurlCommand {
  readonly command: ShellCommand;
  readonly captures?: Readonly<Record<string, CaptureModel>>;
}

const ASSIGNED = /^([A-Za-z_]\w*)=\$\((.*)$/;

/** `.a.b[0]["c-d"]` → `/a/b/0/c-d`; undefined for anything else jq can say. */
export function jqPointer(filter: string): string | undefined {
  const text = filter.trim();
  if (text === '.') return '';
  let pointer = '';
  let rest = text;
  const token = (key: string) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  while (rest !== '') {
    const member = /^\.([A-Za-z_][\w]*)/.exec(rest) ?? /^\.?\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    const found = member ?? index;
    if (found === null) return undefined;
    pointer += token(found[1] ?? '');
    rest = rest.slice(found[0].length);
  }
  return pointer === '' ? undefined : pointer;
}

const strip = (word: string) => (word.endsWith(')') ? word.slice(0, -1) : word);

/**
 * The curl commands of a script, each with the variable its answer sets:
 * `NAME=$(curl` opens one; the jq command piped after it names the path.
 */
export function curlCommands(commands: readonly ShellCommand[], notes: string[]): CurlCommand[] {
  const out: CurlCommand[] = [];
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    if (command === undefined) continue;
    const words = command.words[0] === 'export' ? command.words.slice(1) : command.words;
    const assigned = ASSIGNED.exec(words[0] ?? '');
    const first = assigned === null ? (words[0] ?? '') : (assigned[2] ?? '');
    if (!/^curl(\.exe)?$/i.test(first)) continue;
    const curlWords = [first, ...words.slice(1)];
    if (assigned === null) {
      out.push({ command: { ...command, words: curlWords } });
      continue;
    }
    const name = assigned[1] ?? '';
    const last = curlWords[curlWords.length - 1] ?? '';
    const closedHere = last.endsWith(')');
    if (closedHere) curlWords[curlWords.length - 1] = strip(last);
    const next = commands[i + 1];
    const filter =
      !closedHere && next !== undefined && next.words[0] === 'jq'
        ? strip(next.words.slice(1).find((w) => !w.startsWith('-')) ?? '')
        : undefined;
    const pointer = filter === undefined ? undefined : jqPointer(filter);
    if (pointer === undefined) {
      notes.push(
        `curl command at line ${command.line}: ${name} is set from its answer ${filter === undefined ? 'as a whole' : `by jq ${filter}`}, which an import cannot capture (only a jq path such as .token or .items[0].id): capture it in its step by hand`,
      );
      out.push({ command: { ...command, words: curlWords } });
      continue;
    }
    out.push({
      command: { ...command, words: curlWords },
      captures: { [name]: { json: pointer || '/' } },
    });
  }
  return out;
}
