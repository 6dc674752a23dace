// `npm run bench`: starts two JSON servers in a child process, runs every
// scenario, prints one table (each measurement with its goal beside it) and
// writes it to bench/results/latest.md. `--quick` runs smaller scales.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fmt } from './lib/measure.js';
import { startServers } from './lib/servers.js';
import { diffCost } from './scenarios/diff.js';
import { fuzzRate } from './scenarios/fuzz.js';
import { layouts, memory } from './scenarios/memory.js';
import { openApiImport } from './scenarios/openapi.js';
import { peers } from './scenarios/peers.js';
import { throughput } from './scenarios/throughput.js';

const quick = process.argv.includes('--quick');
const SCALE = quick
  ? {
      throughput: 5_000,
      rounds: 3,
      elements: 100_000,
      diffRepeat: 1,
      memory: 20_000,
      peers: 200,
      fuzz: 3_000,
      openapiMb: 4,
    }
  : {
      throughput: 20_000,
      rounds: 11,
      elements: 100_000,
      diffRepeat: 2,
      memory: 100_000,
      peers: 1_000,
      fuzz: 20_000,
      openapiMb: 13,
    };
const CONCURRENCY = 16;
// `--only throughput,diff,memory,peers,fuzz,openapi` runs a subset (for iterating on one goal).
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = new Set(
  onlyArg ? onlyArg.split(',') : ['throughput', 'diff', 'memory', 'peers', 'fuzz', 'openapi'],
);

const rows = [];
const notes = [];
const row = (scenario, measured, goal, ok) =>
  rows.push({
    scenario,
    measured,
    goal,
    verdict: ok === undefined ? 'n/a' : ok ? 'met' : 'MISSED',
  });
const log = (text) => process.stderr.write(`bench: ${text}\n`);

async function runThroughput(urls) {
  log(`throughput: ${SCALE.throughput} cases at concurrency ${CONCURRENCY}…`);
  const t = await throughput(urls, {
    cases: SCALE.throughput,
    concurrency: CONCURRENCY,
    rounds: SCALE.rounds,
  });
  row('raw undici pairs/s (2 servers, median)', fmt(t.raw), 'reference', undefined);
  row('parity cases/s (runParity, reports written, median)', fmt(t.parity), 'reference', undefined);
  const spread = t.ratios.map((r) => `${fmt(r * 100)}%`).join(' ');
  row(
    `parity ÷ raw undici (median of ${t.ratios.length} paired rounds: ${spread})`,
    `${fmt(t.ratio * 100, 1)}%`,
    '≥ 80%',
    t.ratio >= 0.8,
  );
}

async function runDiff() {
  log(`diff cost: 10 MB object and ${fmt(SCALE.elements)}-element arrays, one process each…`);
  for (const d of await diffCost(SCALE.elements, SCALE.diffRepeat)) {
    const limit = d.name === 'big-object' ? 500 : 1000;
    const ok = d.ms < limit && d.rssMb < 1024;
    const what = `diff ${d.name} (${d.mb} MB, ${d.changes} change${d.changes === 1 ? '' : 's'})`;
    row(what, `${fmt(d.ms)} ms, ${fmt(d.rssMb)} MB RSS`, `< ${limit} ms, < 1024 MB`, ok);
  }
}

async function runMemory(urls) {
  for (const layout of layouts(SCALE.memory)) {
    log(`memory: a CLI run of ${fmt(SCALE.memory)} cases (${layout.name}) in its own process…`);
    const m = await memory(urls, { cases: SCALE.memory, concurrency: CONCURRENCY, layout });
    row(
      `peak RSS, ${fmt(m.cases)} cases in ${m.layout} (report.json ${fmt(m.reportMb)} MB)`,
      `${fmt(m.rssMb)} MB`,
      '< 150 MB',
      m.rssMb < 150,
    );
    row(
      `  … that run's case rate`,
      `${fmt(m.cases / (m.ms / 1000))} cases/s`,
      'reference',
      undefined,
    );
  }
}

