/**
 * The option table: every option of every command, declared once. Commander's
 * program is built from it (`program.ts`) and each command's flags type is
 * derived from it (`FlagsOf`); an option several commands take is declared
 * here once and reused, with `withHelp` where one command words it its own way.
 * A key is the name the flag overrides in the config (`timeoutMs` for
 * `--timeout`), so the flags can be handed to the config resolver as they are.
 */
import * as z from 'zod';
import { FINDING_KINDS } from '../contract/vocabulary.js';
import { parseShard } from '../io/cases/shard.js';
import {
  DEFAULT_SECOND_LOOKS,
  DEFAULT_TRACKER_PATH,
  FAIL_POLICIES,
  MAX_CONCURRENCY,
  MAX_KEPT_RUNS,
  MAX_RETRIES,
  MAX_SECOND_LOOKS,
  MAX_TIMEOUT_MS,
} from '../io/config/limits.js';
import { REPORT_FORMATS, type ReportFormat } from '../io/config/report-formats.js';
import { REPORTER_NAMES } from '../io/config/reporters.js';
import { type Budget, parseBudget } from '../judge/fuzz/budget.js';
import { once } from '../util/once.js';
import {
  choice,
  command,
  countOption,
  type FlagsOf,
  negatable,
  negatableToggle,
  parsed,
  positive,
  refuse,
  repeatable,
  requiredText,
  text,
  toggle,
  withHelp,
} from './option-kinds.js';

// A command is declared when it is parsed (or `--help` lists them all), not
// when the CLI loads, and its options' zod schemas only when a value needs
// one (`plainFlags`): `parity validate` declares validate alone and builds
// no schema.

const CASES = {
  syntax: '[cases...]',
  help: 'case files or folders (default: cases/, or "cases" in the config)',
} as const;

/** Parses `--shard 2/4` (1-based). */
function shardOf(value: string) {
  const shard = parseShard(value);
  return typeof shard === 'string' ? refuse(shard) : shard;
}

/** Parses `--bail N`: a whole number of divergent cases, at least 1. */
function bailOf(value: string): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1
    ? n
    : refuse(
        `--bail takes a number of divergent cases, 1 or more (got "${value}"); write --bail=N, or put --bail after the case paths`,
      );
}

/** Parses `--format md,html,junit`, in canonical order so report.json (the source) is written first. */
function parseFormats(value: string): ReportFormat[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known: readonly string[] = REPORT_FORMATS;
  if (names.length === 0 || names.some((name) => !known.includes(name))) {
    refuse(`formats are a comma-separated list of ${REPORT_FORMATS.join(', ')} (got "${value}")`);
  }
  return REPORT_FORMATS.filter((format) => names.includes(format));
}

/** What `parity report` writes unless `--format` says otherwise: report.json is the source. */
export const DEFAULT_RERENDER: readonly ReportFormat[] = ['md', 'html', 'junit'];

const trackerFile = once(() =>
  text('--tracker <file>', `decisions tracker (default: ${DEFAULT_TRACKER_PATH})`),
);
const reports = once(() =>
  text(
    '--reports <dir>',
    'reports folder; each run writes DIR/<run-id>/ and points DIR/latest at it',
  ),
);
const keep = once(() =>
  countOption(
    '--keep <n>',
    'keep only the n latest run folders in the reports folder (default: all)',
    1,
    MAX_KEPT_RUNS,
  ),
);

