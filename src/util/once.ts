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

/**
 * A type under a name an interface can extend (`interface S extends
 * Named<Schemas['case']> {}`): a schema used inside another is then declared
 * by that name in dist/'s declarations, where its inferred type would be
 * spelled out again at every use (`contract/model/case.ts` and `exchange.ts`:
 * ~65 KB of declarations fewer).
 */
export type Named<T> = T;
