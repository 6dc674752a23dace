// `npm run bench`: starts two JSON servers in a child process, runs every
// scenario, prints one table (each measurement with its goal beside it, each
// paired scenario with its rounds and their spread) and writes it to
// bench/results/latest.md. The goals are ratios measured in the same run and
// stated in instructions, the reading that repeats on a shared machine
// (callgrind: a whole run ÷ the minimal undici script, start-up ÷ Node's own
// floor); throughput, import, diff, memory and fuzz have goals of their own;
// CPU seconds and the peers (curl + jq, newman) are references. `--quick`
// runs only the CPU and start-up ratios and throughput (under 2 minutes).
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, medianInterval } from './lib/cpu.js';
import { fmt } from './lib/measure.js';
import { nginxMissing } from './lib/nginx.js';
import { startServers } from './lib/servers.js';
import { cpuPerCase } from './scenarios/cpu.js';
import { diffCost } from './scenarios/diff.js';
import { fuzzRate } from './scenarios/fuzz.js';
import { importScale } from './scenarios/import.js';
import {
  instructionsPerCase,
  instructionsUnavailable,
  startupInstructions,
} from './scenarios/instructions.js';
import { layouts, memory } from './scenarios/memory.js';
import { peers } from './scenarios/peers.js';
import { cpuByKind, marginalByKind, samplingUnavailable } from './scenarios/sampled.js';
import { proxyLatency, proxyMemory, proxyThroughput, sinkLatency } from './scenarios/shadow.js';
import { startup } from './scenarios/startup.js';
import { throughput } from './scenarios/throughput.js';

const quick = process.argv.includes('--quick');
const SCALE = quick
  ? {
      cpuCases: 20_000,
      cpuRounds: 3,
      startupRounds: 7,
      throughput: 10_000,
      rounds: 3,
    }
  : {
      cpuCases: 20_000,
      cpuRounds: 9,
      startupRounds: 11,
      throughput: 20_000,
      rounds: 11,
      importRounds: 3,
      elements: 100_000,
      diffRepeat: 2,
      memory: 100_000,
      peers: 1_000,
      fuzz: 20_000,
      shadowRequests: 20_000,
      shadowRounds: 5,
      // The latency rows' rounds: their p99 is read over every round's latencies together.
      shadowLatencyRounds: 8,
      shadowRate: 200,
      shadowSeconds: 10,
      // The candidate-down memory row: requests at most, until this many copies are compared.
      shadowMemory: 1_500_000,
    };
const CONCURRENCY = 16;
// `--only=instructions,cpu,startup,throughput,sampled,import,diff,memory,peers,fuzz`
// runs a subset (for iterating on one goal); `--quick` runs the CPU ratios,
// start-up and throughput only. `instructions` (~15 minutes) counts the goals'
// ratios under callgrind; `sampled` (~30 s) splits the CPU ratios' time by
// kind of work as `perf` samples it; `--only=marginal` (never part of a
// default run: ~2 minutes) splits the cost of one more equal case the same
// way (20,000 cases and 40,000, three rounds). `--cases=N` sets the case
// count of the instructions and CPU ratios (20,000; fewer for a quick look).
// `shadow` (~4 minutes) measures `parity proxy` and `parity shadow` against
// their goals; `--only=shadow-million` (never part of a default run: ~10
// minutes) sends 1,000,000 requests through `parity proxy` for its memory.
const HEADLINE = ['cpu', 'startup', 'throughput'];
const ALL = [
  'instructions',
  ...HEADLINE,
  'sampled',
  'import',
  'diff',
  'memory',
  'peers',
  'fuzz',
  'shadow',
];
const casesArg = process.argv.find((a) => a.startsWith('--cases='))?.slice('--cases='.length);
if (casesArg !== undefined) SCALE.cpuCases = Number(casesArg);

