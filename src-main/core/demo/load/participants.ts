// The people of each organisation: planned (names, positions, phones) before it is created, registered after.
import type { z } from 'zod';
import { createParticipantInput, type Sex } from '../../../contract';
import * as participants from '../../participants/service';
import { similarNames } from '../../sessions/figures';
import {
  FIRST_NAMES,
  LAST_NAMES,
  NORTHERN_FIRST_NAMES,
  NORTHERN_LAST_NAMES,
  POSITIONS,
  type DemoOrganisation,
} from '../content';
import { addDays, parse, type Demo, type Person } from './context';

type PlannedPerson = z.output<typeof createParticipantInput>['fields'];

const phone = ({ random, usedPhones }: Demo) => {
  for (;;) {
    const digits = `${random.pick(['66', '76', '65', '79', '70', '90', '94', '75'])}${String(random.int(0, 999_999)).padStart(6, '0')}`;
    if (usedPhones.has(digits)) continue;
    usedPhones.add(digits);
    return `+223 ${digits.replace(/(\d\d)(?=\d)/g, '$1 ')}`;
  }
};

/** The people of an organisation, head first, without two similar names. */
export function plannedPeople(demo: Demo, o: DemoOrganisation): PlannedPerson[] {
  const { random } = demo;
  const northern = o.fields.region === 'Gao' || o.fields.region === 'Kidal';
  const firstNames = northern ? NORTHERN_FIRST_NAMES : FIRST_NAMES;
  const lastNames = northern ? NORTHERN_LAST_NAMES : LAST_NAMES;
  const women = Math.round(o.people * o.women);
  const positions = POSITIONS[o.fields.type] ?? POSITIONS.std!;
  const others = positions.filter(([, , decisionMaker]) => !decisionMaker);
  const planned: PlannedPerson[] = [];
  for (let i = 0; i < o.people; i++) {
    // Women and men alternate in proportion, so that heads are not always men.
    const sex: Sex =
      Math.floor(((i + 1) * women) / o.people + 0.5) > Math.floor((i * women) / o.people + 0.5) ? 'F' : 'M';
    const [masculine, feminine, decisionMaker] =
      i < positions.length ? positions[i]! : others[(i - positions.length) % others.length]!;
    let fields: PlannedPerson;
    do {
      fields = parse(createParticipantInput, {
        fields: {
          organisationId: 'pending',
          firstName: random.pick(firstNames[sex]),
          lastName: random.pick(lastNames),
          sex,
          ageBand: random.weighted([
            ['under_25', 1],
            ['25_34', 3],
            ['35_49', 4],
            ['50_plus', 2],
          ] as const),
          position: sex === 'F' ? feminine : masculine,
          decisionMaker,
          phone: random.chance(0.9) ? phone(demo) : null,
        },
      }).fields;
    } while (
      planned.some((p) => similarNames(p, fields)) ||
      // Colleagues rarely share a family name: once in a while only.
      (planned.some((p) => p.lastName === fields.lastName) && random.chance(0.8))
    );
    planned.push(fields);
  }
  return planned;
}

/** Registers the planned people of an organisation, a few a day from `peopleFrom`. */
export function registerPeople(
  { at, people }: Demo,
  o: DemoOrganisation,
  organisationId: string,
  planned: PlannedPerson[],
  peopleFrom: string,
) {
  const registered: Person[] = [];
  planned.forEach((fields, i) => {
    const p = participants.createParticipant(
      at(addDays(peopleFrom, i % 20)),
      parse(createParticipantInput, { fields: { ...fields, organisationId } }),
    );
    registered.push({ id: p.id, sex: p.sex, organisationKey: o.key });
  });
  people.set(o.key, registered);
}
