import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, isoDate, requiredText } from '../../src-main/contract';
import fr from '../../src-main/i18n/fr';
import en from '../../src-main/i18n/en';
import { openTestCore, organisationInput } from '../fixtures/core';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  }),
);

/** What a person reads for the first issue of `value` against `schema`, in `lng`. */
function shown(schema: z.ZodType, value: unknown, lng: 'fr' | 'en' = 'fr') {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const { message, params } = issueMessage(result.error.issues[0]!);
  // A missing key would come back as the key itself.
  expect(i18n.exists(message, { lng, ...params })).toBe(true);
  return String(i18n.t(message as 'errors.required', { lng, ...params })).replace(/[\u00a0\u202f]/g, ' ');
}

describe('the messages people read', () => {
  it('are plain French for the checks a schema does not word itself', () => {
    expect(shown(z.string().max(200), 'x'.repeat(201))).toBe('200 caractères au plus.');
    expect(shown(z.string().min(10), 'court')).toBe('10 caractères au moins.');
    expect(shown(z.string().min(1), '')).toBe('Ce champ est obligatoire.');
    expect(shown(z.number().int(), 21.5)).toBe('Indiquez un nombre entier.');
    expect(shown(z.number(), '21.')).toBe('Indiquez un nombre.');
    expect(shown(z.number().max(1_000_000), 2_000_000)).toBe('Au plus 1 000 000.');
    expect(shown(z.number().min(0), -1)).toBe('Au moins 0.');
    expect(shown(z.number().positive(), 0)).toBe('Plus de 0.');
    expect(shown(z.number().multipleOf(0.1), 19.25)).toBe('1 décimale au plus.');
    expect(shown(z.array(z.string()).max(30), Array(31).fill('a'))).toBe('30 éléments au plus.');
    expect(shown(z.array(z.string()).min(1), [])).toBe('Au moins 1 élément.');
    expect(shown(z.enum(['csu', 'ngo']), 'bank')).toBe('Valeur non prévue : choisissez dans la liste.');
    expect(shown(z.enum(['csu', 'ngo']), null)).toBe('Ce champ est obligatoire.');
    expect(shown(z.email(), 'pas-un-courriel')).toBe('Adresse de courriel invalide.');
    expect(shown(z.string().regex(/^\d+$/), 'abc')).toBe('Format non reconnu.');
    expect(shown(z.strictObject({}), { isAdmin: true })).toBe('Champ non prévu : isAdmin.');
    expect(shown(z.string(), undefined)).toBe('Ce champ est obligatoire.');
  });

  it('are English in the English interface', () => {
    expect(shown(z.string().max(200), 'x'.repeat(201), 'en')).toBe('At most 200 characters.');
    expect(shown(z.number().max(5), 7, 'en')).toBe('At most 5.');
    expect(shown(z.number().int(), 3.5, 'en')).toBe('Enter a whole number.');
  });

  it('keep a schema’s own message', () => {
    expect(shown(requiredText(60), '  ')).toBe('Ce champ est obligatoire.');
    expect(shown(z.number().max(240, { error: 'errors.durationMax' }), 300)).toBe(
      'La durée ne peut pas dépasser 240 mois.',
    );
    expect(
      issueMessage(z.string().max(3, { error: 'errors.loginLength' }).safeParse('abcd').error!.issues[0]!),
    ).toEqual({ message: 'errors.loginLength' });
  });

  it('tell an impossible date from one that cannot be read', () => {
    expect(shown(isoDate, '2024-02-31')).toBe('Date impossible.');
    expect(shown(isoDate, '31 fév')).toBe('Date non reconnue : écrivez-la jj/mm/aaaa.');
    expect(shown(isoDate, null)).toBe('Indiquez une date.');
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
  });

  it('come from the core with the values they name', () => {
    const { core } = openTestCore();
    const result = core.invoke('organisations.create', organisationInput({ name: 'x'.repeat(201) }));
    expect(result).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['name'], message: 'errors.tooLong', params: { count: 200 } }] },
    });
  });
});
