import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import fr from './fr';
import en from './en';

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

// zod's own messages follow the interface language.
const applyZodLocale = (lng: string) => z.config(lng === 'en' ? z.locales.en() : z.locales.fr());
applyZodLocale(initial);

i18n.on('languageChanged', (lng) => {
  applyZodLocale(lng);
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});

/** A message from the contract: an i18n key for our own rules, zod's localised text otherwise. */
export function translateIssue(message: string): string {
  return message.startsWith('errors.') ? i18n.t(message as 'errors.required') : message;
}

export default i18n;
