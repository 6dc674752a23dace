/**
 * Regular expressions from case files and configs (flow captures, `mask`
 * rules) run on RE2's linear-time engine (`re2js`), never on V8's
 * backtracking one: `^(a+)+$` against 34 `a`s and a `!` takes microseconds,
 * not the rest of the run, and nothing a server sends can hold the event
 * loop (a signal could not even stop it). RE2 has no lookaround and no
 * backreference; such a pattern is refused where it is written, with why.
 */
import { RE2JS } from 're2js';

/** A compiled pattern with what parity asks of one. */
export interface SafeRegex {
  /** As written. */
  readonly source: string;
  /** Groups in the pattern (`(a)(b)` → 2). */
  readonly groups: number;
  test(text: string): boolean;
  /** The first match: the whole match, then each group (undefined when it took no part); or null. */
  exec(text: string): readonly (string | undefined)[] | null;
}

/** Why `source` cannot be one (its first problem), or undefined when it can. */
export function safeRegexProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/^error parsing regexp: /, '');
    return /\(\?[=!<]|\\[1-9]/.test(source) && /unsupported|invalid escape/.test(reason)
      ? `${reason} (regular expressions run on a linear-time engine: no lookahead, lookbehind or backreference)`
      : reason;
  }
}

/** Compiles `source`; throws a plain Error saying why it cannot (see `safeRegexProblem`). */
export function compileSafe(source: string): SafeRegex {
  const problem = safeRegexProblem(source);
  if (problem !== undefined) throw new Error(problem);
  const compiled = RE2JS.compile(source);
  return {
    source,
    groups: compiled.groupCount(),
    test: (text) => compiled.matcher(text).find(),
    exec(text) {
      const matcher = compiled.matcher(text);
      if (!matcher.find()) return null;
      const out: (string | undefined)[] = [];
      for (let group = 0; group <= matcher.groupCount(); group++) {
        out.push(matcher.group(group) ?? undefined);
      }
      return out;
    },
  };
}
