/** Shell words split into commands: what both tokenizers produce. Pure types. */

/** One command of a pasted text: its words and the line it starts on (1-based). */
export interface ShellCommand {
  readonly words: readonly string[];
  readonly line: number;
  /** What the script feeds its standard input: a here-document (`<<EOF`) or here-string (`<<<`). */
  readonly stdin?: string | undefined;
}
