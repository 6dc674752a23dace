/**
 * The entries an exchange and its observation list with their evidence
 * (`generated`, `unsettled`, `reordered`: `/docs (the same elements …)`),
 * read back. Plain functions beside the schemas, in a module of their own:
 * the schemas' module loads zod, which a run of plain cases never needs.
 */
/**
 * The pointer of an entry that names a place and its evidence, as `generated`,
 * `unsettled` and `reordered` list them (`/docs (the same elements …)` →
 * `/docs`); an entry without evidence is its pointer.
 */
export function pointerOfEntry(entry: string): string {
  const at = entry.indexOf(' (');
  return at < 0 ? entry : entry.slice(0, at);
}

/** `pointerOfEntry` as a JSON pointer to walk (`/uuid (…)` → `/uuid`): the body, `/`, is ``. */
export function placeOfEntry(entry: string): string {
  const pointer = pointerOfEntry(entry);
  return pointer === '/' ? '' : pointer;
}
