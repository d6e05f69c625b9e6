import { attendanceSheets, EMPTY_ROWS, type Cell, type Report } from '../../contract';
import type { Context } from '../context';
import { getSession } from '../sessions/service';
import { personDays } from '../sessions/figures';
import { frenchDate } from '../../contract/reportFormat';
import { baseReport, column, slug, sum, table, type RequestOf } from './build';
import { t } from './texts';

/** The attendance sheet people sign, and the attendance recorded for the session. */
export function attendanceReport(ctx: Context, { sessionId }: RequestOf<'attendance'>): Report {
  const s = getSession(ctx, sessionId);
  const people = [...s.participants].sort((a, b) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr'),
  );
  const split = attendanceSheets(s.days);
  const sheets = split.length ? split : [[]];
  const place = [s.venue, s.commune, s.region].filter(Boolean).join(', ');
  const dates = s.days.length
    ? `${frenchDate(s.days[0]!.date)} au ${frenchDate(s.days[s.days.length - 1]!.date)}`
    : '—';
  const identity = (p: (typeof people)[number] | undefined, i: number): Cell[] => [
    String(i + 1),
    p ? `${p.lastName.toUpperCase()} ${p.firstName}` : '',
    p ? (p.organisationAcronym ?? p.organisationName) : '',
    p ? p.sex : '',
    p?.position ?? '',
  ];
  const status = (dayId: string, participantId: string) =>
    s.attendance.find((a) => a.dayId === dayId && a.participantId === participantId)?.status ?? null;
  const recorded = people.map((p, i) => {
    const marks = s.days.map((d) => status(d.id, p.id));
    const days = personDays(s.days, s.attendance, new Set([p.id]));
    return [...identity(p, i), ...marks.map((m) => (m ? t(`sessions.status.${m}`) : null)), days];
  });

  return baseReport(ctx, {
    kind: 'attendance',
    fileName: `feuille-presence-${slug(s.title)}-${s.days[0]?.date ?? 'sans-date'}`,
    title: t('reports.kinds.attendance'),
    subtitle: `${s.title} — du ${dates}`,
    scope: [
      place ? `Lieu : ${place}` : '',
      s.moduleTitle ? `Module : ${s.moduleTitle}` : '',
      s.pathway ? `Parcours : ${s.pathway.title} (${s.pathway.organisationName})` : '',
      `Formateurs : ${s.trainers.map((tr) => `${tr.name} (${t(`sessions.trainerKind.${tr.kind}`)})`).join(', ') || '—'}`,
    ].filter(Boolean),
    cover: false,
    landscape: true,
    sections: [
      ...sheets.map((days, n) => ({
        title:
          sheets.length > 1
            ? `${t('sessions.sheet.title')} — feuille ${n + 1} / ${sheets.length}`
            : t('sessions.sheet.title'),
        blocks: [
          {
            type: 'table' as const,
            sheet: sheets.length > 1 ? `Émargement ${n + 1}` : 'Émargement',
            title: '',
            columns: [
              column('N°', 'text', 18),
              column(t('sessions.sheet.name'), 'text', 130),
              column(t('sessions.sheet.organisation'), 'text', 70),
              column(t('sessions.sheet.sex'), 'text', 26),
              column(t('sessions.sheet.position'), 'text', 70),
              ...days.flatMap((d) =>
                d.halfDay
                  ? [column(`${frenchDate(d.date)}`)]
                  : [
                      column(`${frenchDate(d.date)} ${t('sessions.sheet.morning')}`),
                      column(`${frenchDate(d.date)} ${t('sessions.sheet.afternoon')}`),
                    ],
              ),
            ],
            rows: [...people, ...Array<undefined>(EMPTY_ROWS).fill(undefined)].map((p, i) => [
              ...identity(p, i),
              ...days.flatMap((d) => (d.halfDay ? [''] : ['', ''])),
            ]),
            signatures: true,
          },
        ],
      })),
      {
        title: 'Présences enregistrées',
        blocks: [
          table(
            'Présences',
            'Présences enregistrées et jours-personnes',
            [
              column('N°', 'text', 18),
              column(t('sessions.sheet.name')),
              column(t('sessions.sheet.organisation')),
              column(t('sessions.sheet.sex'), 'text', 26),
              column(t('sessions.sheet.position')),
              ...s.days.map((d) => column(`${frenchDate(d.date)}${d.halfDay ? ' (½ j)' : ''}`)),
              column('Jours-personnes', 'decimal'),
            ],
            recorded,
            ['Total', null, null, null, null, ...s.days.map(() => null), sum(recorded, 5 + s.days.length)],
          ),
          {
            type: 'figures',
            items: [
              { label: 'Femmes présentes', value: s.figures.participantsWomen, format: 'integer' },
              { label: 'Hommes présents', value: s.figures.participantsMen, format: 'integer' },
              { label: 'Jours-personnes', value: s.figures.personDays, format: 'decimal' },
              { label: 'Satisfaction moyenne (sur 5)', value: s.figures.satisfaction, format: 'decimal' },
            ],
          },
        ],
      },
    ],
  });
}
