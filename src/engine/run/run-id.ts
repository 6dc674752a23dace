/**
 * A run's id. Apart from `run.ts`: `merge` names its merged report with one
 * without loading the run's code (and with it the HTTP client).
 */
import { randomBytes } from 'node:crypto';

/** Sortable, unique, filesystem-safe: `2026-11-22T01-02-03Z-1a2b3c`. */
export function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
