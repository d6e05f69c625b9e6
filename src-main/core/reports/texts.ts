import i18next from 'i18next';
import fr from '../../i18n/fr';

// Reports are written in French, from the interface's own catalogue: one wording for a label,
// whether it is read on the screen, in a PDF or in an XLSX.
const catalogue = i18next.createInstance();
void catalogue.init({
  resources: { fr: { translation: fr } },
  lng: 'fr',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A French text; keys may be built at run time (`organisations.type.${type}`). */
export const t = (key: string, options?: Record<string, unknown>): string =>
  catalogue.t(key as never, options as never) as unknown as string;
