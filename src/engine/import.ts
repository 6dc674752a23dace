/**
 * `parity import curl|har|openapi|postman`: reads the input, turns it into
 * case files (`import/`), and writes them into the output folder. Nothing is
 * overwritten without `force`: when any target file exists, nothing is written.
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { InterruptSignal } from '../contract/vocabulary.js';
import type { ResolvedConfig } from '../io/config/resolve.js';
import { buildCaseFiles } from '../io/import/cases.js';
import { importCurl } from '../io/import/curl/parse.js';
import { importHar } from '../io/import/har.js';
import { importOpenApi } from '../io/import/openapi.js';
import { importPostman } from '../io/import/postman.js';
import { renderCaseFile } from '../io/import/render.js';
import type { CaseFileModel, ImportedSource } from '../io/import/types.js';
import { loadOpenApi } from '../io/openapi/load.js';
import { operationKey } from '../io/openapi/types.js';
import { ParityError } from '../util/errors.js';
import { targetsToWrite } from '../util/files-to-write.js';
import { readFailure, readRegularText } from '../util/fs.js';
import { writeStagedFiles } from '../util/staged-files.js';
import type { AppContext } from './run/context.js';
import type { Interrupt } from './run/interrupt.js';
import { openProject } from './run/project.js';
import { freeSuite, takenSuites } from './run/taken-suites.js';

export const IMPORT_KINDS = ['curl', 'har', 'openapi', 'postman'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportRequest {
  readonly kind: ImportKind;
  /** The file to read; `-` (or none, for curl) reads standard input. */
  readonly input: string | undefined;
  /** Where the case files go (default `cases/imported`). */
  readonly out: string | undefined;
  readonly force: boolean;
  /** HAR: only these hosts and methods. */
  readonly hosts: readonly string[];
  readonly methods: readonly string[];
  /** Postman: `{{NAME}}` values that win over the collection's. */
  readonly vars: ReadonlyMap<string, string>;
  /** Standard input, read whole. */
  readonly stdin: (() => Promise<string>) | undefined;
  /** Signals that stop the import while its files are staged (then nothing is written). */
  readonly interrupt?: Interrupt;
  /**
   * Starts listening for `interrupt`'s signals, and returns the stop: called
   * only around the staging, so a signal while the input is read and parsed
   * ends the process at once, as it normally does (a listener would run only
   * once a long synchronous parse is over).
   */
  readonly listen?: () => () => void;
}

export interface ImportOutcome {
  /** Written files (relative to the working folder) with their case counts. */
  readonly written: readonly { readonly file: string; readonly cases: number }[];
  readonly notes: readonly string[];
  /** Requests that became a case (merged ones included). */
  readonly requests: number;
  /** Requests that could not become a case (each has a note). */
  readonly skipped: number;
  readonly merged: number;
  /** The output folder, relative to the working folder. */
  readonly outDir: string;
  /** Origins the requests were sent to, in first-seen order (for the next command). */
  readonly origins: readonly string[];
  /**
   * The written files by the origin their requests went to, the source's own
   * origin first: one run each when there are several (a run has one target).
   */
  readonly runs: readonly {
    readonly origin: string | undefined;
    readonly files: readonly string[];
  }[];
  /** OpenAPI only: operations no case was written for. */
  readonly uncovered: readonly string[] | undefined;
  /** The config names both targets (`parity run` needs no `--baseline`/`--candidate`). */
  readonly targetsConfigured: boolean;
  /** The signal that stopped the import before its files were published: nothing was written. */
  readonly interrupted: InterruptSignal | undefined;
}

export const DEFAULT_IMPORT_DIR = join('cases', 'imported');

const OVERWRITE_HINT = ' (pass --force to replace, or --out DIR)';

/**
 * A HAR of a long browser session can be a few hundred MB; past this an input
 * would not fit one string (V8 stops near 512 MiB), so it is refused unread.
 */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

async function readInput(
  request: ImportRequest,
  cwd: string,
): Promise<{ text: string; label: string }> {
  const { input } = request;
  if (input === undefined || input === '-') {
    if (request.stdin === undefined)
      throw new ParityError('PARITY_USAGE', `parity import ${request.kind}: name the file to read`);
    return { text: await request.stdin(), label: 'standard input' };
  }
  try {
    return {
      text: await readRegularText(resolve(cwd, input), { maxBytes: MAX_INPUT_BYTES }),
      label: input,
    };
  } catch (error) {
    throw new ParityError('PARITY_USAGE', `${input}: cannot read it (${readFailure(error)})`, {
      cause: error,
    });
  }
}

