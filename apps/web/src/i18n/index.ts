import i18n from 'i18next';
import { useEffect, useState } from 'react';
import { initReactI18next } from 'react-i18next';
import languageSwitch from './language-switch.json';
import sv from './sv.json';

type Messages = { [key: string]: string | Messages };

/* Each capability may keep its texts in its own pair of files, `parts/<name>.sv.json` and
   `parts/<name>.en.json`, so parallel work does not collide in one big file. Their keys are merged
   over the main files (a part should use its own top-level key).
   Swedish, the first language and the fallback, is part of the first script a phone loads; English
   is a chunk of its own, loaded when someone chooses it (a page in English waits for it). Only the
   language switch's own words are always there in both languages. */
const svParts = import.meta.glob<{ default: Messages }>('./parts/*.sv.json', { eager: true });
const enParts = import.meta.glob<{ default: Messages }>('./parts/*.en.json');

function merged(base: Messages, parts: Messages[]): Messages {
  const result: Messages = structuredClone(base);
  for (const part of parts) deepMerge(result, part);
  return result;
}

function deepMerge(target: Messages, source: Messages): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') deepMerge(existing, value);
    else target[key] = value;
  }
}

let english: Promise<void> | undefined;
let englishLoaded = false;

/** Loads a language's texts (English comes as its own chunk); Swedish is always there. */
export function loadLanguage(language: UiLanguage): Promise<void> {
  if (language === 'sv') return Promise.resolve();
  english ??= Promise.all([import('./en.json'), ...Object.values(enParts).map((load) => load())]).then(([base, ...parts]) => {
    i18n.addResourceBundle('en', 'translation', merged(base.default as Messages, parts.map((part) => part.default)), true, true);
    englishLoaded = true;
  });
  return english;
}

/** Whether a language's texts are loaded; loads them if not, and renders again when they are. */
export function useLanguageLoaded(language: UiLanguage): boolean {
  const [, rendered] = useState(0);
  const loaded = language === 'sv' || englishLoaded;
  useEffect(() => {
    if (loaded) return;
    let current = true;
    void loadLanguage(language).then(() => current && rendered((n) => n + 1));
    return () => {
      current = false;
    };
  }, [language, loaded]);
  return loaded;
}

export type UiLanguage = 'sv' | 'en';
export const STORAGE_KEY = 'samhandling.language';

function storedLanguage(): UiLanguage | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'sv' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function hasStoredLanguage(): boolean {
  return storedLanguage() !== null;
}

const initial: UiLanguage = storedLanguage() ?? 'sv';

void i18n.use(initReactI18next).init({
  resources: {
    sv: { translation: merged(sv, [...Object.values(svParts).map((part) => part.default), languageSwitch.sv]) },
    en: { translation: languageSwitch.en },
  },
  lng: 'sv',
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyToDocument(language: UiLanguage) {
  // No document outside a browser (the web app's unit tests run in Node).
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyToDocument('sv');

/** Resolves when the texts of the language this browser chose are loaded and in use. */
export const languageReady: Promise<void> = initial === 'sv' ? Promise.resolve() : loadLanguage(initial).then(() => i18n.changeLanguage(initial)).then(() => undefined);
i18n.on('languageChanged', (lng) => applyToDocument(lng === 'en' ? 'en' : 'sv'));

/** Switch the UI language and remember it in this browser. */
export async function changeUiLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return i18n.language === 'en' ? 'en' : 'sv';
}

export default i18n;