/** The goals, in instructions (issue 42): parity run ÷ the minimal undici script, start-up ÷ Node. */
const GOALS = { equal: 1.25, divergent: 1.6, validate: 1.5, run: 1.2 };
/** CPU seconds swing too much here to set a verdict: in `--quick`, the same goals, indicative. */
const indicative = (ok) => (quick ? ok : undefined);
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = new Set(onlyArg ? onlyArg.split(',') : quick ? HEADLINE : ALL);

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
/** A scenario that cannot run here: its row says so, and a note says why. */
const skipped = (scenario, what, reason) => {
  row(scenario, 'skipped', 'reference', undefined);
  notes.push(`${what} skipped: ${reason}`);
};
/**
 * `1.02–1.15, true median in 1.05–1.12 at 96%; 1.08 1.02 1.15 1.10 1.05 …`:
 * the spread, where the rounds put their true median (`medianInterval`), every round.
 */
const spread = (ratios, digits = 2) => {
  const { low, high, coverage } = medianInterval(ratios);
  const within =
    ratios.length < 3
      ? ''
      : `, true median in ${low.toFixed(digits)}–${high.toFixed(digits)} at ${Math.floor(coverage * 100)}%`;
  return `${Math.min(...ratios).toFixed(digits)}–${Math.max(...ratios).toFixed(digits)}${within}; ${ratios.map((r) => r.toFixed(digits)).join(' ')}`;
};

async function runCpu(urls) {
  for (const divergentEvery of [0, 10]) {
    const what = divergentEvery === 0 ? 'cases, all equal' : 'cases, 10% divergent';
    log(
      `cpu: ${fmt(SCALE.cpuCases)} ${what}, parity run vs the minimal undici script, ${SCALE.cpuRounds} paired rounds…`,
    );
    const c = await cpuPerCase(urls, {
      cases: SCALE.cpuCases,
      divergentEvery,
      rounds: SCALE.cpuRounds,
    });
    const goal = divergentEvery === 0 ? GOALS.equal : GOALS.divergent;
    row(
      `CPU, parity run ÷ minimal undici script, ${fmt(c.cases)} ${what} (median of ${c.rounds} pairs: ${spread(c.cpu.ratios)})`,
      `${c.cpu.ratio.toFixed(2)}× (${fmt(c.parityCpu, 2)} s vs ${fmt(c.minimalCpu, 2)} s; ${fmt((c.parityCpu / c.cases) * 1e6)} vs ${fmt((c.minimalCpu / c.cases) * 1e6)} µs per case)`,
      quick ? `≤ ${goal}× (indicative)` : `reference (goal ≤ ${goal}× in instructions)`,
      indicative(c.cpu.ratio <= goal),
    );
    row(
      `  … wall, minimal script ÷ parity run (the same pairs: ${spread(c.wall.ratios)})`,
      `${(c.wall.ratio * 100).toFixed(1)}% (${fmt(c.parityWall, 2)} s vs ${fmt(c.minimalWall, 2)} s)`,
      'reference',
      undefined,
    );
  }
}

/** `+1.5` or `−0.2`: a gap per case with its sign. */
const signed = (gap) => `${gap >= 0 ? '+' : '−'}${fmt(Math.abs(gap), 1)}`;

/**
 * A row per kind of work, the largest gap between parity and the minimal
 * script first (where parity's extra goes), kinds neither spent on left out.
 */
function kindRows(kinds, measured) {
  const byGap = [...kinds].sort((x, y) => y.parity - y.minimal - (x.parity - x.minimal));
  for (const k of byGap) {
    if (k.parity === 0 && k.minimal === 0) continue;
    row(`  … ${k.kind}`, measured(k), 'reference', undefined);
  }
}

