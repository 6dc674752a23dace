// Where a run's CPU goes, by stage: reads the .cpuprofile files of a folder
// (written by `node --cpu-prof --cpu-prof-dir=DIR …`) and attributes each
// sample's self time to a stage by the source file it ran in. Profile the tsc
// output (build/bin.js, unbundled: one file per source module), not the bundle.
// Usage: node bench/stages.js DIR [--files], DIR holding profiles of one
// kind of run, each written by
//   node --cpu-prof --cpu-prof-dir=DIR bench/profile-run.js run cases …
// (the unbundled build under the bin's own V8 flags).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Stages, first match wins: [stage, test on the sample's URL or function name]. */
const STAGES = [
  ['idle', (_u, f) => f === '(idle)'],
  ['gc', (_u, f) => f === '(garbage collector)'],
  ['send', (_u, f) => f === 'writeLatin1String' || f === 'writeUtf8String' || f === 'writev'],
  [
    'start-up',
    (u, f) =>
      /node:internal\/(modules|bootstrap|main|process\/pre_execution)|\/zod\/|\/commander\/|\/yaml\/|\/@nodable\/|\/fast-xml-parser\/|\/re2js\//.test(
        u,
      ) ||
      ['compileFunction', 'internalModuleStat', 'openFileHandle', 'readFileUtf8'].includes(f) ||
      /\/build\/(cli|io\/config|contract)\//.test(u) ||
      u === 'node:vm',
  ],
  ['load cases', (u) => /\/build\/(io\/cases|util\/depth)|\/build\/util\/positions/.test(u)],
  [
    'send',
    (u) =>
      /\/build\/io\/http\/(client|clients|sender|pool|exchange|flow-run|in-flight|rate|sequence|loop-clock)\.js|\/build\/core\/request\/|\/undici\/lib\/(dispatcher|core|handler|util)\/|node:net|stream_base_commons|node:internal\/timers|node:timers/.test(
        u,
      ),
  ],
  [
    'receive',
    (u) =>
      /^wasm:|\/undici\/lib\/llhttp|\/build\/io\/http\/(receive|decode-body|interim)\.js|node:buffer|node:internal\/buffer|streams\/readable|node:zlib/.test(
        u,
      ),
  ],
  [
    'parse',
    (u) =>
      /\/build\/core\/wire\/(parse-json|raw-json|raw-walk|exact-number|bytes|budget|json-scan|json-lex)\.js|lossless-json/.test(
        u,
      ),
  ],
  [
    'compare',
    (u) =>
      /\/build\/(core\/(compare|normalise|redact|xml|flow)|judge\/noise)\/|\/build\/core\/wire\/(json-equal|notes|content-type|display)\.js|\/build\/util\/json-pointer|fast-deep-equal|jsondiffpatch/.test(
        u,
      ),
  ],
  [
    'stream',
    (u, f) =>
      /\/build\/judge\/results\/stream\.js|\/build\/util\/block-file/.test(u) ||
      f === 'writeBuffer',
  ],
  ['report', (u) => /\/build\/(reporters|io\/tracker|judge\/results)\//.test(u)],
  ['run loop', (u) => /\/build\/(engine|judge)\//.test(u)],
];

export function stagesOf(dir) {
  const byStage = new Map();
  const byFile = new Map();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i++) {
      const node = nodes.get(profile.samples[i]);
      const dt = profile.timeDeltas[i] ?? 0;
      const url = node.callFrame.url || `(${node.callFrame.functionName || 'program'})`;
      const fn = node.callFrame.functionName;
      const stage = STAGES.find(([, test]) => test(url, fn))?.[0] ?? 'other (Node, V8)';
      byStage.set(stage, (byStage.get(stage) ?? 0) + dt);
      const file = url.replace(/^file:\/\/.*?\/(build|node_modules)\//, '$1/');
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
    }
  }
  return { byStage, byFile };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { byStage, byFile } = stagesOf(process.argv[2] ?? 'prof');
  const busy = [...byStage].filter(([s]) => s !== 'idle').reduce((sum, [, t]) => sum + t, 0);
  const rows = [...byStage].filter(([s]) => s !== 'idle').sort((a, b) => b[1] - a[1]);
  process.stdout.write('| stage | CPU ms | share |\n| --- | --- | --- |\n');
  for (const [stage, t] of rows) {
    process.stdout.write(
      `| ${stage} | ${(t / 1000).toFixed(0)} | ${((100 * t) / busy).toFixed(1)}% |\n`,
    );
  }
  process.stdout.write(`| busy (idle left out) | ${(busy / 1000).toFixed(0)} | |\n`);
  if (process.argv.includes('--files')) {
    for (const [file, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
      process.stdout.write(`${(t / 1000).toFixed(1).padStart(8)} ms  ${file}\n`);
    }
  }
}
