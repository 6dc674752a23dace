/**
 * The variables `${env:NAME}` reads: the project's `.env` file (dotenv rules,
 * as Node's `util.parseEnv` reads them), under the process's environment
 * (a variable set in the shell or by CI wins, as with dotenv), under the
 * command line's `--var NAME=VALUE` (the last word on it). Every value read
 * through a reference is a secret whichever of the three gave it
 * (`core/redact/env-secrets.ts`).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { Env } from '../../util/env.js';
import { ParityError } from '../../util/errors.js';

/** The file read beside the config, in the working folder. */
export const DOT_ENV = '.env';

/** A `.env` file is a few kilobytes; anything past this is not one. */
const MAX_DOT_ENV = 1024 * 1024;

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `.env` in `cwd`, parsed; empty when there is none. */
function readDotEnv(cwd: string): Env {
  const path = resolve(cwd, DOT_ENV);
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) {
      throw new ParityError('PARITY_CONFIG_INVALID', `${DOT_ENV}: not a regular file`);
    }
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  if (size > MAX_DOT_ENV) {
    throw new ParityError('PARITY_CONFIG_INVALID', `${DOT_ENV}: larger than ${MAX_DOT_ENV} bytes`);
  }
  return parseEnv(readFileSync(path, 'utf8'));
}

/** `--var NAME=VALUE` words as variables; a word without `=` or with a bad name is a usage error. */
export function parseVars(words: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    if (eq < 0 || !VARIABLE.test(name)) {
      throw new ParityError(
        'PARITY_USAGE',
        `--var takes NAME=VALUE, with NAME of letters, digits and _ (got "${name}")`,
      );
    }
    vars[name] = word.slice(eq + 1);
  }
  return vars;
}

/** The environment `${env:…}` reads in `cwd`: `.env` < the process's < `--var`. */
export function projectEnv(cwd: string, env: Env, vars: readonly string[] = []): Env {
  const fromFile = readDotEnv(cwd);
  const fromFlags = parseVars(vars);
  if (Object.keys(fromFile).length === 0 && vars.length === 0) return env;
  const merged: Record<string, string | undefined> = Object.create(null);
  Object.assign(merged, fromFile);
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  Object.assign(merged, fromFlags);
  return merged;
}