/** Options several commands take, each built when a command first uses it. */
const shared = {
  config: once(() =>
    text('-c, --config <file>', 'config file (default: parity.config.yaml|yml|json if present)'),
  ),
  baseline: once(() =>
    text('--baseline <target>', 'reference target: NAME=URL, or a target name from the config'),
  ),
  baselineReplica: once(() =>
    text(
      '--baseline-replica <target>',
      'second baseline instance for --noise (implies it): NAME=URL or a configured name',
    ),
  ),
  tracker: once(() => negatable(trackerFile(), 'do not read or write the decisions tracker')),
  reports,
  reportsToRead: once(() =>
    withHelp(reports(), 'reports folder, for --from latest (default: reports/)'),
  ),
  failOn: once(() =>
    choice('--fail-on <policy>', 'which divergences make the run exit 1', FAIL_POLICIES),
  ),
  compareTo: once(() =>
    text(
      '--compare-to <report>',
      'mark divergent cases new / persisting / not compared, and root causes fixed, against a previous report.json, its run folder, or "latest"',
    ),
  ),
  filter: once(() =>
    repeatable(
      '--filter <glob>',
      'only cases whose id (suite/id) matches this glob: * and ? in a segment, ** across, {a,b}, [a-z]; without /, the id alone (get-*) (repeatable)',
    ),
  ),
  tag: once(() => repeatable('--tag <tag>', 'only cases with this tag (repeatable: any of them)')),
  vars: once(() =>
    repeatable(
      '--var <name=value>',
      'a variable ${env:NAME} reads before the environment and .env (repeatable)',
    ),
  ),
  reporter: once(() =>
    repeatable(
      '--reporter <name[=path]>',
      `an output of the run: ${REPORTER_NAMES.join(', ')}; NAME=PATH writes its file there (repeatable or a comma list; replaces the config's "reporters"; default: console and every report file)`,
    ),
  ),
  json: once(() => toggle('--json', 'print a machine-readable summary on stdout')),
  quiet: once(() => toggle('-q, --quiet', 'print nothing but errors')),
  github: once(() =>
    negatableToggle(
      '--github',
      'GitHub Actions: also print an ::error annotation per new root cause, and append the decisions to $GITHUB_STEP_SUMMARY when it is set (on by itself when GITHUB_ACTIONS=true)',
      'not the GitHub Actions output, even under GitHub Actions',
    ),
  ),
};

const run = once(() =>
  command({
    name: 'run',
    description:
      'replay the cases against baseline and candidate, write reports and update the tracker',
    operands: CASES,
    options: {
      baseline: shared.baseline(),
      candidate: text(
        '--candidate <target>',
        'target compared against the baseline: NAME=URL or a configured name',
      ),
      config: shared.config(),
      var: shared.vars(),
      tracker: shared.tracker(),
      reports: shared.reports(),
      keep: keep(),
      failOn: shared.failOn(),
      failOnEncoding: toggle(
        '--fail-on-encoding',
        'encoding notes (wire-only differences) also make the run exit 1',
      ),
      concurrency: countOption(
        '--concurrency <n>',
        `cases in flight at once, 1 to ${MAX_CONCURRENCY} (default 8)`,
        1,
        MAX_CONCURRENCY,
      ),
      rate: positive(
        '--rate <n>',
        'requests per second to each target, for gentle runs (default: no limit)',
      ),
      maxInFlight: countOption(
        '--max-in-flight <n>',
        'requests in flight at once to each target (default: the concurrency)',
        1,
        MAX_CONCURRENCY,
      ),
      // 0 would time every request out at once: refused like the other out-of-range values.
      timeoutMs: countOption(
        '--timeout <ms>',
        `budget for one request in ms, 1 to ${MAX_TIMEOUT_MS} (default 10000)`,
        1,
        MAX_TIMEOUT_MS,
      ),
      retries: countOption(
        '--retries <n>',
        'retries after connection-level failures only (default 0)',
        0,
        MAX_RETRIES,
      ),
      secondLook: countOption(
        '--second-look <n>',
        `send at most n safe requests once more to each side when their answers differ in a value of one format, to see which values change between requests (default ${DEFAULT_SECOND_LOOKS}; 0 turns it off)`,
        0,
        MAX_SECOND_LOOKS,
      ),
      compareTo: shared.compareTo(),
      noise: toggle(
        '--noise',
        'learn noise: send each case a second time to the baseline and mask what varies',
      ),
      baselineReplica: shared.baselineReplica(),
      resetCommand: text(
        '--reset-command <cmd>',
        'with --noise: run each flow a second time on both sides after this shell command (must exit 0), and learn what differs between the two runs of the baseline',
      ),
      resetRequest: text(
        '--reset-request <request>',
        'with --noise: the same, after this request to both targets, e.g. "POST /__reset" (must answer 2xx)',
      ),
      openapi: text(
        '--openapi <spec>',
        'OpenAPI/Swagger document: the report lists its operations that no case exercises',
      ),
      baselineRecording: text(
        '--baseline-recording <dir>',
        'answer the baseline side from a recording (parity record) instead of a live target',
      ),
      shard: parsed(
        '--shard <i/n>',
        'run shard i of n of the selected cases (e.g. 2/4), for CI',
        () => z.object({ index: z.int().min(1), total: z.int().min(1) }),
        shardOf,
      ),
      filter: shared.filter(),
      tag: shared.tag(),
      list: toggle(
        '--list',
        'print the cases the run would send (after --filter, --tag and --shard), in run order, and send nothing',
      ),
      bail: parsed(
        '--bail [n]',
        'stop sending after the first (or the nth) divergent case; the rest are listed as not run (write --bail=N before the case paths)',
        () => z.union([z.literal(true), z.int().min(1)]),
        bailOf,
      ),
      reporter: shared.reporter(),
      json: shared.json(),
      quiet: shared.quiet(),
      github: shared.github(),
    },
  }),
);

