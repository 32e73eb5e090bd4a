import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import sv from './sv.json';

type Messages = { [key: string]: string | Messages };

/* Each capability may keep its texts in its own pair of files, `parts/<name>.sv.json` and
   `parts/<name>.en.json`, so parallel work does not collide in one big file. Their keys are merged
   over the main files (a part should use its own top-level key). */
const parts = import.meta.glob<{ default: Messages }>('./parts/*.json', { eager: true });

function merged(base: Messages, language: 'sv' | 'en'): Messages {
  const result: Messages = structuredClone(base);
  for (const [path, module] of Object.entries(parts)) {
    if (!path.endsWith(`.${language}.json`)) continue;
    deepMerge(result, module.default);
  }
  return result;
}

function deepMerge(target: Messages, source: Messages): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') deepMerge(existing, value);
    else target[key] = value;
  }
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
  resources: { sv: { translation: merged(sv, 'sv') }, en: { translation: merged(en, 'en') } },
  lng: initial,
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyToDocument(language: UiLanguage) {
  // No document outside a browser (the web app's unit tests run in Node).
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyToDocument(initial);
i18n.on('languageChanged', (lng) => applyToDocument(lng === 'en' ? 'en' : 'sv'));

/** Switch the UI language and remember it in this browser. */
export async function changeUiLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return i18n.language === 'en' ? 'en' : 'sv';
}

export default i18n;
