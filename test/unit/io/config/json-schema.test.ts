import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_SCHEMA_PATH,
  configJsonSchema,
  renderConfigJsonSchema,
} from '../../../../src/io/config/json-schema.js';

const committed = fileURLToPath(new URL(`../../../../${CONFIG_SCHEMA_PATH}`, import.meta.url));

describe('config JSON Schema', () => {
  it('is committed and current (regenerate with UPDATE_GOLDEN=1 or `npm run schema`)', () => {
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(committed, renderConfigJsonSchema());
    expect(readFileSync(committed, 'utf8')).toBe(renderConfigJsonSchema());
  });

  it('rejects unknown keys and names the config sections', () => {
    const schema = configJsonSchema();
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    const names = Object.keys(Reflect.get(schema, 'properties') as object);
    expect(names).toEqual(
      expect.arrayContaining(['targets', 'baseline', 'candidate', 'rules', 'tracker']),
    );
  });
});
