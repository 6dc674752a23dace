import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CASE_FILE_SCHEMA_PATH,
  caseFileJsonSchema,
  renderCaseFileJsonSchema,
} from '../../../../src/io/cases/json-schema.js';

const committed = fileURLToPath(new URL(`../../../../${CASE_FILE_SCHEMA_PATH}`, import.meta.url));

/** Every property of every object schema, with its path, for the description check. */
function properties(node: unknown, path: string): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [];
  const found: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) found.push([`${path}.${name}`, child]);
    }
    found.push(...properties(value, key === 'properties' ? path : `${path}/${key}`));
  }
  return found;
}

describe('case-file JSON Schema', () => {
  it('is committed and current (regenerate with UPDATE_GOLDEN=1 or `npm run schema`)', () => {
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(committed, renderCaseFileJsonSchema());
    expect(readFileSync(committed, 'utf8')).toBe(renderCaseFileJsonSchema());
  });

  it('rejects unknown keys and describes every property', () => {
    const schema = caseFileJsonSchema();
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['suite', 'cases'],
    });
    const undescribed = properties(schema, '').filter(
      ([, child]) => typeof Reflect.get(Object(child), 'description') !== 'string',
    );
    expect(undescribed.map(([path]) => path)).toEqual([]);
    expect(properties(schema, '').length).toBeGreaterThan(30);
  });
});