/** The options `parity proxy` and `parity shadow` share. */
function shadowOptions(kind: 'proxy' | 'shadow') {
  return {
    listen: requiredText(
      '--listen <host:port>',
      kind === 'proxy'
        ? 'where clients connect, e.g. 127.0.0.1:8080 (port 0: any free port, printed)'
        : "where the gateway's mirror sends its copies, e.g. 127.0.0.1:9000 (port 0: any free port, printed)",
    ),
    baseline: withHelp(
      shared.baseline(),
      kind === 'proxy'
        ? 'the service clients are served from: NAME=URL or a configured name'
        : 'a baseline instance the sink sends each copy to: NAME=URL or a configured name',
    ),
    candidate: text(
      '--candidate <target>',
      "the service compared against the baseline, off the clients' path: NAME=URL or a configured name",
    ),
    baselineReplica: withHelp(
      shared.baselineReplica(),
      "a second baseline instance each mirrored request also goes to, to learn noise (Diffy's topology)",
    ),
    noise: toggle(
      '--noise',
      'learn noise: send each mirrored read a second time to the baseline (or to --baseline-replica)',
    ),
    config: shared.config(),
    var: shared.vars(),
    tracker: shared.tracker(),
    reports: shared.reports(),
    keep: keep(),
    concurrency: countOption(
      '--concurrency <n>',
      `mirrored requests compared at once, 1 to ${MAX_CONCURRENCY} (default 8)`,
      1,
      MAX_CONCURRENCY,
    ),
    timeoutMs: countOption(
      '--timeout <ms>',
      `budget for one mirrored request in ms, 1 to ${MAX_TIMEOUT_MS} (default 10000)`,
      1,
      MAX_TIMEOUT_MS,
    ),
    queue: countOption(
      '--queue <n>',
      'mirrored requests waiting at most; past it they are dropped and counted (default 1000)',
      1,
    ),
    mirrorMb: countOption(
      '--mirror-mb <n>',
      'megabytes the mirrored copies hold at most, together: request bodies, both answers and their decoded copies; past it copies are dropped and counted (default 64)',
      1,
    ),
    sample: text('--sample <share>', 'mirror this share of the requests, e.g. 10% (default 100%)'),
    sampleBy: text(
      '--sample-by <where>',
      'draw the sample by a hash of header:NAME or query:NAME, so one session is mirrored whole or not at all',
    ),
    candidateRate: positive(
      '--candidate-rate <n>',
      "requests per second to the candidate at most (default: the config's rate, else no limit)",
    ),
    shed: text(
      '--shed <share>',
      "refuse new mirrored requests (dropped, counted as busy) while parity's event loop is busier than this share and copies are under way, so clients keep their throughput (default 50%; 100%: never)",
    ),
    mirrorWrites: toggle(
      '--mirror-writes',
      'also mirror POST, PUT, PATCH, DELETE, …: only to targets the config marks disposable',
    ),
    forwardedFor: text(
      '--forwarded-for <header>',
      "header holding the client's address (default X-Forwarded-For)",
    ),
    forwardedHost: text(
      '--forwarded-host <header>',
      'header holding the host the client asked for (default X-Forwarded-Host)',
    ),
    originalUri: text(
      '--original-uri <header>',
      "header holding the URI the client sent, when the mirror's differs (default X-Original-URI)",
    ),
    runSize: countOption(
      '--run-size <n>',
      'results one run holds at most; a full run writes its reports and the next begins (default 100000)',
      1,
      10_000_000,
    ),
    every: countOption(
      '--every <seconds>',
      "refresh the open run's reports in place every so many seconds (default 60; SIGHUP refreshes them and updates the tracker at once)",
      1,
      86_400,
    ),
    capture: text(
      '--capture <dir>',
      'write each distinct request (method, path template, body shape) as a case file there at shutdown',
    ),
    json: withHelp(shared.json(), 'print the status as one JSON line per update on stdout'),
    quiet: shared.quiet(),
  };
}

const proxy = once(() =>
  command({
    name: 'proxy',
    description:
      "inline proxy: serve clients from the baseline, compare the candidate's answers off their path, until SIGTERM",
    options: shadowOptions('proxy'),
  }),
);

