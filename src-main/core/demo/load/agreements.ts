// The agreements: those of the review (real dates and amounts), then the programme's own conventions.
import { changeStatusInput, createAgreementInput, endOfTerm } from '../../../contract';
import * as organisations from '../../organisations/service';
import * as agreements from '../../agreements/service';
import { AGREEMENT_ROWS, PROGRAMME_AGREEMENTS } from '../content';
import { addDays, parse, workday, type Demo } from './context';

/** `05-07-23` (as the review prints it) → `2023-07-05`. */
export const sourceDate = (s: string) => {
  const [d, m, y] = s.split('-');
  return `20${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
};
/** `92.001.000` → 92001000. */
export const sourceAmount = (s: string) => Number(s.replace(/\./g, ''));

function createAgreement(
  { at, orgIds, today }: Demo,
  partner: string,
  fields: {
    number: string;
    signedOn: string;
    durationMonths: number;
    endOn: string | null;
    amountFcfa: number;
    notes: string;
  },
) {
  const inForce = fields.endOn ?? endOfTerm(fields.signedOn, fields.durationMonths);
  agreements.createAgreement(
    at(fields.signedOn),
    parse(createAgreementInput, {
      organisationId: orgIds.get(partner)!,
      fields: { ...fields, status: inForce < today ? 'closed' : 'active' },
    }),
  );
}

export function loadReviewAgreements(demo: Demo) {
  const { at, orgIds } = demo;
  for (const row of AGREEMENT_ROWS) {
    const signedOn = sourceDate(row.signed);
    const programme = row.number.startsWith('DDRK') ? 'DDRK (Kidal)' : 'DDRG (Gao)';
    // The partner was selected by its programme's committee before signing: no longer « identifiée ».
    const selectedOn = addDays(signedOn, -14);
    organisations.changeStatus(
      at(selectedOn),
      parse(changeStatusInput, {
        id: orgIds.get(row.partner)!,
        status: 'selected',
        changedOn: selectedOn,
        reason: `Partenaire retenu par le comité technique du programme ${programme} pour l’APO ${row.number}.`,
      }),
    );
    createAgreement(demo, row.partner, {
      number: row.number,
      signedOn,
      durationMonths: Number(row.months.replace(',', '.')),
      endOn: row.end ? sourceDate(row.end) : null,
      amountFcfa: sourceAmount(row.amount),
      notes: `Accord de partenariat opérationnel du programme ${programme}, signé en 2023.`,
    });
  }
}

/** The programme's agreements with the organisations it selected. */
export function loadProgrammeAgreements(demo: Demo) {
  PROGRAMME_AGREEMENTS.forEach((a, i) => {
    const signedOn = workday(demo.day(a.signed));
    createAgreement(demo, a.partner, {
      number: `PRCK${signedOn.slice(2, 4)}-${String(i + 1).padStart(3, '0')}-CONV`,
      signedOn,
      durationMonths: a.months,
      endOn: null,
      amountFcfa: a.amountFcfa,
      notes: 'Convention de renforcement des capacités du PRC, signée après la décision du comité technique.',
    });
  });
}
