// The Prometheus HTTP API (PromQL instant and range queries, series, label
// names and values, metadata, status, the admin API's series deletion), two
// independent Go implementations from Debian: Prometheus 2.42 (baseline) vs
// VictoriaMetrics 1.79 single-node (candidate), which serves the same API
// over its own storage and MetricsQL. Both hold the same fixed samples
// (series.js, ten minutes of 2023-11-14): Prometheus from a block written by
// its own backfill (`promtool tsdb create-blocks-from openmetrics`) into a
// fresh data folder before it starts, VictoriaMetrics from its import API
// after it starts. Neither scrapes anything (Prometheus gets a config with
// no scrape job; VictoriaMetrics scrapes nothing by default), so nothing
// else ever lands in either store. Retention is 100 years on both, so the
// 2023 samples are never dropped.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aptInstall,
  fail,
  freePort,
  freshDir,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';
import { openMetrics, promText } from './series.js';

supervise(async () => {
  aptInstall(
    ['prometheus', 'victoria-metrics'],
    ['/usr/bin/prometheus', '/usr/bin/promtool', '/usr/bin/victoria-metrics'],
  );
  const [pp, pv] = [await freePort(), await freePort()];

  const promDir = freshDir('prometheus');
  const data = join(promDir, 'data');
  writeFileSync(join(promDir, 'series.om'), openMetrics());
  const backfill = spawnSync(
    '/usr/bin/promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', join(promDir, 'series.om'), data],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (backfill.status !== 0) fail(`promtool backfill failed (exit ${backfill.status})`);
  // A config with no scrape job: Prometheus's own default scrapes itself.
  writeFileSync(join(promDir, 'prometheus.yml'), 'global:\n  evaluation_interval: 1m\n');
  startProcess('prometheus', '/usr/bin/prometheus', [
    `--config.file=${join(promDir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${data}`,
    '--storage.tsdb.retention.time=100y',
    `--web.listen-address=127.0.0.1:${pp}`,
    '--web.enable-admin-api',
    '--log.level=warn',
  ]);

  const vmDir = freshDir('victoria-metrics');
  startProcess('victoria-metrics', '/usr/bin/victoria-metrics', [
    `-httpListenAddr=127.0.0.1:${pv}`,
    `-storageDataPath=${join(vmDir, 'data')}`,
    '-retentionPeriod=100y',
    '-loggerLevel=WARN',
  ]);

  const p = `http://127.0.0.1:${pp}`;
  const v = `http://127.0.0.1:${pv}`;
  await waitForHttp(`${v}/health`, 60_000);
  const imported = await fetch(`${v}/api/v1/import/prometheus`, {
    method: 'POST',
    body: promText(),
  });
  if (imported.status !== 204) fail(`VictoriaMetrics import answered ${imported.status}`);
  // Imported samples become searchable once the in-memory parts are flushed.
  const flushed = await fetch(`${v}/internal/force_flush`);
  await flushed.arrayBuffer();
  // Prometheus answers /-/ready 503 until its storage is open.
  const deadline = Date.now() + 60_000;
  for (;;) {
    await waitForHttp(`${p}/-/ready`, 60_000);
    const res = await fetch(`${p}/-/ready`);
    await res.arrayBuffer();
    if (res.status === 200) break;
    if (Date.now() > deadline) fail('Prometheus was not ready within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseline: { name: 'prometheus-2.42', url: p },
    candidate: { name: 'victoria-metrics-1.79', url: v },
  };
});
