/**
 * The docs doc-test (the README and docs/*.md), part 1: find every fenced
 * block of a markdown file and the `<!-- doctest … -->` comment written just
 * above it (only blank lines between). Shell blocks (info string `sh`,
 * `bash`, `shell`, `console`, `zsh`) are run; any block can be named as
 * output a command shows (`<!-- doctest output: NAME -->`). The convention
 * is documented in docs/development.md, "The README is a test". Pure.
 */
import { parse as parseYaml } from 'yaml';
import { BLOCK_FIELDS, type DoctestSpec, doctestSpecSchema } from './spec.js';

/** Info strings whose blocks are shell commands (the first word counts). */
export const SHELL_LANGUAGES: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'shell',
  'console',
  'zsh',
]);

export interface FencedBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The info string's first word (`sh`), or '' for a bare fence. */
  readonly language: string;
  readonly text: string;
  /** The doctest comment above the block, parsed and checked. */
  readonly spec: DoctestSpec | undefined;
  /** 1-based line of that comment. */
  readonly specLine: number | undefined;
}

/** A problem with the document's doctest markup itself, at a line. */
export interface MarkupProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedDoc {
  readonly blocks: readonly FencedBlock[];
  readonly problems: readonly MarkupProblem[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const COMMENT_START = /^ {0,3}<!--\s*doctest\b/;

interface PendingComment {
  readonly line: number;
  readonly body: string;
}

/** Reads a `<!-- doctest … -->` comment starting at `start`; returns it and the line after it. */
function readComment(lines: readonly string[], start: number): [PendingComment, number] | string {
  let body = '';
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const end = text.indexOf('-->');
    const part = i === start ? text.replace(COMMENT_START, '') : text;
    if (end >= 0) {
      body += part.slice(0, part.indexOf('-->'));
      return [{ line: start + 1, body: body.trim() }, i + 1];
    }
    body += `${part}\n`;
  }
  return 'a doctest comment is never closed with -->';
}

/** The comment's text as a spec (YAML, checked), or a problem. */
function specOf(comment: PendingComment): DoctestSpec | string {
  let data: unknown;
  try {
    // `<!-- doctest: skip … -->` and `<!-- doctest skip: … -->` both read as YAML.
    data = parseYaml(comment.body.replace(/^:\s*/, '')) ?? {};
  } catch (error) {
    return `the doctest comment is not valid YAML: ${error instanceof Error ? error.message : String(error)}`;
  }
  // `<!-- doctest: skip WHY -->`: a plain sentence after `skip`.
  if (typeof data === 'string' && /^skip\s/.test(data)) data = { skip: data.slice(5).trim() };
  const parsed = doctestSpecSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  return `the doctest comment is invalid (${describeFailure(data)}); write \`skip: WHY\`, \`output: NAME\`, or expectations: ${Object.keys(BLOCK_FIELDS).join(', ')}`;
}

/** Which fields of a comment are not known, or what it is instead of a mapping. */
function describeFailure(data: unknown): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `got ${JSON.stringify(data)}`;
  }
  const known = new Set([...Object.keys(BLOCK_FIELDS), 'skip', 'output']);
  const unknown = Object.keys(data).filter((key) => !known.has(key));
  return unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : 'a field has the wrong type';
}

/** Every fenced block of `markdown` with its doctest comment, and the markup's problems. */
export function parseDoc(markdown: string): ParsedDoc {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  const problems: MarkupProblem[] = [];
  let pending: PendingComment | undefined;
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] ?? '';
    if (COMMENT_START.test(text)) {
      if (pending !== undefined) {
        problems.push({ line: pending.line, message: 'a doctest comment is not above a block' });
      }
      const read = readComment(lines, i);
      if (typeof read === 'string') {
        problems.push({ line: i + 1, message: read });
        break;
      }
      [pending, i] = read;
      continue;
    }
    const fence = FENCE.exec(text);
    if (fence === null) {
      if (text.trim() !== '' && pending !== undefined) {
        problems.push({ line: pending.line, message: 'a doctest comment is not above a block' });
        pending = undefined;
      }
      i++;
      continue;
    }
    const marker = fence[1] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? '').trimStart().startsWith(marker)) {
      body.push(lines[j] ?? '');
      j++;
    }
    let spec: DoctestSpec | undefined;
    if (pending !== undefined) {
      const checked = specOf(pending);
      if (typeof checked === 'string') problems.push({ line: pending.line, message: checked });
      else spec = checked;
    }
    blocks.push({
      line: i + 1,
      language: fence[2] ?? '',
      text: body.join('\n'),
      spec,
      specLine: pending?.line,
    });
    pending = undefined;
    i = j + 1;
  }
  if (pending !== undefined) {
    problems.push({ line: pending.line, message: 'a doctest comment is not above a block' });
  }
  return { blocks, problems };
}

/**
 * The commands of a shell block, one per logical line: `\` continues a line,
 * blank lines and comment lines are dropped, and a ` # comment` after a
 * command is cut (outside quotes). In a block whose commands have a `$ `
 * prompt, only those lines (and their continuations) are commands.
 */
export function commandsOf(text: string): string[] {
  const commands: string[] = [];
  let current = '';
  // A block of `$ command` lines and their output (a `console` block): the `$` lines only.
  const prompted = /^\s*\$ /m.test(text);
  for (const raw of text.split('\n')) {
    if (prompted && current === '' && !/^\s*\$ /.test(raw)) continue;
    const line = stripComment(raw).replace(/^\s*\$ /, '');
    if (current === '' && line.trim() === '') continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim() !== '') commands.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') commands.push(current.trim());
  return commands;
}

/** The line without a `#` comment that starts outside quotes after a space (or at the start). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') k++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '\\') {
      k++;
    } else if (ch === '#' && (k === 0 || /\s/.test(line[k - 1] ?? ''))) {
      return line.slice(0, k).trimEnd();
    }
  }
  return line.trimEnd();
}
