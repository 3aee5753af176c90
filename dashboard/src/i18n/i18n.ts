import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

// R-UI-1: Chinese first. English is a switch, remembered per browser (a UI preference,
// not a credential, so localStorage is fine here unlike the session token).
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'liaowang.language';

function readStoredLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', applyToDocument);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: readStoredLanguage(),
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping again would show entities.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyToDocument(i18next.language);
  return i18next;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'zh-CN';
}
