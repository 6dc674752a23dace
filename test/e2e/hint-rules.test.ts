/**
 * The rule a root cause suggests (`parity show … --json` → `hint.rule`),
 * pasted as it is into the case's `rules:`, parses and closes that root
 * cause, whatever the key holds: a comma, a bracket, `: `, ` #`, a line
 * break, a word YAML reads as a boolean.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const KEYS = ['a, b', 'list]', 'x: y', 'c #d', 'two\nlines', 'true', '{x}'];
const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

let base: TestServer;
let cand: TestServer;
beforeAll(async () => {
  const answer = (side: 'b' | 'c') => (url: string | undefined) => {
    const n = Number(url?.split('/').pop());
    const key = KEYS[n] ?? '';
    // Even cases: a key only the baseline writes; odd ones: a list each side orders its own way.
    if (n % 2 === 0) return side === 'b' ? { [key]: 1, ok: 1 } : { ok: 1 };
    return { [key]: side === 'b' ? [1, 2, 3] : [3, 2, 1], ok: 1 };
  };
  base = await startServer((req, res) => json(res, 200, answer('b')(req.url)));
  cand = await startServer((req, res) => json(res, 200, answer('c')(req.url)));
});
afterAll(async () => Promise.all([base.close(), cand.close()]));

function library(rules: ReadonlyMap<string, string>): string {
  const cases = KEYS.map((_, n) => {
    const rule = rules.get(`k/c${n}`);
    const lines = [`  - id: c${n}`, `    request: { method: GET, path: /k/${n} }`];
    if (rule !== undefined) lines.push(`    rules: { ${rule} }`);
    return lines.join('\n');
  });
  return `suite: k\ncases:\n${cases.join('\n')}\n`;
}

describe('the rule a root cause suggests', () => {
  it('parses as written and closes the root cause, whatever the key holds', async () => {
    const cwd = await tempProject({ 'cases/k.yaml': library(new Map()) });
    const targets = ['--baseline', `b=${base.url}`, '--candidate', `c=${cand.url}`];
    expect((await runCli(cwd, ['run', ...targets])).code).toBe(1);
    const rows = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
    expect(rows).toHaveLength(KEYS.length);
    const rules = new Map<string, string>();
    for (const row of rows) {
      const shown = JSON.parse((await runCli(cwd, ['show', row.id, '--json'])).stdout);
      const rule: unknown = shown.hint?.rule;
      expect(typeof rule, row.summary).toBe('string');
      for (const id of shown.evidence.entry.caseIds as string[]) rules.set(id, rule as string);
    }
    expect(rules.size).toBe(KEYS.length);
    await writeFile(join(cwd, 'cases/k.yaml'), library(rules));
    const again = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect((await latestReport(cwd)).summary).toMatchObject({ cases: KEYS.length, divergent: 0 });
  });
});
