import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelFile, modelFileJsonSchema } from './models.ts';

const SCHEMA_FILE = new URL('../../../docs/schemas/samhandling-model-v1.schema.json', import.meta.url);

describe('the model file format', () => {
  it('docs/schemas/samhandling-model-v1.schema.json is the JSON Schema of the zod schema (UPDATE_SCHEMAS=1 rewrites it)', () => {
    const generated = `${JSON.stringify(modelFileJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('refuses another format or version', () => {
    expect(modelFile.safeParse({ format: 'other', formatVersion: 1, version: 1, model: {} }).success).toBe(false);
    const problems = modelFile.safeParse({ format: 'samhandling-model', formatVersion: 2, version: 1, model: {} }).error?.issues.map((i) => i.path.join('.'));
    expect(problems).toContain('formatVersion');
  });
});
