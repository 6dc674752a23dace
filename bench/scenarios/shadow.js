// Shadow mode's goals (issue 44), each measured side by side in one run:
// - inline proxy: client throughput through `parity proxy` ÷ through a
//   minimal undici forwarding proxy on the same servers (closed loop, paired
//   rounds, each proxy a fresh process); the added p99 latency over direct
//   access at a fixed rate the two cores hold (open loop);
// - mirror sink: nginx's client-side p99 with `mirror` to `parity shadow` ÷
//   with `mirror` to a sink that discards everything (open loop), and the
//   same for a sink that replays each copy and compares nothing (the floor);
// - memory: `parity proxy` with the candidate down (a closed port), its RSS
//   sampled as the traffic goes on, and after many requests (1,000,000 with
//   `--only=shadow-million`).
// The servers are bench/servers.js's: `a` is the baseline, `urls.candidate`
// (another process's `b`) the candidate; every tenth path is /div/N, which
// the candidate answers differently, so parity has divergences to judge.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, rssOfMb, startParity, startScript } from '../lib/children.js';
import { median } from '../lib/cpu.js';
import { closedLoop, openLoop, percentile } from '../lib/load.js';
import { startNginx } from '../lib/nginx.js';

const FORWARD = fileURLToPath(new URL('../peers/forward-proxy.js', import.meta.url));
const DISCARD = fileURLToPath(new URL('../peers/discard-sink.js', import.meta.url));
const REPLAY = fileURLToPath(new URL('../peers/replay-sink.js', import.meta.url));

export const pathOf = (i) => (i % 10 === 9 ? `/div/${i % 1000}` : `/items/${i % 1000}`);

/** `parity proxy|shadow` on a free port in a temp project; `stop` removes the project. */
async function parity(mode, urls, extra = []) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-shadow-'));
  const args = [mode, '--listen', '127.0.0.1:0', '--baseline', `a=${urls.a}`];
  args.push('--candidate', `b=${urls.candidate ?? urls.b}`, '--json', '--no-tracker', ...extra);
  const child = await startParity(args, dir);
  return {
    ...child,
    stop: async () => {
      const code = await child.stop();
      await rm(dir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`parity ${mode} exited ${code}:\n${child.stderr()}`);
      return child.status();
    },
  };
}

/**
 * Resolves once `parity`'s status line has not changed for 2.5 s (it prints
 * one a second while anything changes), so copies of a warm-up are compared
 * or dropped before the measured phase starts; then its status, the tally
 * that phase's counts are taken from.
 */
async function settled(p) {
  let last = p.status();
  let still = 0;
  for (let waited = 0; still < 2500 && waited < 30_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = p.status();
    still = now === last ? still + 250 : 0;
    last = now;
  }
  return last;
}

/** What the measured phase added to `before`'s `compared` and `dropped`, from the final status. */
const measuredCounts = (before, after) => ({
  compared: (after?.compared ?? 0) - (before?.compared ?? 0),
  dropped: (after?.dropped ?? 0) - (before?.dropped ?? 0),
});

/**
 * Client throughput, `parity proxy` ÷ the minimal forwarding proxy, `rounds`
 * paired rounds (the order alternating), each proxy warmed up first.
 */
export async function proxyThroughput(urls, { count, concurrency, rounds }) {
  const ratios = [];
  const parityRates = [];
  const minimalRates = [];
  const parityCpu = [];
  const minimalCpu = [];
  let compared = 0;
  let dropped = 0;
  let errors = 0;
  const measureParity = async () => {
    const p = await parity('proxy', urls);
    await closedLoop(p.url, { count: 1000, concurrency, pathOf });
    const before = await settled(p);
    const cpu = cpuSeconds(p.pid);
    const r = await closedLoop(p.url, { count, concurrency, pathOf });
    parityCpu.push(((cpuSeconds(p.pid) - cpu) / count) * 1e6);
    const counts = measuredCounts(before, await p.stop());
    compared += counts.compared;
    dropped += counts.dropped;
    errors += r.errors;
    return r.rate;
  };
  const measureMinimal = async () => {
    const m = await startScript(FORWARD, [urls.a]);
    await closedLoop(m.url, { count: 1000, concurrency, pathOf });
    const cpu = cpuSeconds(m.pid);
    const r = await closedLoop(m.url, { count, concurrency, pathOf });
    minimalCpu.push(((cpuSeconds(m.pid) - cpu) / count) * 1e6);
    await m.stop();
    errors += r.errors;
    return r.rate;
  };
  for (let round = 0; round < rounds; round++) {
    let a;
    let b;
    if (round % 2 === 0) {
      a = await measureParity();
      b = await measureMinimal();
    } else {
      b = await measureMinimal();
      a = await measureParity();
    }
    parityRates.push(a);
    minimalRates.push(b);
    ratios.push(a / b);
  }
  return {
    ratio: median(ratios),
    ratios,
    parity: median(parityRates),
    minimal: median(minimalRates),
    // CPU µs per request of each proxy process while the traffic flowed (a drained queue's tail excluded).
    parityCpuUs: median(parityCpu),
    minimalCpuUs: median(minimalCpu),
    // The measured phases only: each round's warm-up of 1,000 is left out of every count.
    sent: rounds * count,
    compared,
    dropped,
    errors,
  };
}

