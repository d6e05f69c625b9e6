// The organisations of the programme, each with its people.
import { changeStatusInput, organisationFields } from '../../../contract';
import * as organisations from '../../organisations/service';
import { AGREEMENT_ROWS, KOULIKORO_ORGANISATIONS, PARTNER_ORGANISATIONS, type DemoOrganisation } from '../content';
import { sourceDate } from './agreements';
import { addDays, earlier, parse, workday, type Demo } from './context';
import { plannedPeople, registerPeople } from './participants';

function createOrganisation(demo: Demo, o: DemoOrganisation, createdOn: string, peopleFrom: string) {
  const { random, at } = demo;
  const planned = plannedPeople(demo, o);
  const head = planned[0];
  const women = planned.filter((p) => p.sex === 'F').length;
  const created = organisations.createOrganisation(
    at(createdOn),
    parse(organisationFields, {
      ...o.fields,
      staffWomen: women + (o.women > 0 ? random.int(1, 8) : 0),
      staffMen: planned.length - women + (o.women < 1 ? random.int(1, 10) : 0),
      contactName: head ? `${head.firstName} ${head.lastName}` : null,
      contactPosition: head?.position ?? null,
      contactPhone: head?.phone ?? null,
    }),
  );
  demo.orgIds.set(o.key, created.id);
  registerPeople(demo, o, created.id, planned, peopleFrom);
}

export function loadOrganisations(demo: Demo) {
  const { day } = demo;
  KOULIKORO_ORGANISATIONS.forEach((o, i) => createOrganisation(demo, o, day(-400 + i), day(-320)));
  const signedOn = new Map(AGREEMENT_ROWS.map((r) => [r.partner, sourceDate(r.signed)]));
  PARTNER_ORGANISATIONS.forEach((o) =>
    createOrganisation(demo, o, earlier(addDays(signedOn.get(o.key) ?? day(-400), -45), day(-400)), day(-265)),
  );
}

/** Insecurity stops the field work with one organisation. */
export function suspendNara({ at, day, orgIds }: Demo) {
  const suspendedOn = workday(day(-180));
  organisations.changeStatus(
    at(suspendedOn),
    parse(changeStatusInput, {
      id: orgIds.get('nara')!,
      status: 'suspended',
      changedOn: suspendedOn,
      reason: 'Insécurité dans le cercle de Nara : missions de terrain suspendues.',
    }),
  );
}