async function runInstructions(urls) {
  const unavailable = instructionsUnavailable();
  if (unavailable !== undefined) {
    skipped('instructions, parity run ÷ minimal undici script', 'instructions', unavailable);
    notes.push('without instructions, no verdict on the CPU and start-up goals');
    return;
  }
  log('instructions: start-up (validate and a one-case run, and their floors) under callgrind…');
  const s = await startupInstructions(urls);
  for (const [name, what, floor] of [
    ['validate', '`parity validate` (one case)', '`node -e 0`'],
    ['run', 'one-case `parity run`', '`node -e "await import(\'undici\')"`'],
  ]) {
    const { parity, floor: base, ratio } = s[name];
    row(
      `instructions, start-up, ${what} ÷ ${floor} (callgrind, one run each)`,
      `${ratio.toFixed(2)}× (${fmt(parity / 1e6)} M vs ${fmt(base / 1e6)} M)`,
      `≤ ${GOALS[name]}×`,
      ratio <= GOALS[name],
    );
  }
  for (const divergentEvery of [0, 10]) {
    const what = divergentEvery === 0 ? 'cases, all equal' : 'cases, 10% divergent';
    log(
      `instructions: ${fmt(SCALE.cpuCases)} ${what}, parity run and minimal script under callgrind…`,
    );
    const i = await instructionsPerCase(urls, { cases: SCALE.cpuCases, divergentEvery });
    const goal = divergentEvery === 0 ? GOALS.equal : GOALS.divergent;
    row(
      `instructions, parity run ÷ minimal undici script, ${fmt(i.cases)} ${what} (callgrind, one run each)`,
      `${i.ratio.toFixed(2)}× (${fmt(i.parity / 1e9, 2)} G vs ${fmt(i.minimal / 1e9, 2)} G; ${fmt(i.parity / i.cases / 1000)} K vs ${fmt(i.minimal / i.cases / 1000)} K per case)`,
      `≤ ${goal}×`,
      i.ratio <= goal,
    );
    kindRows(i.kinds, (k) => {
      const gap = (k.parity - k.minimal) / i.cases / 1000;
      return `${fmt(k.parity / 1e6)} M vs ${fmt(k.minimal / 1e6)} M (${signed(gap)} K per case)`;
    });
  }
}

async function runSampled(urls) {
  const unavailable = await samplingUnavailable();
  if (unavailable !== undefined) {
    skipped('CPU by kind (perf), parity run vs minimal undici script', 'CPU by kind', unavailable);
    return;
  }
  for (const divergentEvery of [0, 10]) {
    const what = divergentEvery === 0 ? 'cases, all equal' : 'cases, 10% divergent';
    log(`sampled: ${fmt(SCALE.cpuCases)} ${what}, parity run and minimal script under perf…`);
    const s = await cpuByKind(urls, { cases: SCALE.cpuCases, divergentEvery });
    const perCase = (ms) => (ms * 1000) / s.cases;
    row(
      `CPU by kind (perf, one run each, \`--perf-basic-prof\`), parity run vs minimal undici script, ${fmt(s.cases)} ${what}`,
      `${s.ratio.toFixed(2)}× (${fmt(s.parityMs)} ms vs ${fmt(s.minimalMs)} ms sampled; ${fmt(perCase(s.parityMs))} vs ${fmt(perCase(s.minimalMs))} µs per case)`,
      'reference',
      undefined,
    );
    kindRows(
      s.kinds,
      (k) =>
        `${fmt(k.parity)} ms vs ${fmt(k.minimal)} ms (${signed(perCase(k.parity - k.minimal))} µs per case)`,
    );
    row(
      "  … of which the run's end (after the last answer: report files and tracker)",
      `${fmt(s.end.parityMs)} ms vs ${fmt(s.end.minimalMs)} ms`,
      'reference',
      undefined,
    );
  }
}

async function runMarginal(urls) {
  const unavailable = await samplingUnavailable();
  if (unavailable !== undefined) {
    skipped('CPU of one more case by kind (perf)', 'CPU of one more case', unavailable);
    return;
  }
  const cases = SCALE.cpuCases;
  log(
    `marginal: ${fmt(cases)} and ${fmt(2 * cases)} equal cases, parity run and minimal script under perf, 3 rounds…`,
  );
  const m = await marginalByKind(urls, { cases, rounds: 3 });
  row(
    `CPU of one more case by kind (perf: ${fmt(2 * m.cases)} less ${fmt(m.cases)} equal cases, per case, median of ${m.rounds} rounds: ${m.ratios.map((r) => r.toFixed(2)).join(' ')}), parity run vs minimal undici script`,
    `${median(m.ratios).toFixed(2)}× (${fmt(m.parityUs, 1)} vs ${fmt(m.minimalUs, 1)} µs per case, each the median of the rounds)`,
    'reference',
    undefined,
  );
  kindRows(
    m.kinds,
    (k) =>
      `${fmt(k.parity, 1)} vs ${fmt(k.minimal, 1)} µs per case (${signed(k.parity - k.minimal)})`,
  );
}

