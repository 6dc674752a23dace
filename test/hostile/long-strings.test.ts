/**
 * Strings of any length are data: a value or a key of several megabytes,
 * in every alphabet a pattern of parity's looks for (hex digests, base64,
 * `snake_case`, prefixed ids), differing between the sides, is a divergence
 * of its case. V8's regular expressions keep a backtrack entry per character
 * of a counted repetition (`[0-9a-f]{32,}`) and overflow past ~4 million, so
 * every such test reads a bounded length (`util/short-text.ts`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const SIZE = 6_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Per path, the body each side answers (side 0 baseline, 1 candidate). */
const ANSWERS: Record<string, (side: number) => unknown> = {
  // A digest-like value (hex, then an SRI value) that differs.
  hex: (side) => ({ h: fill(side === 0 ? 'a' : 'b') }),
  HEX: (side) => ({ h: fill(side === 0 ? 'A' : 'B') }),
  sri: (side) => ({ integrity: `sha512-${fill(side === 0 ? 'a' : 'b')}` }),
  base64: (side) => ({ digest: `${fill(side === 0 ? 'Q' : 'R')}==` }),
  // Keys: long hex (an id key), snake_case, kebab-case, a prefixed id.
  hexKey: (side) => ({ [fill('a')]: side }),
  snakeKey: (side) => ({ [fill('a_')]: side, [side === 0 ? 'x_y' : 'xY']: 1 }),
  kebabKey: (side) => ({ [fill('a-')]: side, [side === 0 ? 'x-y' : 'xY']: 1 }),
  prefixedKey: (side) => ({ [`ab_${fill('0a')}`]: side }),
  // A member one side names by a long hex key and the other not at all.
  hexKeyAdded: (side) => (side === 0 ? { [fill('f')]: 1 } : {}),
};

describe('strings of several megabytes', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const serve = (side: number) =>
      startServer((req, res) => {
        const name = (req.url ?? '/').slice(1);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ANSWERS[name]?.(side) ?? {}));
      });
    [a, b] = await Promise.all([serve(0), serve(1)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('are compared as divergences of their case, the run going on to its report', async () => {
    const cases = Object.keys(ANSWERS)
      .map((name) => `  - id: ${name}\n    request: { method: GET, path: /${name} }`)
      .join('\n');
    const cwd = await tempProject({ 'cases/long.yaml': `suite: long\ncases:\n${cases}\n` });
    // The servers share this process with the run: on a busy machine an answer
    // can wait behind a comparison past the default timeout (a transport error, not
    // what this tests).
    const run = await runPair(cwd, `a=${a.url}`, `b=${b.url}`, [
      '--concurrency',
      '2',
      '--timeout',
      '120000',
    ]);
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(
      await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8'),
    ) as { results: { caseId: string; verdict: string }[] };
    expect(report.results.map((r) => [r.caseId, r.verdict]).sort()).toEqual(
      Object.keys(ANSWERS)
        .map((name) => [`long/${name}`, 'divergent'])
        .sort(),
    );
  }, 240_000);
});
