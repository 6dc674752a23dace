/**
 * `parity demo`: the bundled example from the package, in any folder. It
 * starts the two reference servers the package ships, runs the example's
 * case library against them (`parity run`, the example's own config, so a
 * project's config is never read), writes the reports and a tracker seeded
 * from the example's, and stops the servers. `--serve` keeps the two servers
 * up on 3100 and 4110 instead, for a first loop of one's own, until Ctrl-C.
 */
import { resolve } from 'node:path';
import {
  DEMO_TARGETS,
  type DemoFiles,
  demoFiles,
  seedDemoTracker,
  startDemoServers,
} from '../../engine/demo.js';
import { ParityError } from '../../util/errors.js';
import { packageRoot } from '../../util/package-root.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { COMMANDS, type DemoFlags } from '../options.js';
import { runCommand } from './run.js';

const DEFAULT_REPORTS = 'reports';
const DEFAULT_TRACKER = 'reports/ARCHITECTURE_COMPARISON.md';
const SERVE_PORTS = [DEMO_TARGETS[0].port, DEMO_TARGETS[1].port] as const;

/** `--ports 3100,4110`: two ports, 0 for a free one. */
function portsOf(text: string | undefined): readonly [number, number] {
  if (text === undefined) return SERVE_PORTS;
  const ports = text.split(',').map((part) => part.trim());
  const valid = (port: string) => /^\d{1,5}$/.test(port) && Number(port) <= 65_535;
  const [baseline, candidate] = ports;
  if (ports.length !== 2 || baseline === undefined || candidate === undefined) {
    throw new ParityError(
      'PARITY_USAGE',
      `--ports takes two ports, baseline,candidate (got ${JSON.stringify(text)})`,
    );
  }
  for (const port of ports) {
    if (!valid(port)) {
      throw new ParityError(
        'PARITY_USAGE',
        `--ports: ${JSON.stringify(port)} is not a port (0 to 65535)`,
      );
    }
  }
  return [Number(baseline), Number(candidate)];
}

/** `--serve`: the two servers until a stop signal; prints their URLs and the commands to try. */
async function serve(
  files: DemoFiles,
  ports: readonly [number, number],
  io: Io,
): Promise<ExitCode> {
  if (io.signals === undefined) throw new Error('parity demo --serve needs the process signals');
  const signals = io.signals;
  const servers = await startDemoServers(files, io.env, ports);
  const { baseline, candidate } = servers;
  io.stdout.write(
    `baseline ${baseline.name} ${baseline.url}\ncandidate ${candidate.name} ${candidate.url}\n` +
      `try, in another terminal: parity init ${baseline.name}=${baseline.url} ${candidate.name}=${candidate.url} && parity run\n` +
      'serving until Ctrl-C\n',
  );
  await new Promise<void>((done) => {
    const off = signals.on(() => {
      off();
      done();
    });
  });
  await servers.stop();
  io.stderr.write('parity demo: the servers stopped\n');
  return EXIT.ok;
}

export async function demoCommand(flags: DemoFlags, io: Io): Promise<ExitCode> {
  if (flags.ports !== undefined && flags.serve !== true) {
    throw new ParityError('PARITY_USAGE', '--ports goes with --serve (a run picks free ports)');
  }
  const files = demoFiles(packageRoot(io.host?.script), io.host?.execPath);
  if (flags.serve === true) return serve(files, portsOf(flags.ports), io);
  const tracker =
    flags.tracker === false ? false : resolve(io.cwd, flags.tracker ?? DEFAULT_TRACKER);
  if (tracker !== false) await seedDemoTracker(files, tracker);
  const servers = await startDemoServers(files, io.env);
  try {
    const runFlags = COMMANDS.run.flags().parse({
      config: files.config,
      baseline: `${servers.baseline.name}=${servers.baseline.url}`,
      candidate: `${servers.candidate.name}=${servers.candidate.url}`,
      reports: flags.reports ?? DEFAULT_REPORTS,
      tracker,
    });
    const code = await runCommand([files.cases], runFlags, io);
    // The two servers differ on purpose: a run that found divergences is the demo working.
    return code === EXIT.divergent ? EXIT.ok : code;
  } finally {
    await servers.stop();
  }
}