async function runStartup(urls) {
  log(
    `start-up: validate vs node -e 0, one-case run vs import('undici'), ${SCALE.startupRounds} paired rounds each…`,
  );
  const s = await startup(urls, { rounds: SCALE.startupRounds });
  row(
    `start-up CPU, \`parity validate\` (one case) ÷ \`node -e 0\` (median of ${s.validate.ratios.length} pairs: ${spread(s.validate.ratios)})`,
    `${s.validate.ratio.toFixed(2)}× (${fmt(s.validate.a * 1000)} ms vs ${fmt(s.validate.b * 1000)} ms; wall ${s.validate.wall.toFixed(2)}×)`,
    quick
      ? `≤ ${GOALS.validate}× (indicative)`
      : `reference (goal ≤ ${GOALS.validate}× in instructions)`,
    indicative(s.validate.ratio <= GOALS.validate),
  );
  row(
    `start-up CPU, one-case \`parity run\` ÷ \`node -e "await import('undici')"\` (median of ${s.run.ratios.length} pairs: ${spread(s.run.ratios)})`,
    `${s.run.ratio.toFixed(2)}× (${fmt(s.run.a * 1000)} ms vs ${fmt(s.run.b * 1000)} ms; wall ${s.run.wall.toFixed(2)}×)`,
    quick ? `≤ ${GOALS.run}× (indicative)` : `reference (goal ≤ ${GOALS.run}× in instructions)`,
    indicative(s.run.ratio <= GOALS.run),
  );
}

async function runImport() {
  log(`import: a generated 13 MB OpenAPI document, ${SCALE.importRounds} runs…`);
  const i = await importScale({ rounds: SCALE.importRounds });
  const each = i.runs.map((r) => `${fmt(r.ms / 1000, 1)} s ${r.rssMb} MB`).join(', ');
  row(
    `\`parity import openapi\`, ${fmt(i.mb, 1)} MB JSON document (median of ${i.runs.length}: ${each})`,
    `${fmt(i.ms / 1000, 1)} s (${fmt(i.cpu, 1)} s CPU), ${fmt(i.rssMb)} MB peak RSS`,
    '≤ 10 s, ≤ 300 MB',
    i.ms <= 10_000 && i.rssMb <= 300,
  );
}