const shadow = once(() =>
  command({
    name: 'shadow',
    description:
      "mirror sink: take a gateway's mirrored copies, compare baseline and candidate on each, until SIGTERM",
    options: shadowOptions('shadow'),
  }),
);

const calibrate = once(() =>
  command({
    name: 'calibrate',
    description:
      'A/A run: send each case twice to the baseline, print the noise learned; --write saves it in the config',
    operands: CASES,
    options: {
      baseline: withHelp(
        shared.baseline(),
        'the target to calibrate: NAME=URL, or a configured name',
      ),
      baselineReplica: withHelp(
        shared.baselineReplica(),
        'send the second call to this instance: NAME=URL or a name',
      ),
      config: shared.config(),
      var: shared.vars(),
      write: toggle(
        '--write',
        'merge the learned noise into the config file (created when missing)',
      ),
      filter: shared.filter(),
      tag: shared.tag(),
      json: withHelp(shared.json(), 'print the learned noise as JSON'),
    },
  }),
);

const validate = once(() =>
  command({
    name: 'validate',
    description: 'check case files (and the config) and send nothing',
    operands: CASES,
    options: { config: shared.config(), var: shared.vars() },
  }),
);

const tracker = once(() =>
  command({
    name: 'tracker',
    description: 'print the open rows of the decisions tracker; --check: exit 1 when it is stale',
    options: {
      tracker: trackerFile(),
      config: withHelp(shared.config(), 'config file (for the tracker and reports paths)'),
      reports: shared.reportsToRead(),
      check: toggle(
        '--check',
        'compare the tracker with a report; exit 1 when a run would change it',
      ),
      from: text('--from <report>', 'the report for --check: report.json, run folder or "latest"'),
      all: toggle('--all', 'list every row, not only the open ones'),
      init: toggle(
        '--init',
        'create the tracker, or add the managed table to an existing file without one (nothing else in it changes)',
      ),
      json: withHelp(shared.json(), 'print JSON'),
    },
  }),
);

const decide = once(() =>
  command({
    name: 'decide',
    description:
      'record a decision on root causes in the tracker: parity decide PAR-007 accepted --note "…", or in bulk with --family/--pattern/--kind/--path/--case',
    operands: {
      syntax: '<rows-and-decision...>',
      help: 'row ids (PAR-007 …), then the decision: accepted, wontfix or open (with --family/--pattern/--kind/--path/--case: the decision alone)',
    },
    options: {
      note: text('--note <text>', 'appended to the Decision cell of each row'),
      family: text(
        '--family <name>',
        'every open or decided row of this family: a pattern (nil-slice, int-as-string, …) or structure, status, header, body-kind',
      ),
      pattern: text(
        '--pattern <name>',
        'every open or decided row of this pattern (nil-slice, tagged-enum, …)',
      ),
      kind: choice('--kind <kind>', 'every open or decided row of this kind', FINDING_KINDS),
      path: text(
        '--path <pattern>',
        "every open or decided row whose places in the body all lie within this path pattern ('/meta/*', '**/tags')",
      ),
      case: text(
        '--case <glob>',
        "every open or decided row whose cases all match this glob of case ids, as --filter reads it ('discovery/dumb-*', 'get-*')",
      ),
      tracker: trackerFile(),
      config: withHelp(shared.config(), 'config file (for the tracker path)'),
      json: withHelp(shared.json(), 'print the rows decided as JSON'),
    },
  }),
);

const show = once(() =>
  command({
    name: 'show',
    description:
      'one root cause in full: its row, every case and endpoint, an example diff, the curl pair, the fix',
    operands: { syntax: '<row>', help: 'the row id (PAR-007)' },
    options: {
      from: text(
        '--from <report>',
        'the report to show it from: report.json, run folder or "latest"',
      ),
      tracker: trackerFile(),
      config: withHelp(shared.config(), 'config file (for the tracker and reports paths)'),
      reports: shared.reportsToRead(),
      json: withHelp(shared.json(), 'print JSON'),
    },
  }),
);

const merge = once(() =>
  command({
    name: 'merge',
    description: 'combine shard reports into one report, update the tracker once',
    operands: {
      syntax: '<reports...>',
      help: 'report.json files (or run folders) of the shard runs',
    },
    options: {
      config: shared.config(),
      reports: withHelp(reports(), 'reports folder for the merged report (default: reports/)'),
      keep: keep(),
      tracker: shared.tracker(),
      failOn: shared.failOn(),
      compareTo: shared.compareTo(),
      reporter: shared.reporter(),
      json: shared.json(),
      quiet: shared.quiet(),
      github: shared.github(),
    },
  }),
);

