/**
 * `make`, run once on first use. The zod schemas are built this way: no
 * module builds one when it loads, so a command whose inputs need no schema
 * (a `validate` of plain cases, src/io/cases/plain-fast.ts) never loads zod
 * (scripts/bundle.mjs bundles it apart, required on first use).
 */
export function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