/** p99 of an open loop at `rate` for `seconds` against `url`, and every latency it saw. */
async function latencyAt(url, rate, seconds) {
  const r = await openLoop(url, { rate, seconds, pathOf });
  return { p99: percentile(r.latencies, 99), latencies: r.latencies, errors: r.errors };
}

/**
 * The p99 of every round's latencies together. One round of 10 s at 200
 * requests/s holds 2,000 latencies, so its p99 is its 20th slowest: one
 * stall moves it. Pooled over the rounds (paired and the order turning, so
 * each kind saw the same machine), the p99 rests on `rounds` times as many.
 */
const pooledP99 = (measures) =>
  percentile(
    measures.flatMap((m) => m.latencies),
    99,
  );

/**
 * The p99 `parity proxy` adds over direct access to the baseline, at `rate`
 * requests a second: `rounds` rounds of direct, through parity and through
 * the minimal undici forwarding proxy (the extra hop's own cost on these
 * cores, the floor), the order turning; each proxy one process, warmed up
 * first.
 */
export async function proxyLatency(urls, { rate, seconds, rounds }) {
  const p = await parity('proxy', urls);
  const minimal = await startScript(FORWARD, [urls.a]);
  try {
    await closedLoop(p.url, { count: 1000, concurrency: 8, pathOf });
    await closedLoop(minimal.url, { count: 1000, concurrency: 8, pathOf });
    const kinds = { direct: urls.a, parity: p.url, minimal: minimal.url };
    const measures = { direct: [], parity: [], minimal: [] };
    const names = Object.keys(kinds);
    let errors = 0;
    for (let round = 0; round < rounds; round++) {
      const order = [...names.slice(round % 3), ...names.slice(0, round % 3)];
      for (const kind of order) {
        const m = await latencyAt(kinds[kind], rate, seconds);
        errors += m.errors;
        measures[kind].push(m);
      }
    }
    const direct = pooledP99(measures.direct);
    return {
      added: pooledP99(measures.parity) - direct,
      addedAll: measures.parity.map((m, i) => m.p99 - measures.direct[i].p99),
      floor: pooledP99(measures.minimal) - direct,
      floorAll: measures.minimal.map((m, i) => m.p99 - measures.direct[i].p99),
      direct,
      proxied: pooledP99(measures.parity),
      minimal: pooledP99(measures.minimal),
      errors,
    };
  } finally {
    await minimal.stop();
    await p.stop();
  }
}

/**
 * nginx's client-side p99 with `mirror` to `parity shadow` ÷ with `mirror`
 * to a sink that discards everything, at `rate` requests a second: `rounds`
 * rounds, the order turning; each nginx and sink fresh, warmed up. Each
 * round also measures a sink that replays each copy to the baseline and the
 * candidate and compares nothing (`bench/peers/replay-sink.js`): the
 * topology's floor on these cores, with no comparing at all.
 */
