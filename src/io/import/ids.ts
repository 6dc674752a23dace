/**
 * Readable, stable names for imported cases and files: slugs made of the
 * request's name or its method and path, and the path prefix that picks its
 * file. Pure.
 */
import { testShort } from '../../util/short-text.js';

const MAX_SLUG = 64;

/** `Get one record!` → `get-one-record`; camelCase is split (`getRecord` → `get-record`). */
export function slugify(text: string): string {
  const slug = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/[-._]+$/, '');
  return slug;
}

/** A version or API segment that says nothing about the resource (`v1`, `api`, `rest`). */
function isNoise(segment: string): boolean {
  return testShort(/^(v\d+(\.\d+)*|api|rest)$/i, segment);
}

/** The decoded path segments (a segment that does not decode stays as written). */
function segments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The file a path belongs in: its first meaningful segment (`/v1/records/3` → `records`). */
export function groupOfPath(path: string): string {
  const first = segments(path).find((s) => !isNoise(s));
  return (first === undefined ? '' : slugify(first)) || 'root';
}

/** `get-v1-records-3`; `get-root` for `/`. */
export function requestSlug(method: string, path: string): string {
  const tail = segments(path).join('-');
  return slugify(`${method}-${tail === '' ? 'root' : tail}`) || 'request';
}

/** Hands out ids unique within one file: `create`, `create-2`, `create-3`. */
export function uniqueIds(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    return id;
  };
}
