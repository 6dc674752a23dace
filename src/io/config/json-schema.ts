/**
 * The JSON Schema of `parity.config.yaml|json`, generated from the zod schema
 * so editors complete and check the config with the rules the loader applies.
 * `schema/config.schema.json` is its committed copy (a unit test keeps it
 * current; `npm run schema` writes it).
 */
import * as z from 'zod';
import { configSchema } from './schema.js';

/** Where the committed copy lives, relative to the repository root (and in the package). */
export const CONFIG_SCHEMA_PATH = 'schema/config.schema.json';

/** The config's JSON Schema (draft 2020-12), describing what a user writes. */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema(), {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return { ...schema, title: 'parity configuration' };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
