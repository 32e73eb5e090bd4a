import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelKey, labelled, valuesOf, type LabelledEnum } from './labels.ts';

type Messages = Record<string, unknown>;
const I18N = new URL('../../../apps/web/src/i18n/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Messages;

function merge(into: Messages, from: Messages): Messages {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (value && typeof value === 'object' && existing && typeof existing === 'object') merge(existing as Messages, value as Messages);
    else into[key] = value;
  }
  return into;
}

/** A language's catalogue as the web app loads it: the base file with every `parts/<name>.<language>.json` merged in. */
function catalogue(language: string): Messages {
  const parts = readdirSync(new URL('parts/', I18N)).filter((name) => name.endsWith(`.${language}.json`));
  return parts.reduce((messages, name) => merge(messages, readJson(new URL(`parts/${name}`, I18N))), readJson(new URL(`${language}.json`, I18N)));
}

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