const report = once(() =>
  command({
    name: 'report',
    description: 're-render the reports of a past run from its report.json (sends nothing)',
    options: {
      from: requiredText('--from <report>', 'report.json, its run folder, or "latest"'),
      format: parsed(
        '--format <formats>',
        'comma-separated: md,html,junit,json (default: md,html,junit)',
        () => z.array(z.enum(REPORT_FORMATS)),
        parseFormats,
      ),
      out: text('--out <dir>', "output folder (default: the report's own folder)"),
      config: withHelp(shared.config(), 'config file (for the reports folder of "latest")'),
      reports: shared.reportsToRead(),
    },
  }),
);

/** `--seed`: the input stream's generator takes 32 bits. */
const SEED = once(() => z.int().min(0).max(4_294_967_295));

/** Parses `--budget 5000` (inputs) or `--budget 60s` (a duration). */
function budgetOf(value: string): Budget {
  const budget = parseBudget(value);
  return 'problem' in budget ? refuse(budget.problem) : budget;
}

const fuzz = once(() =>
  command({
    name: 'fuzz',
    description:
      'differential fuzzing: mutate the cases, send every input to both targets, shrink each new divergence and write it as a case',
    operands: {
      syntax: '[cases...]',
      help: 'seed case files or folders (default: cases/, or "cases" in the config)',
    },
    options: {
      baseline: shared.baseline(),
      candidate: run().options.candidate,
      config: shared.config(),
      var: shared.vars(),
      seed: parsed(
        '--seed <n>',
        'seed of the input stream, 0 to 4294967295: the same seed and budget send the same inputs (default 1)',
        SEED,
        (value) =>
          SEED().safeParse(/^\d+$/.test(value) ? Number(value) : Number.NaN).data ??
          refuse(`--seed must be a whole number from 0 to 4294967295 (got "${value}")`),
      ),
      budget: parsed(
        '--budget <n|duration>',
        'inputs to explore (e.g. 5000, the default) or a duration (e.g. 60s, 2m)',
        () =>
          z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('inputs'), count: z.int().min(1) }),
            z.object({ kind: z.literal('time'), ms: z.number().positive() }),
          ]),
        budgetOf,
      ),
      out: text(
        '--out <dir>',
        'folder for the case files written, one per new root cause (default: cases/fuzz)',
      ),
      openapi: withHelp(
        run().options.openapi,
        'seed from the operations of this OpenAPI/Swagger document (the cases parity import openapi would write) instead of the case files',
      ),
      allowWrites: toggle(
        '--allow-writes',
        'also fuzz cases that write (POST, PUT, PATCH, DELETE); both targets must be marked disposable in the config',
      ),
      resetCommand: text(
        '--reset-command <cmd>',
        'shell command run before every input (must exit 0); inputs then go one at a time',
      ),
      resetRequest: text(
        '--reset-request <request>',
        'request sent to both targets before every input, e.g. "POST /__reset" (must answer 2xx); inputs then go one at a time',
      ),
      tracker: shared.tracker(),
      reports: shared.reports(),
      failOn: shared.failOn(),
      concurrency: run().options.concurrency,
      rate: run().options.rate,
      maxInFlight: run().options.maxInFlight,
      timeoutMs: run().options.timeoutMs,
      retries: run().options.retries,
      noise: run().options.noise,
      baselineReplica: shared.baselineReplica(),
      filter: withHelp(
        shared.filter(),
        'only seed cases whose id matches (repeatable; * is a wildcard)',
      ),
      tag: withHelp(shared.tag(), 'only seed cases with this tag (repeatable: any of them)'),
      reporter: withHelp(
        shared.reporter(),
        `an output of the fuzz run and of the replay of the cases it wrote: ${REPORTER_NAMES.join(', ')}; NAME=PATH writes the replay's file there (repeatable or a comma list; replaces the config's "reporters"; default: console and every report file)`,
      ),
      json: shared.json(),
      quiet: shared.quiet(),
    },
  }),
);

