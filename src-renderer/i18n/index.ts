import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MessageParams } from '../../src-main/contract';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import fr from '../../src-main/i18n/fr';
import en from '../../src-main/i18n/en';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'parcours.language';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
const initial: Language = stored === 'en' ? 'en' : 'fr';

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});

/** A message from the contract in the interface language: an i18n key with the values it names. */
export function translateIssue(message: string, params?: MessageParams): string {
  return message.startsWith('errors.') ? String(i18n.t(message as 'errors.required', params ?? {})) : message;
}

export default i18n;
