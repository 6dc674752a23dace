/**
 * Script: regenerate `schema/config.schema.json` (`npm run schema`), as
 * `io/cases/write-json-schema.ts` does the case files'.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { CONFIG_SCHEMA_PATH, renderConfigJsonSchema } from './json-schema.js';

const target = new URL(`../../${CONFIG_SCHEMA_PATH}`, import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, renderConfigJsonSchema());
