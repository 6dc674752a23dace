/** What the CLI may touch of its process: passed in, so tests run `main` in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock, so tests can pin dates in the tracker. */
  readonly now?: () => Date;
}
