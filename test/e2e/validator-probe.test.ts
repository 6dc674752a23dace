/**
 * The seed finding on a pair closer to the real one: serde's externally tagged
 * enum against a Go struct that writes every field (no `omitempty`) and names
 * one variant's field otherwise (`Format { field, expected }` against
 * `"Reason"`). A person counts one decision (how the enum is written); the
 * tracker holds one row for all five divergent cases.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** The one rule each record of cases/validator breaks (both servers agree on which). */
type ValidationError =
  | { kind: 'schema'; field: string; reason: string }
  | { kind: 'range'; field: string; min: number; max: number; actual: number }
  | { kind: 'format'; field: string; expected: string }
  | { kind: 'unknown_field'; field: string }
  | { kind: 'too_many'; field: string; max: number; actual: number };

function errorOf(record: Record<string, unknown>): ValidationError | undefined {
  const unknown = Object.keys(record).find((k) => !['name', 'age', 'email', 'tags'].includes(k));
  if (unknown !== undefined) return { kind: 'unknown_field', field: unknown };
  if (record['name'] === undefined) return { kind: 'schema', field: 'name', reason: 'required' };
  const age = Number(record['age'] ?? 0);
  if (age > 150) return { kind: 'range', field: 'age', min: 0, max: 150, actual: age };
  if (typeof record['email'] === 'string' && !record['email'].includes('@')) {
    return { kind: 'format', field: 'email', expected: 'email' };
  }
  const tags = Array.isArray(record['tags']) ? record['tags'].length : 0;
  if (tags > 5) return { kind: 'too_many', field: 'tags', max: 5, actual: tags };
  return undefined;
}

/** serde's externally tagged enum: the variant's name wraps its fields. */
function serdeEnum(error: ValidationError) {
  const { kind, ...fields } = error;
  const variant = kind.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
  return { [variant]: fields };
}

/** `type ValidationError struct { Kind, Field, Reason string; Min, Max, Actual int }`: every field, always. */
function goStruct(error: ValidationError) {
  const reason =
    'reason' in error ? error.reason : 'expected' in error ? `must be an ${error.expected}` : '';
  return {
    Kind: error.kind,
    Field: error.field,
    Reason: reason,
    Min: 'min' in error ? error.min : 0,
    Max: 'max' in error ? error.max : 0,
    Actual: 'actual' in error ? error.actual : 0,
  };
}

function validator(encode: (error: ValidationError) => unknown) {
  return startServer((_req, res, body) => {
    const { record } = JSON.parse(body) as { record: Record<string, unknown> };
    const error = errorOf(record);
    if (error === undefined) json(res, 200, { valid: true });
    else json(res, 400, encode(error));
  });
}

describe('the validator probe on serde against a Go struct that writes every field', () => {
  let serde: TestServer;
  let go: TestServer;
  let cwd: string;
  beforeAll(async () => {
    [serde, go] = await Promise.all([validator(serdeEnum), validator(goStruct)]);
    const library = await readFile(
      new URL('../../cases/validator/validate.yaml', import.meta.url),
      'utf8',
    );
    cwd = await tempProject({ 'cases/validate.yaml': library });
  });
  afterAll(async () => Promise.all([serde.close(), go.close()]));

  it('is one row: the enum, its discriminator, the zero values and the renamed field are one decision', async () => {
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `rust=${serde.url}`,
      '--candidate',
      `go=${go.url}`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.summary.divergent).toBe(5);
    const tracker = 'docs/ARCHITECTURE_COMPARISON.md';
    const rows = trackerRows(parseTracker(await readFile(join(cwd, tracker), 'utf8'), tracker));
    expect(rows.map((row) => row.summary)).toEqual([
      'externally tagged enum vs `Kind` discriminator',
    ]);
    const format = report.results.find((r) => r.caseId === 'validator/format-bad-email');
    expect(format?.explanation).toContain('`expected`→`Reason` named otherwise');
  });
});