export async function sinkLatency(urls, { rate, seconds, rounds }) {
  const measures = { parity: [], discard: [], replay: [] };
  let compared = 0;
  let dropped = 0;
  let errors = 0;
  const start = (kind) => {
    if (kind === 'parity') return parity('shadow', urls);
    if (kind === 'replay') return startScript(REPLAY, [urls.a, urls.candidate ?? urls.b]);
    return startScript(DISCARD);
  };
  const measure = async (kind) => {
    const sink = await start(kind);
    const nginx = await startNginx(urls.a, sink.url);
    let before;
    try {
      await closedLoop(nginx.url, { count: 500, concurrency: 4, pathOf });
      // The warm-up's closed loop is faster than parity compares, so it sheds
      // copies by design; only the measured phase's copies are counted.
      if (kind === 'parity') before = await settled(sink);
      const m = await latencyAt(nginx.url, rate, seconds);
      errors += m.errors;
      return { ...m, sent: m.latencies.length + m.errors };
    } finally {
      await nginx.stop();
      const status = await sink.stop();
      if (kind === 'parity') {
        const counts = measuredCounts(before, status);
        compared += counts.compared;
        dropped += counts.dropped;
      }
    }
  };
  const kinds = ['parity', 'discard', 'replay'];
  for (let round = 0; round < rounds; round++) {
    const order = [...kinds.slice(round % 3), ...kinds.slice(0, round % 3)];
    for (const kind of order) measures[kind].push(await measure(kind));
  }
  const ratios = measures.parity.map((m, i) => m.p99 / measures.discard[i].p99);
  const floors = measures.replay.map((m, i) => m.p99 / measures.discard[i].p99);
  const pooled = {
    parity: pooledP99(measures.parity),
    discard: pooledP99(measures.discard),
    replay: pooledP99(measures.replay),
  };
  return {
    ratio: pooled.parity / pooled.discard,
    ratios,
    floor: pooled.replay / pooled.discard,
    floors,
    ...pooled,
    // Requests of the measured phases through nginx in front of parity: each one copy mirrored.
    sent: measures.parity.reduce((sum, m) => sum + m.sent, 0),
    compared,
    dropped,
    errors,
  };
}

/**
 * `parity proxy` with the candidate down (or up): requests at concurrency 16,
 * in chunks of 10,000, until it has compared `compared` copies or `count`
 * requests went through, its RSS sampled every 250 ms with the copies
 * compared so far. It never sheds copies for being busy (`--shed 100%`):
 * under this closed loop the proxy is saturated throughout and would refuse
 * nearly every copy (16 of 1,000,000 compared on an idle machine); here only
 * the bounded queue and the byte budget drop copies. What is held grows with
 * what is compared (a run holds its failed results until it closes, at
 * 5,000), not with what is sent: the judging thread runs at nice 19, so how
 * many copies it compares per request depends on the load (230 a second
 * under a load of 4, several thousand on an idle machine). So the windows
 * are counted in copies compared: the first quarter warms the heaps up
 * (103 -> 150 MB over the first 15,000 failures compared, then 143-154 MB
 * over 45,000 more), and flat is the second half against the second quarter.
 */
export async function proxyMemory(urls, { count, compared: target = 0, candidateDown }) {
  // A port nothing listens on: the candidate is down.
  const candidate = candidateDown ? 'http://127.0.0.1:9' : (urls.candidate ?? urls.b);
  const p = await parity('proxy', { ...urls, candidate }, ['--shed', '100%']);
  const samples = [];
  let sent = 0;
  let told = 0;
  const timer = setInterval(() => {
    samples.push({ sent, compared: p.status()?.compared ?? 0, mb: rssOfMb(p.pids) });
    // A long run says how far it got (on stderr, beside the bench's own log).
    if (sent - told >= 100_000) {
      told = sent;
      process.stderr.write(
        `bench: shadow: ${sent} requests sent, ${p.status()?.compared ?? 0} compared, RSS ${Math.round(rssOfMb(p.pids))} MB (peak ${Math.round(rssOfMb(p.pids, 'VmHWM'))} MB)\n`,
      );
    }
  }, 250);
  const started = performance.now();
  const chunk = Math.min(10_000, count);
  let errors = 0;
  try {
    while (sent < count && (target === 0 || (p.status()?.compared ?? 0) < target)) {
      const from = sent;
      const r = await closedLoop(p.url, {
        count: Math.min(chunk, count - from),
        concurrency: 16,
        pathOf: (i) => {
          sent = from + i + 1;
          return pathOf(from + i);
        },
      });
      errors += r.errors;
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const end = rssOfMb(p.pids);
  const peak = rssOfMb(p.pids, 'VmHWM');
  const status = await p.stop();
  const reached = samples.at(-1)?.compared ?? 0;
  const within = (from, to) =>
    samples.filter((s) => s.compared >= from && s.compared < to).map((s) => s.mb);
  return {
    count: sent,
    seconds,
    rate: sent / seconds,
    comparedAtEnd: reached,
    firstHalfMb: Math.max(...within(reached / 4, reached / 2)),
    secondHalfMb: Math.max(...within(reached / 2, Number.POSITIVE_INFINITY)),
    peakMb: Math.max(...samples.map((s) => s.mb), end, Number.isNaN(peak) ? 0 : peak),
    endMb: end,
    errors,
    status,
  };
}