async function runThroughput(urls) {
  log(`throughput: ${SCALE.throughput} cases at concurrency ${CONCURRENCY}…`);
  const t = await throughput(urls, {
    cases: SCALE.throughput,
    concurrency: CONCURRENCY,
    rounds: SCALE.rounds,
  });
  row('raw undici pairs/s (2 servers, median)', fmt(t.raw), 'reference', undefined);
  row(
    'parity cases/s (runLibrary on loaded cases, reports written, median)',
    fmt(t.parity),
    'reference',
    undefined,
  );
  row(
    `throughput, parity ÷ raw undici pairs (median of ${t.ratios.length} paired rounds: ${spread(t.ratios)})`,
    `${fmt(t.ratio * 100, 1)}%`,
    '≥ 95%',
    t.ratio >= 0.95,
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
  // Loaded here: it imports internals from the unbundled build.
  const { growth } = await import('./scenarios/growth.js');
  for (const g of growth()) {
    const reading = `${fmt(g.ratio)}× (${fmt(g.small)} → ${fmt(g.large)} µs CPU)`;
    row(`growth: ${g.what}`, reading, '< 24× (linear ~8×)', g.ratio < 24);
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

/** A peer is a reference: its speed depends on the day, so it sets no verdict. */
function peerRow(name, peer, parityRate) {
  if (peer.skipped !== undefined) {
    skipped(`parity ÷ ${name} (peer)`, name, peer.skipped);
    return;
  }
  row(`${name} cases/s (peer)`, fmt(peer.rate, 1), 'reference', undefined);
  row(`parity ÷ ${name} (peer)`, `${fmt(parityRate / peer.rate, 1)}×`, 'reference', undefined);
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
  peerRow('curl + jq + diff', p.curlJq, p.parity);
  peerRow('newman', p.newman, p.parity);
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

/**
 * Shadow mode's goals (issue 44), each beside its reference, measured in this
 * run. The candidate is served by a process of its own (a second copy of the
 * servers, its `b`): it is another service, and sharing the baseline's event
 * loop would slow the baseline for parity alone.
 */
async function runShadow(baseline) {
  const other = await startServers();
  try {
    await shadowRows({ ...baseline, candidate: other.b });
  } finally {
    other.stop();
  }
}

async function shadowRows(urls) {
  const n = SCALE.shadowRequests ?? 20_000;
  const rounds = SCALE.shadowRounds ?? 5;
  log(
    `shadow: ${fmt(n)} requests through parity proxy and a minimal undici proxy, ${rounds} paired rounds…`,
  );
  const t = await proxyThroughput(urls, { count: n, concurrency: CONCURRENCY, rounds });
  row(
    `inline proxy client throughput, \`parity proxy\` ÷ minimal undici forwarding proxy, ${fmt(n)} requests at concurrency ${CONCURRENCY} (median of ${rounds} pairs: ${spread(t.ratios)})`,
    `${t.ratio.toFixed(2)}× (${fmt(t.parity)} vs ${fmt(t.minimal)} requests/s; measured phases: ${fmt(t.compared)} of ${fmt(t.sent)} compared, ${fmt(t.dropped)} dropped; ${t.errors} client errors)`,
    '≥ 0.8×',
    t.ratio >= 0.8 && t.errors === 0,
  );
  const rate = SCALE.shadowRate ?? 300;
  const seconds = SCALE.shadowSeconds ?? 10;
  const latencyRounds = SCALE.shadowLatencyRounds ?? rounds;
  log(
    `shadow: p99 at ${rate} requests/s, direct, through parity proxy and through a minimal undici proxy, ${latencyRounds} rounds of ${seconds} s…`,
  );
  const l = await proxyLatency(urls, { rate, seconds, rounds: latencyRounds });
  row(
    `inline proxy added p99 latency over direct access, ${rate} requests/s (p99 of ${latencyRounds} rounds' latencies together; each round: ${l.addedAll.map((a) => a.toFixed(2)).join(' ')} ms)`,
    `+${fmt(l.added, 2)} ms (p99 ${fmt(l.proxied, 2)} ms vs ${fmt(l.direct, 2)} ms direct; ${l.errors} client errors)`,
    '≤ 2 ms',
    l.added <= 2 && l.errors === 0,
  );
  row(
    `inline proxy floor, the p99 the minimal undici forwarding proxy adds over direct access, the same rounds (each round: ${l.floorAll.map((a) => a.toFixed(2)).join(' ')} ms)`,
    `+${fmt(l.floor, 2)} ms (p99 ${fmt(l.minimal, 2)} ms)`,
    'reference',
    undefined,
  );
  const missing = nginxMissing();
  if (missing !== undefined) {
    skipped('mirror sink, nginx p99 with parity ÷ with a discarding sink', 'mirror sink', missing);
  } else {
    log(
      `shadow: nginx mirror to parity shadow and to a discarding sink, p99 at ${rate} requests/s, ${latencyRounds} paired rounds…`,
    );
    const s = await sinkLatency(urls, { rate, seconds, rounds: latencyRounds });
    row(
      `mirror sink, nginx client p99 mirroring to \`parity shadow\` ÷ mirroring to a discarding sink, ${rate} requests/s (p99 of ${latencyRounds} rounds' latencies together; each round: ${spread(s.ratios)})`,
      `${s.ratio.toFixed(2)}× (${fmt(s.parity, 2)} ms vs ${fmt(s.discard, 2)} ms; measured phases: ${fmt(s.compared)} of ${fmt(s.sent)} copies compared, ${fmt(s.dropped)} dropped; ${s.errors} client errors)`,
      '≤ 1.1×',
      s.ratio <= 1.1 && s.errors === 0,
    );
    row(
      `mirror sink floor, nginx client p99 mirroring to a sink that replays each copy to the baseline and the candidate and compares nothing ÷ to a discarding sink, the same rounds (p99 of them together; each round: ${spread(s.floors)})`,
      `${s.floor.toFixed(2)}× (${fmt(s.replay, 2)} ms vs ${fmt(s.discard, 2)} ms)`,
      'reference',
      undefined,
    );
  }
  await runShadowDown(urls, SCALE.shadowMemory ?? 1_500_000);
}

/** Copies the candidate-down memory row compares: four quarters past the heaps' warm-up (~15,000). */
const SHADOW_DOWN_COMPARED = 60_000;

async function runShadowDown(urls, count) {
  log(`shadow: ${fmt(count)} requests through parity proxy, the candidate down, RSS sampled…`);
  const m = await proxyMemory(urls, { count, compared: SHADOW_DOWN_COMPARED, candidateDown: true });
  const enough = (m.status?.errors ?? 0) >= SHADOW_DOWN_COMPARED;
  row(
    `\`parity proxy\` RSS, the candidate down, ${fmt(m.count)} requests (${fmt(m.rate)} requests/s; ${fmt(m.status?.errors ?? 0)} compared as errors, ${fmt(m.status?.dropped ?? 0)} dropped)`,
    `${fmt(m.secondHalfMb)} MB at most over the second half of the copies compared vs ${fmt(m.firstHalfMb)} MB over the second quarter (the first warms up)`,
    `flat (second half ≤ second quarter + 10%) over ${fmt(SHADOW_DOWN_COMPARED)} compared`,
    enough ? m.secondHalfMb <= m.firstHalfMb * 1.1 && m.errors === 0 : undefined,
  );
  if (!enough)
    log(
      `shadow: only ${fmt(m.status?.errors ?? 0)} copies compared within ${fmt(count)} requests: the machine is too busy to read the memory row`,
    );
}

/** `--only=shadow-million`: the memory after a million requests, the candidate up. */
async function runShadowMillion(baseline, count) {
  const other = await startServers();
  const urls = { ...baseline, candidate: other.b };
  log(`shadow: ${fmt(count)} requests through parity proxy, the candidate up, RSS sampled…`);
  const u = await proxyMemory(urls, { count, candidateDown: false });
  row(
    `\`parity proxy\` RSS after ${fmt(count)} requests, the candidate up (${fmt(u.rate)} requests/s, ${fmt(u.seconds)} s; ${fmt(u.status?.compared ?? 0)} compared, ${fmt(u.status?.dropped ?? 0)} dropped)`,
    `${fmt(u.endMb)} MB at the end, ${fmt(u.peakMb)} MB at most`,
    '< 200 MB',
    u.peakMb < 200 && u.errors === 0,
  );
  other.stop();
}

function render(startedAt, seconds) {
  const lines = [
    `# parity benchmark${quick ? ' (--quick)' : ''}`,
    '',
    `${startedAt} · node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}) · ${fmt(seconds)} s · load average ${startLoad} at the start, ${load()} at the end`,
    '',
    '| scenario | measured | goal | verdict |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.scenario} | ${r.measured} | ${r.goal} | ${r.verdict} |`),
  ];
  if (quick) {
    notes.push(
      '--quick runs the CPU ratios, start-up and throughput only, with fewer rounds: its verdicts are indicative and do not set the exit code',
    );
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/** The 1-, 5- and 15-minute load averages: on a shared machine the readings depend on them. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const startLoad = load();
const startedAt = new Date().toISOString();
const started = performance.now();
const urls = await startServers();
try {
  if (only.has('cpu')) await runCpu(urls);
  if (only.has('instructions')) await runInstructions(urls);
  if (only.has('sampled')) await runSampled(urls);
  if (only.has('marginal')) await runMarginal(urls);
  if (only.has('startup')) await runStartup(urls);
  if (only.has('throughput')) await runThroughput(urls);
  if (only.has('import')) await runImport();
  if (only.has('diff')) await runDiff();
  if (only.has('memory')) await runMemory(urls);
  if (only.has('peers')) await runPeers(urls);
  if (only.has('fuzz')) await runFuzzRate(urls);
  if (only.has('shadow')) await runShadow(urls);
  if (only.has('shadow-million')) await runShadowMillion(urls, 1_000_000);
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
