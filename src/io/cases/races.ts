/**
 * The one race `parity validate` can still see across files. A serial
 * sequence or a flow runs alone (`io/http/pool.ts`), so only the plain cases
 * of files that are not serial overlap each other; a write in one such file
 * to a resource that another such file reads may land before or after that
 * read. A resource overlaps another when one path is the other or lies under
 * it, segment by segment (`/items` and `/items/7`). Two files that only
 * write the same endpoint are not warned about: most such pairs are
 * stateless calls (`POST /v1/validate`). Pure.
 */
import type { InputProblem } from '../../util/errors.js';

/** One plain case of a file that is not serial: where it is and what it touches. */
export interface PlainAccess {
  /** The path without its query, trailing `/` removed. */
  readonly path: string;
  readonly write: boolean;
  /** `METHOD id`, as a warning names it. */
  readonly label: string;
  /**
   * Where it is, placed only when a warning names it: placing a case of a JSON
   * file parses the whole file for its positions, which a library of 20,000
   * cases without a race would pay for every file.
   */
  readonly at: () => Omit<InputProblem, 'message'>;
}

/** What one file's cases touch, in file order. */
export interface FileAccess {
  readonly file: string;
  /** The plain cases of a file that is not serial (none for a serial file). */
  readonly accesses: readonly PlainAccess[];
  /** The first write of each flow that writes, its path cut before the first `{{…}}` segment. */
  readonly flowWrites: readonly PlainAccess[];
  /** Every plain read of the file, serial or not. */
  readonly reads: readonly PlainAccess[];
}

/** The path a case touches, for comparing resources. */
export function resourceOf(path: string): string {
  const bare = path.split('?', 1)[0] ?? '';
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}

/** One warning per pair of files where the first writes what the second reads. */
export function crossFileRaces(files: readonly FileAccess[]): InputProblem[] {
  // Which files touch each path, and which touch something under each path prefix.
  const exact = new Map<string, Map<number, PlainAccess>>();
  const under = new Map<string, Map<number, PlainAccess>>();
  const note = (map: typeof exact, key: string, file: number, access: PlainAccess) => {
    const files = map.get(key) ?? new Map<number, PlainAccess>();
    if (!files.has(file)) files.set(file, access);
    map.set(key, files);
  };
  files.forEach(({ accesses }, file) => {
    for (const access of accesses) {
      if (access.write) continue;
      note(exact, access.path, file, access);
      for (const prefix of prefixesOf(access.path)) note(under, prefix, file, access);
    }
  });
  const out: InputProblem[] = [];
  files.forEach(({ accesses }, file) => {
    const warned = new Set<number>();
    for (const access of accesses) {
      if (!access.write) continue;
      const others = [
        ...(exact.get(access.path) ?? []),
        ...(under.get(access.path) ?? []),
        ...prefixesOf(access.path).flatMap((prefix) => [...(exact.get(prefix) ?? [])]),
      ];
      for (const [other, touched] of others) {
        if (other === file || warned.has(other)) continue;
        warned.add(other);
        out.push({
          ...access.at(),
          message: `writes ${access.path} (${access.label}), which ${files[other]?.file} reads (${touched.label}); neither file is serial, so with --concurrency above 1 the read may come before or after the write (add serial: true to one of them: a serial file runs alone)`,
        });
      }
    }
  });
  return out;
}

/**
 * One warning per pair of files where a flow of the first writes what the
 * second reads, the second later in path order: a flow runs alone, so there
 * is no race, but those reads answer with whatever the flow left on each
 * side (its records, under each side's own ids), a difference that depends
 * on the order of the files rather than on the servers.
 */
export function flowResidue(files: readonly FileAccess[]): InputProblem[] {
  const out: InputProblem[] = [];
  files.forEach(({ flowWrites }, file) => {
    // Most files hold no flow that writes: nothing to pair with the files after them.
    if (flowWrites.length === 0) return;
    for (const reader of files.slice(file + 1)) {
      const hit = firstOverlap(flowWrites, reader.reads);
      if (hit === undefined) continue;
      const [write, read] = hit;
      out.push({
        ...write.at(),
        message: `writes ${write.path} (${write.label}) in a flow that runs before ${reader.file}, which reads ${read.path} (${read.label}): files run in path order, so those reads may answer with what the flow left on each side (rename the files so the reads come first, or end the flow by deleting what it wrote)`,
      });
    }
  });
  return out;
}

/** The first write and read, in order, whose resources overlap. */
function firstOverlap(
  writes: readonly PlainAccess[],
  reads: readonly PlainAccess[],
): readonly [PlainAccess, PlainAccess] | undefined {
  for (const write of writes) {
    const read = reads.find((r) => overlaps(write.path, r.path));
    if (read !== undefined) return [write, read];
  }
  return undefined;
}

/** `/posts/{{id}}/comments` → `/posts`: the part of a flow step's path that names a resource before any capture. */
export function resourceBeforeCaptures(path: string): string {
  const segments = resourceOf(path).split('/');
  const first = segments.findIndex((segment) => segment.includes('{{'));
  return first < 0 ? segments.join('/') : segments.slice(0, first).join('/');
}

/** True when two resources are one, or one lies under the other (never through the root alone). */
export function overlaps(a: string, b: string): boolean {
  if (a === b) return a !== '/' && a !== '';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short !== '/' && short !== '' && long.startsWith(`${short}/`);
}

/** `/a/b/c` → `/a`, `/a/b` (the root is no resource of its own). */
function prefixesOf(path: string): string[] {
  const segments = path.split('/').slice(1);
  const out: string[] = [];
  for (let k = 1; k < segments.length; k++) out.push(`/${segments.slice(0, k).join('/')}`);
  return out;
}