const record = once(() =>
  command({
    name: 'record',
    description:
      "send the cases to one target and store its answers, for later runs' --baseline-recording",
    operands: CASES,
    options: {
      target: text('--target <target>', 'the target to record: NAME=URL, or a configured name'),
      out: text('--out <dir>', 'recording folder (default: recordings/<target name>)'),
      update: toggle('--update', 'refresh an existing recording (without it, one is refused)'),
      noise: toggle(
        '--noise',
        'send each case twice and store what differs as noise that runs against the recording apply',
      ),
      config: shared.config(),
      var: shared.vars(),
      filter: shared.filter(),
      tag: shared.tag(),
    },
  }),
);

const importCases = once(() =>
  command({
    name: 'import',
    description:
      'write case files from curl command lines, a HAR file, an OpenAPI/Swagger document or a Postman collection',
    operands: {
      syntax: '<kind> [input]',
      help: 'curl, har, openapi or postman, then the file to read (curl, har, postman: "-" or none reads standard input)',
    },
    options: {
      out: text('--out <dir>', 'folder for the case files (default: cases/imported)'),
      force: toggle('--force', 'replace case files that exist already'),
      host: repeatable(
        '--host <host>',
        'har: only requests to this host (host:port or host name; repeatable)',
      ),
      method: repeatable('--method <method>', 'har: only requests of this method (repeatable)'),
      var: repeatable(
        '--var <name=value>',
        "postman: the value of a {{variable}} (repeatable; wins over the collection's)",
      ),
    },
  }),
);

const initProject = once(() =>
  command({
    name: 'init',
    description:
      'write a starter parity.config.yaml and an example case file for two targets (nothing is overwritten)',
    operands: {
      syntax: '[targets...]',
      help: 'the baseline and the candidate: each a URL or NAME=URL (e.g. rust=http://127.0.0.1:3100)',
    },
    options: {},
  }),
);

const demo = once(() =>
  command({
    name: 'demo',
    description:
      'the bundled example from the package: start its two reference servers, run its cases, write reports/ and a tracker, stop; --serve keeps the servers up',
    options: {
      reports: withHelp(reports(), 'reports folder (default: reports/)'),
      tracker: shared.tracker(),
      serve: toggle(
        '--serve',
        'keep the two servers up on 127.0.0.1:3100 (baseline rust) and :4110 (candidate go) until Ctrl-C; run nothing',
      ),
      ports: text(
        '--ports <baseline,candidate>',
        "with --serve: the two servers' ports (default 3100,4110; 0 picks a free one)",
      ),
    },
  }),
);

const completion = once(() =>
  command({
    name: 'completion',
    description: 'print the shell completion script for bash, zsh or fish',
    operands: { syntax: '<shell>', help: 'bash, zsh or fish' },
    options: {},
  }),
);

/** Every command of the CLI, in the order `parity --help` lists them. */
export const COMMANDS = {
  get run() {
    return run();
  },
  get proxy() {
    return proxy();
  },
  get shadow() {
    return shadow();
  },
  get calibrate() {
    return calibrate();
  },
  get validate() {
    return validate();
  },
  get tracker() {
    return tracker();
  },
  get decide() {
    return decide();
  },
  get show() {
    return show();
  },
  get merge() {
    return merge();
  },
  get report() {
    return report();
  },
  get import() {
    return importCases();
  },
  get record() {
    return record();
  },
  get init() {
    return initProject();
  },
  get fuzz() {
    return fuzz();
  },
  get demo() {
    return demo();
  },
  get completion() {
    return completion();
  },
};

/** Whether `name` is one of the CLI's commands. */
export function isCommandName(name: string | undefined): name is keyof typeof COMMANDS {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

export type RunFlags = FlagsOf<ReturnType<typeof run>>;
export type DemoFlags = FlagsOf<ReturnType<typeof demo>>;
export type ShadowFlags = FlagsOf<ReturnType<typeof shadow>>;
export type CalibrateFlags = FlagsOf<ReturnType<typeof calibrate>>;
export type ValidateFlags = FlagsOf<ReturnType<typeof validate>>;
export type TrackerFlags = FlagsOf<ReturnType<typeof tracker>>;
export type MergeFlags = FlagsOf<ReturnType<typeof merge>>;
export type ReportFlags = FlagsOf<ReturnType<typeof report>>;
export type DecideFlags = FlagsOf<ReturnType<typeof decide>>;
export type ShowFlags = FlagsOf<ReturnType<typeof show>>;
export type FuzzFlags = FlagsOf<ReturnType<typeof fuzz>>;
export type ImportFlags = FlagsOf<ReturnType<typeof importCases>>;
export type RecordFlags = FlagsOf<ReturnType<typeof record>>;