async function sourceOf(
  request: ImportRequest,
  cwd: string,
): Promise<{ source: ImportedSource; label: string; operations?: readonly string[] }> {
  if (request.kind === 'openapi') {
    if (request.input === undefined || request.input === '-') {
      throw new ParityError(
        'PARITY_USAGE',
        'parity import openapi: name the document to read (YAML or JSON)',
      );
    }
    const document = await loadOpenApi(request.input, cwd);
    return {
      source: importOpenApi(document),
      label: document.file,
      operations: document.operations.map(operationKey),
    };
  }
  const { text, label } = await readInput(request, cwd);
  switch (request.kind) {
    case 'curl':
      return { source: importCurl(text), label };
    case 'har':
      return {
        source: importHar(text, label, { hosts: request.hosts, methods: request.methods }),
        label,
      };
    case 'postman':
      return { source: importPostman(text, label, request.vars), label };
    default:
      return request.kind satisfies never;
  }
}

function headerOf(kind: ImportKind, label: string): string[] {
  return [
    `Imported by \`parity import ${kind}\` from ${label}. An ordinary case file: edit it freely.`,
    'Each case says where it came from. Credentials are never written here: set them per',
    'target in parity.config.yaml (targets.<name>.headers), with ${env:NAME} for secrets.',
  ];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The files with suite names no other file of the library (the config's case
 * paths and the output folder) uses, so every `suite/id` stays unique: a
 * taken `records` becomes `records-har`. Files an import replaces (`--force`)
 * do not count.
 */
async function withFreeSuites(
  files: readonly CaseFileModel[],
  request: ImportRequest,
  outDir: string,
  context: AppContext & { readonly config: ResolvedConfig },
): Promise<CaseFileModel[]> {
  const { config } = context;
  const replaced = new Set(request.force ? files.map((f) => join(outDir, f.name)) : []);
  const paths = [...config.casePaths, outDir];
  const existing = await Promise.all(paths.map((p) => exists(p)));
  const taken = await takenSuites(
    paths.filter((_, i) => existing[i]),
    replaced,
    context.cwd,
  );
  return files.map((file) => {
    const suite = freeSuite(file.suite, request.kind, taken);
    taken.add(suite);
    return suite === file.suite ? file : { ...file, suite };
  });
}

/** The files by origin, `main`'s first, in the order written. */
function runsOf(
  files: readonly { readonly path: string; readonly file: CaseFileModel }[],
  main: string | undefined,
  display: (path: string) => string,
): ImportOutcome['runs'] {
  const byOrigin = new Map<string | undefined, string[]>();
  if (files.some((f) => f.file.origin === main)) byOrigin.set(main, []);
  for (const { path, file } of files)
    byOrigin.set(file.origin, [...(byOrigin.get(file.origin) ?? []), display(path)]);
  return [...byOrigin].map(([origin, paths]) => ({ origin, files: paths }));
}

/** Runs an import (see the module comment). */
export async function runImport(
  request: ImportRequest,
  context: AppContext,
): Promise<ImportOutcome> {
  const { source, label, operations } = await sourceOf(request, context.cwd);
  const built = buildCaseFiles(source);
  const outDir = resolve(context.cwd, request.out ?? DEFAULT_IMPORT_DIR);
  const display = (path: string) => relative(context.cwd, path) || path;
  // A rerun without --force is refused before the library is read and the
  // files rendered (seconds for thousands of files); the staged write checks again.
  const paths = built.files.map((file) => join(outDir, file.name));
  await targetsToWrite(
    paths.map((path) => ({ path, shown: display(path) })),
    { force: request.force === true, hint: OVERWRITE_HINT, within: context.cwd },
  );
  const { config } = await openProject({}, context, 'none');
  const free = await withFreeSuites(built.files, request, outDir, { ...context, config });
  const files = free.map((file) => ({
    path: join(outDir, file.name),
    file,
    text: renderCaseFile(file, headerOf(request.kind, label)),
  }));
  const off = request.listen?.();
  const staged = await writeStagedFiles(
    files.map((file) => ({ path: file.path, shown: display(file.path), text: file.text })),
    {
      root: outDir,
      force: request.force === true,
      hint: OVERWRITE_HINT,
      host: context.host,
      stopped: () => request.interrupt?.signal !== undefined,
      // A committed `cases/imported` link must not carry the import out of the project.
      within: context.cwd,
    },
  ).finally(() => off?.());
  const origins = [...new Set(source.requests.flatMap((r) => r.origin ?? []))];
  return {
    runs: runsOf(files, source.origin ?? origins[0], display),
    written: files.map((f) => ({
      file: display(f.path),
      cases: f.file.flow?.steps.length ?? f.file.cases.length,
    })),
    notes: built.notes,
    requests: built.requests,
    skipped: built.skipped,
    merged: built.merged,
    outDir: display(outDir),
    origins,
    uncovered: operations?.filter((key) => !built.operations.has(key)),
    targetsConfigured:
      config.targets.baseline !== undefined && config.targets.candidate !== undefined,
    interrupted: staged === 'stopped' ? request.interrupt?.signal : undefined,
  };
}
