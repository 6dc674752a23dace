/**
 * Script: regenerate `schema/case-file.schema.json` (`npm run schema`).
 * Resolves the repository root from this file, so it works from `src/io/cases`
 * and from the compiled `dist/io/cases` alike. A unit test keeps the copy current.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { CASE_FILE_SCHEMA_PATH, renderCaseFileJsonSchema } from './json-schema.js';

const target = new URL(`../../${CASE_FILE_SCHEMA_PATH}`, import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, renderCaseFileJsonSchema());
