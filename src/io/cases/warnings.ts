/**
 * What `parity validate` warns about: files that are valid but may not do
 * what their author expects. A file that mixes writes and reads without
 * `serial: true` (with `--concurrency` above 1 its cases may run in any
 * order), a flow that writes without the `sideEffects` opt-in (`run` skips
 * it), a `{{name}}` in a case that is not a flow (sent as written), and a
 * method in another case than its standard spelling (sent as written).
 * Every warning is placed at `file:line:col`. Pure.
 */
import { isWriteMethod, SAFE_METHODS } from '../../contract/model/case.js';
import type { InputProblem } from '../../util/errors.js';
import { formatField } from '../../util/positions.js';
import { variableUses } from './flow-schema.js';
import type { CaseFileHeader, ParsedCaseFile } from './parse-file.js';
import { type FileAccess, type PlainAccess, resourceBeforeCaptures, resourceOf } from './races.js';
import type { CaseSpec } from './schema.js';
import { isSerialFile, type SerialChoice } from './serial.js';

/** Methods whose standard spelling is known, upper-case. */
const KNOWN_METHODS = new Set([...SAFE_METHODS, 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Entries named in a warning, at most. */
const NAMED = 3;

type Path = (string | number)[];

/** Collects the warnings of one file as its cases are checked, in file order. */
export interface FileWarnings {
  /** A case (or flow) that passed its checks, at `index` in `cases`. */
  add(spec: CaseSpec, index: number): void;
  /** Every warning of the file, in file order. */
  finish(): InputProblem[];
  /** What the file's cases write and read (`races.ts`). */
  access(): FileAccess;
}

export function fileWarnings(
  parsed: ParsedCaseFile,
  header: CaseFileHeader,
  options: { readonly serial?: SerialChoice; readonly sideEffects?: boolean | undefined },
): FileWarnings {
  const out: InputProblem[] = [];
  const at = (path: Path, message: string) =>
    out.push({ file: parsed.file, ...parsed.locate(path), field: formatField(path), message });
  // Entries that write and that read: `[index, "METHOD id", is a flow]`.
  const writes: [number, string, boolean][] = [];
  const reads: [number, string, boolean][] = [];
  const plain: PlainAccess[] = [];
  const flowWrites: PlainAccess[] = [];
  const plainReads: PlainAccess[] = [];
  const serial = isSerialFile(header, options);
  const sideEffects = header.sideEffects === true || options.sideEffects === true;
  return {
    add(spec, index) {
      const requests = requestsOf(spec, index);
      for (const { request, base } of requests) {
        methodWarning(request.method, [...base, 'method'], at);
      }
      const methods = requests.map(({ request }) => request.method);
      const write = methods.find(isWriteMethod);
      const read = methods.find((method) => !isWriteMethod(method));
      const flow = spec.steps !== undefined;
      if (write !== undefined) writes.push([index, `${write} ${spec.id}`, flow]);
      if (read !== undefined) reads.push([index, `${read} ${spec.id}`, flow]);
      if (spec.steps !== undefined && !sideEffects && write !== undefined) {
        const listed = methods.filter(isWriteMethod).join(', ');
        at(
          ['cases', index, 'id'],
          `is a flow that writes (${listed}) but neither this file nor the config sets sideEffects: true; \`parity run\` will not send it (add sideEffects: true to the file or the config)`,
        );
      }
      if (spec.request !== undefined) {
        templateWarnings(spec.request, index, at);
        const access = plainAccess(spec.request, spec.id, index, parsed);
        if (!serial) plain.push(access);
        if (!access.write) plainReads.push(access);
      }
      const first = requests.find(({ request }) => isWriteMethod(request.method));
      if (flow && first !== undefined) flowWrites.push(flowWriteAccess(first, spec.id, parsed));
    },
    access: () => ({
      file: parsed.file,
      accesses: serial ? [] : plain,
      flowWrites,
      reads: plainReads,
    }),
    finish() {
      // A write and a read of two entries may race, unless both are flows: each
      // flow keeps its own order and works on what it created.
      const mixed = writes.some(([w, , wf]) => reads.some(([r, , rf]) => r !== w && !(wf && rf)));
      if (!serial && mixed) {
        at(
          ['cases'],
          `mixes writes (${named(writes)}) and reads (${named(reads)}) without serial: true; with --concurrency above 1 they may run in any order (add serial: true to run them in file order, one at a time)`,
        );
      }
      return out;
    },
  };
}

function plainAccess(
  request: NonNullable<CaseSpec['request']>,
  id: string,
  index: number,
  parsed: ParsedCaseFile,
): PlainAccess {
  const path: Path = ['cases', index, 'request', 'path'];
  return {
    path: resourceOf(request.path),
    write: isWriteMethod(request.method),
    label: `${request.method} ${id}`,
    at: () => ({ file: parsed.file, ...parsed.locate(path), field: formatField(path) }),
  };
}

/** A flow's first write, at its step's path, the path cut before its first capture. */
function flowWriteAccess(
  { request, base }: { readonly request: NonNullable<CaseSpec['request']>; readonly base: Path },
  id: string,
  parsed: ParsedCaseFile,
): PlainAccess {
  const path: Path = [...base, 'path'];
  return {
    path: resourceBeforeCaptures(request.path),
    write: true,
    label: `${request.method} ${id}`,
    at: () => ({ file: parsed.file, ...parsed.locate(path), field: formatField(path) }),
  };
}

/** The requests of a case (one) or a flow (one per step), with their field paths. */
function requestsOf(
  spec: CaseSpec,
  index: number,
): { readonly request: NonNullable<CaseSpec['request']>; readonly base: Path }[] {
  if (spec.steps !== undefined) {
    return spec.steps.map((step, k) => ({
      request: step.request,
      base: ['cases', index, 'steps', k, 'request'],
    }));
  }
  return spec.request === undefined
    ? []
    : [{ request: spec.request, base: ['cases', index, 'request'] }];
}

/** `{{name}}` in a case that is not a flow: sent as written. */
function templateWarnings(
  request: NonNullable<CaseSpec['request']>,
  index: number,
  at: (path: Path, message: string) => void,
): void {
  for (const use of variableUses(request, ['cases', index, 'request'])) {
    at(
      use.path,
      `uses {{${use.name}}} but only the steps of a flow capture variables: it is sent as written (write the case as steps to capture and use values)`,
    );
  }
}

function methodWarning(method: string, path: Path, at: (path: Path, message: string) => void) {
  const upper = method.toUpperCase();
  if (method !== upper && KNOWN_METHODS.has(upper)) {
    at(
      path,
      `is sent as written ("${method}"); methods are case-sensitive and servers expect ${upper}`,
    );
  }
}

function named(entries: readonly (readonly [number, string, ...unknown[]])[]): string {
  const shown = entries
    .slice(0, NAMED)
    .map(([, entry]) => entry)
    .join(', ');
  return entries.length > NAMED ? `${shown}, … ${entries.length - NAMED} more` : shown;
}
