/**
 * A HAR recorded by driving Debian's chromium (playwright-core's recordHar)
 * against a bundled example server imports into case files that validate and
 * run against both example servers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../examples/servers/start.js';
import { chromiumAvailable, launchChromium, recordExampleHar } from '../helpers/chromium.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';

const available = chromiumAvailable('the HAR import browser test');

describe.skipIf(!available)('parity import har, from a HAR chromium recorded', () => {
  let browser: Browser;
  const servers: { url: string; close(): Promise<void> }[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    servers.push(await startServer('serde'), await startServer('go'));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('imports the session into cases that validate and run', async () => {
    const [serde, go] = servers;
    if (serde === undefined || go === undefined) throw new Error('servers did not start');
    const cwd = await tempProject();
    const har = join(cwd, 'session.har');
    await recordExampleHar(browser, serde.url, har);
    const recorded = JSON.parse(await readFile(har, 'utf8')) as { log: { entries: unknown[] } };
    expect(recorded.log.entries.length).toBeGreaterThanOrEqual(7);

    const host = new URL(serde.url).host;
    const imported = await runCli(cwd, ['import', 'har', 'session.har', '--host', host]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    // It writes a record and reads records again: a session, one flow in the order recorded.
    expect(imported.stdout).toMatch(/into 1 case file\(s\)/);
    expect(imported.stdout).toMatch(
      /dropped credentials no answer of the session issued \(authorization\)/,
    );
    expect(imported.stdout).toContain('next: parity validate cases/imported');

    const records = await readFile(join(cwd, 'cases/imported/session.yaml'), 'utf8');
    expect(records).toContain('sideEffects: true');
    expect(records).toContain('path: /v1/records/3');
    expect(records).not.toMatch(/from-the-browser|user-agent|sec-ch-ua/i);
    expect(records).toContain('display_name: Hedy Lamarr');

    const validate = await runCli(cwd, ['validate', 'cases']);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);

    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `rust=${serde.url}`,
      '--candidate',
      `go=${go.url}`,
      '--no-tracker',
    ]);
    expect(run.code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.cases).toBeGreaterThanOrEqual(6);
    // The example's known divergences: the 404 envelope and the record shape.
    expect(report.results.map((r) => r.caseId)).toEqual(
      expect.arrayContaining(['session/flow/get-v1-records-99']),
    );
  });
});
