/**
 * `parity init BASELINE CANDIDATE`: a starter `parity.config.yaml` naming the
 * two targets and one example case file, so `parity validate` and `parity run`
 * work at once. Nothing that exists is overwritten: when either file is there,
 * nothing is written; the files follow every writer's rules (`files-to-write.ts`).
 */
import { join, resolve } from 'node:path';
import { DEFAULT_TRACKER_PATH } from '../io/config/limits.js';
import { printable } from '../util/code-span.js';
import { ParityError } from '../util/errors.js';
import { writeTextFiles } from '../util/files-to-write.js';
import { readRegularFile } from '../util/fs.js';
import type { AppContext } from './run/context.js';

export interface InitTarget {
  readonly name: string;
  readonly url: string;
}

export interface InitOutcome {
  readonly baseline: InitTarget;
  readonly candidate: InitTarget;
  /** Written files, relative to the working folder. */
  readonly written: readonly string[];
  /** Whether the folder's `.gitignore` keeps `reports/` (run artifacts) out of git. */
  readonly ignoresReports: boolean;
}

/** A `.gitignore` line that ignores the reports folder (`reports/`, `/reports`, `reports/*`…). */
const IGNORES_REPORTS = /^\/?reports(\/(\*\*?)?)?$/;

/** Whether `.gitignore` in `cwd` ignores `reports/`; false when it cannot be read. */
async function ignoresReports(cwd: string): Promise<boolean> {
  try {
    const text = (
      await readRegularFile(resolve(cwd, '.gitignore'), { maxBytes: 1 << 20 })
    ).toString('utf8');
    return text.split(/\r?\n/).some((line) => IGNORES_REPORTS.test(line.trim()));
  } catch {
    return false;
  }
}

export const INIT_FILES = {
  config: 'parity.config.yaml',
  cases: join('cases', 'example.yaml'),
} as const;

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

/** `rust=http://…` or a bare URL (named `fallback`). */
export function parseInitTarget(spec: string, fallback: string): InitTarget {
  const eq = spec.indexOf('=');
  const named = eq > 0 && !spec.slice(0, eq).includes(':');
  const name = named ? spec.slice(0, eq) : fallback;
  const text = named ? spec.slice(eq + 1) : spec;
  // What is echoed back is printable: a URL may hold ESC or BEL, which a terminal would obey.
  const shown = printable(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`"${shown}" is not a URL (expected e.g. http://127.0.0.1:3100)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usage(`"${shown}" must be an http:// or https:// URL`);
  if (text.includes('#')) {
    throw usage(
      `"${shown}": a URL fragment (#…) is never sent to a server; remove it from the target URL`,
    );
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(name))
    throw usage(`target name "${printable(name)}": use letters, digits, ".", "_" or "-"`);
  return { name, url: text.replace(/\/+$/, '') };
}

/** YAML double-quoted scalar. */
const quoted = (text: string) => JSON.stringify(text);

function configText(baseline: InitTarget, candidate: InitTarget): string {
  return `# yaml-language-server: $schema=./node_modules/http-parity/schema/config.schema.json
# parity configuration (written by \`parity init\`). Every key is optional; flags win.
# Reference: parity's docs/configuration.md. JSON Schema-checked: a typo is an error.
targets:
  ${baseline.name}:
    url: ${quoted(baseline.url)}
    # headers: { authorization: "Bearer \${env:${baseline.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TOKEN}" }   # credentials, sent with every request
  ${candidate.name}:
    url: ${quoted(candidate.url)}
baseline: ${baseline.name}     # the reference (usually the old runtime)
candidate: ${candidate.name}   # the implementation compared with it
cases: [cases]
# rules: { ignore: [/request_id] }   # normalisation applied to every case
# openapi: openapi.yaml             # reports list the operations no case exercises
tracker: ${DEFAULT_TRACKER_PATH}
reports: reports
concurrency: 8
failOn: open
`;
}

const CASES = `# yaml-language-server: $schema=../node_modules/http-parity/schema/case-file.schema.json
# An example case file (written by \`parity init\`): edit it, or add cases from
# real traffic with \`parity import curl|har|openapi|postman\`.
suite: example
cases:
  - id: root
    description: the root path answers the same on both targets
    request:
      method: GET
      path: /
`;

/** Writes the starter files (see the module comment). */
export async function init(specs: readonly string[], context: AppContext): Promise<InitOutcome> {
  const [first, second, ...extra] = specs;
  if (first === undefined || second === undefined || extra.length > 0) {
    throw usage(
      'parity init takes two targets: BASELINE CANDIDATE, each a URL or NAME=URL (e.g. rust=http://127.0.0.1:3100 go=http://127.0.0.1:4110)',
    );
  }
  const baseline = parseInitTarget(first, 'baseline');
  const candidate = parseInitTarget(second, 'candidate');
  if (baseline.name === candidate.name)
    throw usage(`both targets are named "${baseline.name}"; give them different names (NAME=URL)`);
  const files = [
    { path: INIT_FILES.config, text: configText(baseline, candidate) },
    { path: INIT_FILES.cases, text: CASES },
  ].map((file) => ({ ...file, path: resolve(context.cwd, file.path), shown: file.path }));
  await writeTextFiles(files, { force: false });
  const written = files.map((f) => f.shown);
  return { baseline, candidate, written, ignoresReports: await ignoresReports(context.cwd) };
}
