#!/usr/bin/env node
// npm run corpus [-- PAIR…] [--json] [--keep] [--parity=ARG…]
//
// For each pair of corpus/ (a folder with truth.yaml): start both servers with
// its start.js (fresh state), run its case library with the built CLI
// (bin/parity.js) into a fresh temporary tracker and reports folder, stop the
// servers, map the run's tracker rows to the pair's decisions, and print one
// table. Exits 1 only when a pair could not start or run, never on a
// precision miss. --keep leaves each run's folder (tracker, reports) and
// prints where; --json prints the table and every row's assignment as JSON.
// Each --parity=ARG is passed on to `parity run` (a measurement: `--parity=--second-look
// --parity=0` runs the pairs without the second look).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scorePair } from './lib/match.js';

const corpusDir = dirname(fileURLToPath(import.meta.url));
const repoDir = join(corpusDir, '..');
const bin = join(repoDir, 'bin', 'parity.js');

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const keep = argv.includes('--keep');
const named = argv.filter((a) => !a.startsWith('--'));
const passed = argv
  .filter((a) => a.startsWith('--parity='))
  .map((a) => a.slice('--parity='.length));

const allPairs = readdirSync(corpusDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(corpusDir, d.name, 'truth.yaml')))
  .map((d) => d.name)
  .sort();
for (const name of named) {
  if (!allPairs.includes(name)) {
    process.stderr.write(`corpus: no pair "${name}" (pairs: ${allPairs.join(', ')})\n`);
    process.exit(2);
  }
}
if (!existsSync(join(repoDir, 'dist', 'parity.cjs'))) {
  process.stderr.write('corpus: dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}
const pairs = named.length > 0 ? named : allPairs;

/** Starts a pair's start.js; resolves with its targets and a stop function. */
function startPair(pair) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(corpusDir, pair, 'start.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${pair}: not ready after 300 s\n${err.slice(-2000)}`));
    }, 300_000);
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (!line) return;
      clearTimeout(timer);
      const targets = JSON.parse(line.slice(6));
      const stop = () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done(err);
          child.once('exit', () => done(err));
          child.kill('SIGTERM');
        });
      // A server that died during the run leaves start.js gone before stop().
      const alive = () => child.exitCode === null && child.signalCode === null;
      resolve({ targets, stop, alive, log: () => err });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`${pair}: start.js exited ${code} before it was ready\n${err.slice(-2000)}`),
      );
    });
  });
}

function runParity(pair, targets, work) {
  return new Promise((resolve) => {
    const args = [
      bin,
      'run',
      join(corpusDir, pair, 'cases'),
      '--baseline',
      `${targets.baseline.name}=${targets.baseline.url}`,
      '--candidate',
      `${targets.candidate.name}=${targets.candidate.url}`,
      '--tracker',
      join(work, 'tracker.md'),
      '--reports',
      join(work, 'reports'),
      '--fail-on',
      'none',
      '--quiet',
      ...passed,
    ];
    const child = spawn(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.resume();
    child.on('exit', (code) => resolve({ code, err }));
  });
}

const lines = [];
let broken = 0;
/** Reads a pair's truth.yaml; a file that does not parse or lacks its lists is an error naming it. */
function readTruth(pair) {
  const file = join(corpusDir, pair, 'truth.yaml');
  let truth;
  try {
    truth = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  if (!truth || !Array.isArray(truth.decisions)) {
    throw new Error(`${file}: needs a \`decisions:\` list (may be empty)`);
  }
  for (const [i, d] of truth.decisions.entries()) {
    if (typeof d?.id !== 'string' || d.rows === undefined) {
      throw new Error(`${file}: decisions[${i}] needs an \`id\` and \`rows\` matchers`);
    }
  }
  return truth;
}

for (const pair of pairs) {
  let truth;
  try {
    truth = readTruth(pair);
  } catch (error) {
    broken++;
    process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    lines.push({ pair, broken: true, heldOut: false, tuned: false });
    continue;
  }
  const work = mkdtempSync(join(tmpdir(), `parity-corpus-run-${pair}-`));
  let started;
  try {
    if (!json) process.stderr.write(`corpus: ${pair}: starting…\n`);
    started = await startPair(pair);
    const { code, err } = await runParity(pair, started.targets, work);
    if (!started.alive()) {
      throw new Error(`${pair}: a server stopped during the run\n${started.log().slice(-2000)}`);
    }
    await started.stop();
    started = undefined;
    const reportFile = join(work, 'reports', 'latest', 'report.json');
    if (code !== 0 || !existsSync(reportFile)) {
      throw new Error(`${pair}: parity run exited ${code}\n${err.slice(-2000)}`);
    }
    const score = scorePair(truth, JSON.parse(readFileSync(reportFile, 'utf8')));
    lines.push({ ...score, family: truth.family, work: keep ? work : undefined });
  } catch (error) {
    broken++;
    if (started) await started.stop();
    process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    lines.push({
      pair,
      broken: true,
      heldOut: truth.heldOut === true,
      tuned: truth.tuned === true,
    });
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify({ pairs: lines }, null, 2)}\n`);
} else {
  const head = [
    'pair',
    'rows',
    'decisions',
    'rows/decision',
    'no row',
    'per-instance',
    'false',
    'awaiting',
    'set',
  ];
  const body = lines.map((l) => {
    const set = l.heldOut ? 'held out' : l.tuned ? 'tuned' : '';
    if (l.broken) return [l.pair, 'broken', '', '', '', '', '', '', set];
    return [
      l.pair,
      String(l.rows),
      String(l.decisions),
      l.rowsPerDecision === null ? '-' : l.rowsPerDecision.toFixed(2),
      String(l.decisionsWithoutRow.length),
      String(l.perInstanceRows),
      String(l.falseRows),
      String(l.awaitingRows),
      set,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (r) =>
    r
      .map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${fmt(head)}\n`);
  for (const r of body) process.stdout.write(`${fmt(r)}\n`);
  for (const l of lines) {
    if (l.broken) continue;
    // A held-out pair's rows stay unread until it is released: its numbers only.
    if (l.heldOut) {
      if (l.work) process.stdout.write(`  ${l.pair}: run kept in ${l.work}\n`);
      continue;
    }
    if (l.decisionsWithoutRow.length > 0) {
      process.stdout.write(`  ${l.pair}: no row for ${l.decisionsWithoutRow.join(', ')}\n`);
    }
    if (l.runErrorDecisions.length > 0) {
      const ids = l.runErrorDecisions.join(', ');
      process.stdout.write(`  ${l.pair}: a run error, not a row (not counted): ${ids}\n`);
    }
    for (const a of l.assignments.filter((x) => x.false && !x.awaiting)) {
      process.stdout.write(`  ${l.pair}: false row ${a.row} ${a.summary}\n`);
    }
    for (const a of l.assignments.filter((x) => x.awaiting)) {
      const as = a.decision ? `decision ${a.decision}` : a.perInstance ? 'per-instance' : 'false';
      process.stdout.write(`  ${l.pair}: awaiting evidence ${a.row} (${as}) ${a.summary}\n`);
    }
    if (l.work) process.stdout.write(`  ${l.pair}: run kept in ${l.work}\n`);
  }
}
process.exit(broken > 0 ? 1 : 0);
