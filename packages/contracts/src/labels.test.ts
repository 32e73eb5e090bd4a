import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelKey, labelled, valuesOf, type LabelledEnum } from './labels.ts';

const catalogue = (language: string) => JSON.parse(readFileSync(new URL(`../../../apps/web/src/i18n/${language}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('the labelled enums', () => {
  it.each(['sv', 'en'])('every value of every enum has a label in the %s catalogue', (language) => {
    const messages = catalogue(language);
    const missing: string[] = [];
    for (const name of Object.keys(labelled) as LabelledEnum[]) {
      for (const value of valuesOf(name)) {
        const key = labelKey(name, value as never);
        if (typeof lookup(messages, key) !== 'string') missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
});
