/**
 * Two or three real examples at the end of each command's `--help`, one map
 * over every command (a new command does not build until it has its own).
 */
import type { COMMANDS } from './options.js';

export const HELP_EXAMPLES: Record<keyof typeof COMMANDS, readonly string[]> = {
  run: [
    'parity run --baseline rust=http://127.0.0.1:3100 --candidate go=http://127.0.0.1:4110',
    'parity run cases/validator --fail-on new --compare-to reports/latest',
    'parity run --noise --shard 1/4        # targets from parity.config.yaml',
  ],
  proxy: [
    'parity proxy --listen 127.0.0.1:8080 --baseline rust=http://127.0.0.1:3100 --candidate go=http://127.0.0.1:4110',
    'parity proxy --listen :8080 --sample 10% --sample-by header:x-session --candidate-rate 50',
  ],
  shadow: [
    'parity shadow --listen 127.0.0.1:9000 --baseline rust=http://127.0.0.1:3101 --candidate go=http://127.0.0.1:4110 --baseline-replica rust2=http://127.0.0.1:3102',
    'parity shadow --listen :9000 --capture cases/traffic   # targets from parity.config.yaml',
  ],
  calibrate: [
    'parity calibrate --baseline rust=http://127.0.0.1:3100',
    'parity calibrate --write              # keep the learned noise in the config',
  ],
  validate: ['parity validate', 'parity validate cases/records.yaml'],
  tracker: [
    'parity tracker                        # the rows and their decisions',
    'parity tracker --check --from reports/latest',
    'parity tracker --init',
  ],
  decide: [
    'parity decide PAR-007 accepted --note "Go writes [] on purpose"',
    "parity decide --family structure --path '/meta/*' accepted --note \"the gateway's envelope\"",
    'parity decide --case \'discovery/dumb-*\' wontfix --note "no dumb protocol on the new server"',
  ],
  show: ['parity show PAR-007', 'parity show PAR-007 --from reports/2026-11-24T13-51-50Z-f9392a'],
  merge: [
    'parity merge reports/shard-1/latest reports/shard-2/latest',
    'parity merge shard-*/report.json --fail-on new',
  ],
  report: [
    'parity report --from reports/latest',
    'parity report --from reports/latest --format md --out /tmp/pr',
  ],
  import: [
    'parity import curl session.sh        # one flow when the session writes',
    'parity import har capture.har --host 127.0.0.1:3100 --method GET',
    'parity import openapi openapi.yaml --out cases/from-openapi',
  ],
  record: [
    'parity record --target rust=http://127.0.0.1:3100',
    'parity run --baseline-recording recordings/rust --candidate go=http://127.0.0.1:4110',
  ],
  init: [
    'parity init rust=http://127.0.0.1:3100 go=http://127.0.0.1:4110',
    'parity init http://127.0.0.1:3100 http://127.0.0.1:4110   # named baseline and candidate',
  ],
  fuzz: [
    'parity fuzz --budget 30s',
    'parity fuzz --allow-writes --reset-command ./restart.sh   # disposable targets only',
    'parity fuzz --openapi openapi.yaml --seed 7',
  ],
  demo: [
    'parity demo                 # the bundled example: reports/ and reports/ARCHITECTURE_COMPARISON.md',
    'parity demo --serve         # the two servers on :3100 and :4110, for your own first loop',
  ],
  completion: [
    'parity completion bash > ~/.local/share/bash-completion/completions/parity',
    'parity completion zsh > "${fpath[1]}/_parity"',
    'parity completion fish > ~/.config/fish/completions/parity.fish',
  ],
};

const isCommand = (name: string): name is keyof typeof COMMANDS =>
  Object.hasOwn(HELP_EXAMPLES, name);

/** The text commander prints after a command's help (none for a name it does not know). */
export function examplesText(name: string): string {
  if (!isCommand(name)) return '';
  return `\nExamples:\n${HELP_EXAMPLES[name].map((line) => `  ${line}`).join('\n')}\n`;
}