function peerRow(name, peer, parityRate, goal) {
  if (peer.skipped !== undefined) {
    row(`parity ÷ ${name}`, 'skipped', `≥ ${goal}×`, undefined);
    notes.push(`${name} skipped: ${peer.skipped}`);
    return;
  }
  row(`${name} cases/s`, fmt(peer.rate, 1), 'reference', undefined);
  const ratio = parityRate / peer.rate;
  row(`parity ÷ ${name}`, `${fmt(ratio, 1)}×`, `≥ ${goal}×`, ratio >= goal);
}

async function runPeers(urls) {
  log(`peers: ${SCALE.peers} cases (90% equal) by parity, curl+jq+diff and newman…`);
  const p = await peers(urls, { cases: SCALE.peers });
  row(
    `parity CLI cases/s (${p.cases} cases, start-up included)`,
    fmt(p.parity),
    'reference',
    undefined,
  );
  if (p.minimal.skipped === undefined) {
    row('minimal undici script cases/s (no reports)', fmt(p.minimal.rate), 'reference', undefined);
    row(
      'parity ÷ minimal undici script',
      `${fmt((p.parity / p.minimal.rate) * 100, 1)}%`,
      'reference',
      undefined,
    );
  } else notes.push(`minimal undici script skipped: ${p.minimal.skipped}`);
  peerRow('curl + jq + diff', p.curlJq, p.parity, 70);
  peerRow('newman', p.newman, p.parity, 40);
  row(
    'start-up: one-case run, `node bin/parity.js run`',
    `${fmt(p.startup, 3)} s`,
    '< 0.3 s',
    p.startup < 0.3,
  );
}

async function runFuzzRate(urls) {
  log(`fuzz: ${fmt(SCALE.fuzz)} inputs at concurrency ${CONCURRENCY}, best of three…`);
  const f = await fuzzRate(urls, { inputs: SCALE.fuzz, concurrency: CONCURRENCY });
  const each = f.rates.map((r) => fmt(r)).join(', ');
  row(
    `parity fuzz inputs/s (${fmt(f.inputs)} inputs, best of ${f.rates.length}: ${each})`,
    fmt(f.rate),
    '≥ 1,000',
    f.rate >= 1000,
  );
}

async function runOpenApi() {
  log(`openapi: import of a generated ${SCALE.openapiMb} MB document, in its own process…`);
  const o = await openApiImport(SCALE.openapiMb);
  row(
    `parity import openapi, generated ${fmt(o.mb, 1)} MB document (2,000 paths, shared $refs)`,
    `${fmt(o.ms / 1000, 1)} s, ${fmt(o.rssMb)} MB RSS`,
    '≤ 10 s, ≤ 300 MB (at 13 MB)',
    o.ms <= 10_000 && o.rssMb <= 300,
  );
}

function render(startedAt, seconds) {
  const lines = [
    `# parity benchmark${quick ? ' (--quick)' : ''}`,
    '',
    `${startedAt} · node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}) · ${fmt(seconds)} s`,
    '',
    '| scenario | measured | goal | verdict |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.scenario} | ${r.measured} | ${r.goal} | ${r.verdict} |`),
  ];
  if (quick) {
    notes.push(
      '--quick runs smaller scales than the goals are defined for (the peer ratios at 1,000 cases, where start-up weighs less; memory at 100,000): its verdicts are indicative and do not set the exit code',
    );
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

const startedAt = new Date().toISOString();
const started = performance.now();
const urls = await startServers();
try {
  if (only.has('throughput')) await runThroughput(urls);
  if (only.has('diff')) await runDiff();
  if (only.has('memory')) await runMemory(urls);
  if (only.has('peers')) await runPeers(urls);
  if (only.has('fuzz')) await runFuzzRate(urls);
  if (only.has('openapi')) await runOpenApi();
} finally {
  urls.stop();
}
const text = render(startedAt, (performance.now() - started) / 1000);
process.stdout.write(text);
const out = fileURLToPath(new URL('./results/latest.md', import.meta.url));
await mkdir(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
await writeFile(out, text);
process.stderr.write(`bench: written to bench/results/latest.md\n`);
if (!quick && rows.some((r) => r.verdict === 'MISSED')) process.exitCode = 1;
