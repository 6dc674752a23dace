/**
 * Finds and reads `parity.config.yaml|yml|json` (or, when there is none, the
 * `parity` key of `package.json`), validates it (problems at `file:line:col`,
 * like case files) and substitutes `${env:NAME}`.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { INPUT_DEPTH, tooDeepProblem, yamlTooDeep } from '../../util/depth.js';
import { substituteEnvDeep } from '../../util/env.js';
import { type InputProblem, ParityError } from '../../util/errors.js';
import {
  formatField,
  placeReport,
  positionOfOffset,
  positionOfPath,
} from '../../util/positions.js';
import { describeIssues } from '../../util/zod-issues.js';
import { type ConfigInput, configSchema } from './schema.js';

export const CONFIG_FILES = [
  'parity.config.yaml',
  'parity.config.yml',
  'parity.config.json',
] as const;

export interface LoadConfigOptions {
  /** An explicit `--config` path; otherwise the first of CONFIG_FILES in `cwd` is used, if any. */
  readonly file: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * The configured targets the command may send to: an unset `${env:…}` under
   * any other target (a token only `run` needs) is not a problem, and its
   * reference is left as written. Default: every target.
   */
  readonly sendsTo?: (target: string) => boolean;
}

/** A config file is a few kilobytes; anything past this is not one. */
const MAX_CONFIG_FILE = 1024 * 1024;

/**
 * Read synchronously, like case files (io/cases/load.ts): a few stats and one small
 * read, and a command that reads nothing else this way (`validate`) never
 * starts the thread pool or loads `node:fs/promises`.
 */
function readIfPresent(path: string): string | undefined {
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_CONFIG_FILE) {
      const what = info.isFile() ? `larger than ${MAX_CONFIG_FILE} bytes` : 'not a regular file';
      throw new ParityError('PARITY_CONFIG_INVALID', `${path}: the config file is ${what}`);
    }
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A config found: its file, its text, and the key holding it (`parity` in package.json). */
interface FoundConfig {
  readonly path: string;
  readonly text: string;
  readonly key?: 'parity';
}

/** `package.json` with a `parity` key, as the config when no config file is there. */
function fromPackageJson(cwd: string): FoundConfig | undefined {
  const path = resolve(cwd, 'package.json');
  const text = readIfPresent(path);
  if (text === undefined) return undefined;
  try {
    const manifest: unknown = JSON.parse(text);
    const holds = typeof manifest === 'object' && manifest !== null && 'parity' in manifest;
    return holds ? { path, text, key: 'parity' } : undefined;
  } catch {
    // Not ours to judge: npm reports a broken package.json; parity only reads its key.
    return undefined;
  }
}

function findConfig(options: LoadConfigOptions): FoundConfig | undefined {
  if (options.file !== undefined) {
    const path = resolve(options.cwd, options.file);
    const text = readIfPresent(path);
    if (text === undefined)
      throw new ParityError('PARITY_USAGE', `--config ${options.file}: no such file`);
    return { path, text };
  }
  for (const name of CONFIG_FILES) {
    const path = resolve(options.cwd, name);
    const text = readIfPresent(path);
    if (text !== undefined) return { path, text };
  }
  return fromPackageJson(options.cwd);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(problems: InputProblem[]): ParityError {
  return new ParityError('PARITY_CONFIG_INVALID', `the config has ${problems.length} problem(s)`, {
    problems,
  });
}

/** The validated config (empty when there is no config file) and where it came from. */
export async function loadConfig(
  options: LoadConfigOptions,
): Promise<{ config: ConfigInput; file: string | undefined }> {
  const found = findConfig(options);
  if (found === undefined) return { config: {}, file: undefined };
  const file = relative(options.cwd, found.path) || found.path;
  const deep = yamlTooDeep(found.text, INPUT_DEPTH);
  if (deep !== undefined) throw invalid([tooDeepProblem(file, deep)]);
  const counter = new LineCounter();
  const doc = parseDocument(found.text, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    throw invalid(
      doc.errors.map((e) => ({
        file,
        ...positionOfOffset(counter, e.pos[0]),
        field: '',
        message: `syntax error: ${e.message}`,
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // yaml refuses aliases that expand past the limit (a "billion laughs" document).
    const reason = error instanceof Error ? error.message : String(error);
    const message = `the YAML aliases (*name) expand too much to be read (${reason})`;
    throw invalid([{ file, line: 1, column: 1, field: '', message }]);
  }
  // In package.json, the config is its `parity` key: positions and fields are under it.
  const under = <T extends PropertyKey>(path: readonly T[]): readonly (T | 'parity')[] =>
    found.key === undefined ? path : [found.key, ...path];
  if (found.key !== undefined) data = isRecord(data) ? data[found.key] : undefined;
  const problems: InputProblem[] = [];
  const sendsTo = options.sendsTo ?? (() => true);
  const substituted = substituteEnvDeep(data, options.env, (name, path) => {
    const [section, target] = path;
    if (section === 'targets' && typeof target === 'string' && !sendsTo(target)) return;
    problems.push({
      file,
      ...positionOfPath(doc, counter, under(path)),
      field: formatField(under(path)),
      message: `uses \${env:${name}}, which names an unset environment variable (set ${name} or remove the reference)`,
    });
  });
  // Parsed once: zod's compiled fast path would cost more to build than it saves.
  const result = configSchema().safeParse(substituted, { jitless: true });
  if (!result.success) {
    const locate = (path: readonly PropertyKey[], at?: 'key' | 'value') =>
      positionOfPath(doc, counter, path, at);
    // A field whose variable is unset has that problem: the empty value it took is not another.
    const unset = new Set(problems.map((problem) => problem.field));
    for (const report of describeIssues(result.error.issues, substituted, configSchema())) {
      const placed = placeReport({ ...report, path: under(report.path) }, file, locate);
      if (!unset.has(placed.field)) problems.push(placed);
    }
  }
  if (problems.length > 0 || !result.success) throw invalid(problems);
  return { config: result.data, file };
}
