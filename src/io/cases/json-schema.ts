/**
 * The JSON Schema of case files, generated from the zod schema so editors
 * (VS Code YAML, JetBrains) complete and check case files with the same rules
 * the loader applies. `schema/case-file.schema.json` is its committed copy.
 */
import * as z from 'zod';
import { caseFileSchema } from './schema.js';

/** Where the committed copy lives, relative to the repository root. */
export const CASE_FILE_SCHEMA_PATH = 'schema/case-file.schema.json';

/** The case-file JSON Schema (draft 2020-12), describing what a user writes. */
export function caseFileJsonSchema(): object {
  // `input`: fields with defaults stay optional, which is what a case file author sees.
  // The JSON body is a custom type (it keeps the value as parsed): zod has no
  // JSON Schema for one, so it is taken from its `meta` (`jsonBodySchema`).
  const schema = z.toJSONSchema(caseFileSchema(), {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return { ...schema, title: 'parity case file' };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function renderCaseFileJsonSchema(): string {
  return `${JSON.stringify(caseFileJsonSchema(), null, 2)}\n`;
}
