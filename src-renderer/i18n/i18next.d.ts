import 'i18next';
import type fr from '../../src-main/i18n/fr';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr };
  }
}
