/**
 * Shadow mode ends its segments with `run`'s maskings, in `run`'s order
 * (`engine/run/end-masking.ts`), the last of them included: a member one
 * answer of an endpoint proved per-instance (a receipt's record digest that
 * a later read of the record echoed) is per-instance in the endpoint's other
 * answers, where nothing read the record again. A ledger's traffic through
 * the real proxy (writes mirrored to a disposable candidate): no row about a
 * stamp or a digest, the planted fee its own row. Two fixtures with other
 * field names.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import { LEDGER, type LedgerNames, ledgerServer, PAGES } from '../helpers/ledger.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

describe('parity proxy: a member proven per-instance at an endpoint, found again in its other answers', () => {
  const started: TestServer[] = [];
  const agent = new Agent({ keepAliveTimeout: 10 });
  afterAll(async () => {
    await agent.close();
    await Promise.all(started.map((s) => s.close()));
  });

  it.each([
    ['a ledger of blocks', LEDGER],
    ['a book of sealed pages', PAGES],
  ])(
    '%s: no row for the second receipt’s digest, the fee its own row',
    async (_, names: LedgerNames) => {
      const [baseline, candidate] = await Promise.all([
        ledgerServer(names, false),
        ledgerServer(names, true),
      ]);
      started.push(baseline, candidate);
      const cwd = await tempProject({
        'parity.config.yaml': `targets:\n  next:\n    url: ${candidate.url}\n    disposable: true\n`,
      });
      const proxy = await startShadowCli(
        cwd,
        listenArgs('proxy', `old=${baseline.url}`, 'next', '--no-tracker', '--mirror-writes'),
      );
      const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
        const answer = await request(proxy.url + path, {
          dispatcher: agent,
          method,
          headers: { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await answer.body.text();
        expect(answer.statusCode, text).toBeLessThan(300);
        return JSON.parse(text) as Record<string, unknown>;
      };
      // The proxy sends each copy to the candidate after the client's answer: one
      // request at a time, each answered before the next, as a client's session.
      await call('GET', `/${names.records}/0`);
      const first = await call('POST', '/transfers', { to: 'bob', amount: 5 });
      await call('GET', `/${names.receipts}/${String(first.entry)}`);
      // The record read again: its digest, echoed, proves the receipt's member per-instance.
      await call('GET', `/${names.records}/latest`);
      const second = await call('POST', '/transfers', { to: 'carol', amount: 7 });
      // Nothing reads this record again: only the first receipt's proof covers it.
      await call('GET', `/${names.receipts}/${String(second.entry)}`);
      proxy.signal('SIGTERM');
      expect(await proxy.ended).toBe(0);
      const report = JSON.parse(
        await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8'),
      ) as RunReport;
      expect(report.summary.cases).toBe(6);
      const rows = (report.rootCauses ?? []).map((r) => `${r.kind} ${r.summary}`);
      expect(rows, rows.join('\n')).toHaveLength(1);
      expect(rows[0]).toContain(`/${names.fee}`);
      expect(rows.join('\n')).not.toContain(names.recordDigest);
    },
  );
});
