/**
 * Whether a text read from a file looks like a credential (a token, a key):
 * errors go to CI logs, so they say what kind of value a field held instead
 * of quoting one that looks like this. A heuristic that errs towards hiding:
 * well-known token prefixes (`ghp_`, `sk_`, `xoxb-`, `AKIA`, `eyJ`, …), and
 * long runs without spaces mixing letters and digits. Pure.
 */

const PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk_|sk-|pk_|rk_|whsec_|AKIA|ASIA|AIza|ya29\.|eyJ)/;

/** True when `text` looks like a credential (see the module comment). */
export function looksSecret(text: string): boolean {
  if (text.length < 8 || /\s/.test(text)) return false;
  if (PREFIX.test(text)) return true;
  const letters = /[A-Za-z]/.test(text);
  const digits = /\d/.test(text);
  if (!letters || !digits) return false;
  // A date or a time is no secret, nor a path or a URL without a query or credentials.
  if (/^\d{4}-\d\d-\d\d/.test(text)) return false;
  if (text.startsWith('/') || (/^https?:\/\//.test(text) && !/[?@]/.test(text))) return false;
  const mixedCase = /[a-z]/.test(text) && /[A-Z]/.test(text);
  return (text.length >= 16 && mixedCase) || text.length >= 24;
}

/** How an error shows a value that looks like a credential: its kind and size, not its text. */
export function hiddenString(text: string): string {
  return `a string of ${text.length} characters`;
}
