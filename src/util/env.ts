/**
 * `${env:NAME}` substitution for case files and config, with a default for an
 * unset variable (`${env:NAME:-default}`, as in a shell). Pure: the
 * environment is passed in, and unset variables are reported through a
 * callback so the caller can place each one at its source position and report
 * them all at once.
 */

/** The environment as `process.env` shapes it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A path into a JSON value: object keys and array indexes. */
export type ValuePath = readonly (string | number)[];

/** `${env:NAME}` or `${env:NAME:-default}` (a default holds no `}`). */
const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Whether `text` may hold a `${env:NAME}` reference (false: `substituteEnv` gives it back as it is). */
export function mayReferenceEnv(text: string): boolean {
  return text.includes('${env:');
}

/**
 * Replace every `${env:NAME}` in `text` with the value of `NAME` in `env`.
 * An unset variable takes its default (`${env:NAME:-default}`: the text after
 * `:-`, written as it is); without one it is replaced by the empty string and
 * reported to `missing` (once per occurrence). An empty-string value counts as
 * set, as in the shell's `${NAME-default}`.
 */
export function substituteEnv(text: string, env: Env, missing: (name: string) => void): string {
  // Fast path: most strings hold no reference, and replace() with a callback allocates.
  if (!mayReferenceEnv(text)) return text;
  return text.replace(ENV_REFERENCE, (_match, name: string, fallback: string | undefined) => {
    const value = env[name];
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    missing(name);
    return '';
  });
}

/**
 * Substitute `${env:NAME}` in every string of a JSON value (object keys are left
 * untouched). Returns a new value; the input is not modified. `missing` also
 * receives the path of the string that named the unset variable.
 */
export function substituteEnvDeep(
  value: unknown,
  env: Env,
  missing: (name: string, path: ValuePath) => void,
): unknown {
  return substituteAt(value, env, missing, []);
}

function substituteAt(
  value: unknown,
  env: Env,
  missing: (name: string, path: ValuePath) => void,
  path: ValuePath,
): unknown {
  if (typeof value === 'string') return substituteEnv(value, env, (name) => missing(name, path));
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => substituteAt(item, env, missing, [...path, index]));
  }
  if (isPlainObject(value)) {
    // fromEntries defines properties, so a `__proto__` key stays a plain key.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        substituteAt(item, env, missing, [...path, key]),
      ]),
    );
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
