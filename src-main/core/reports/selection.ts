import type { Cell, Report, Round } from '../../contract';
import type { Context } from '../context';
import { getRound } from '../selection/rounds';
import { frenchDate } from '../../contract/reportFormat';
import { baseReport, column, slug, table, type RequestOf } from './build';
import { t } from './texts';

const member = (m: Round['members'][number]) =>
  `${m.name} — ${t(`selection.members.roles.${m.role}`)}${m.institution ? ` (${m.institution})` : ''}`;

const decision = (c: Round['candidates'][number]) =>
  c.decision ? t(`selection.results.decisions.${c.decision}`) : t('selection.results.pending');

function criteriaTable(round: Round) {
  const set = round.criteriaSet;
  return table(
    'Critères',
    `Grille « ${set.name} », version ${set.version} (notes de 0 à ${set.scoreMax})`,
    [column('Critère'), column('Description'), column('Poids', 'integer')],
    set.criteria.map((c) => [c.name, c.description, c.weight]),
    ['Total', null, set.criteria.reduce((s, c) => s + c.weight, 0)],
  );
}

function rankingTable(round: Round) {
  const set = round.criteriaSet;
  return table(
    'Classement',
    'Classement des candidatures (moyennes des membres votants, total pondéré sur 100)',
    [
      column('Rang', 'text', 48),
      column('Organisation'),
      ...set.criteria.map((c) => column(`${c.name} (/${set.scoreMax})`, 'decimal')),
      column('Total /100', 'decimal'),
      column('Décision', 'text', 70),
    ],
    round.candidates.map((c) => [
      c.rank === null ? null : `${c.rank}${c.tied ? ' ex æquo' : ''}`,
      c.organisationName,
      ...c.criteria.map((x) => x.mean),
      c.total,
      decision(c),
    ]),
  );
}

function decisionsTable(round: Round) {
  return table(
    'Décisions',
    'Décisions et justifications',
    [column('Organisation'), column('Décision', 'text', 80), column('Justification')],
    round.candidates.map((c) => [c.organisationName, decision(c), c.justification]),
  );
}

function conflictLines(round: Round): string[] {
  const name = (id: string) => round.members.find((m) => m.id === id)?.name ?? '';
  return round.candidates.flatMap((c) =>
    c.conflicts.map(
      (x) => `${name(x.memberId)} pour ${c.organisationName}${x.reason ? ` : ${x.reason}` : ''}`,
    ),
  );
}

function conclusion(round: Round): string {
  const consensus =
    round.consensus === null
      ? t('selection.minutes.consensusPending')
      : round.consensus
        ? t('selection.minutes.consensusYes')
        : t('selection.minutes.consensusNo');
  const steering = round.steeringValidatedOn
    ? t('selection.minutes.steering', {
        date: frenchDate(round.steeringValidatedOn),
        reference: round.steeringReference ?? '—',
      })
    : t('selection.minutes.steeringPending');
  return `${consensus} ${steering}`;
}

const meeting = (round: Round) =>
  `${t('selection.minutes.meeting', { date: frenchDate(round.meetingOn) })}${round.place ? ` ${t('selection.minutes.at', { place: round.place })}` : ''}`;

/** The selection file: candidates, scores by criterion and by member, ranking, decisions. */
export function selectionFileReport(ctx: Context, { roundId }: RequestOf<'selection'>): Report {
  const round = getRound(ctx, roundId);
  const set = round.criteriaSet;
  const scorers = round.members.filter((m) => m.scores);
  const detail: Cell[][] = round.candidates.flatMap((c) =>
    scorers.map((m) => {
      const conflict = c.conflicts.some((x) => x.memberId === m.id);
      return [
        c.organisationName,
        m.name,
        ...c.criteria.map((x) =>
          conflict ? null : (x.scores.find((s) => s.memberId === m.id)?.score ?? null),
        ),
        conflict ? 'Conflit d’intérêts : ne note pas' : null,
      ];
    }),
  );
  return baseReport(ctx, {
    kind: 'selection',
    fileName: `dossier-selection-${slug(round.title)}-${round.meetingOn}`,
    title: t('reports.kinds.selection'),
    subtitle: `${round.title} — ${meeting(round)}`,
    landscape: true,
    sections: [
      {
        title: 'Le comité et sa grille',
        blocks: [
          {
            type: 'figures',
            items: [
              { label: 'Candidatures', value: round.candidates.length, format: 'integer' },
              { label: 'Membres votants présents', value: round.presentScoringMembers, format: 'integer' },
              { label: 'Quorum requis', value: round.quorum, format: 'integer' },
              {
                label: 'Organisations sélectionnées',
                value: round.candidates.filter((c) => c.decision === 'selected').length,
                format: 'integer',
              },
            ],
          },
          table(
            'Membres',
            'Membres du comité',
            [column('Nom'), column('Rôle'), column('Institution'), column('Présent'), column('Vote')],
            round.members.map((m) => [
              m.name,
              t(`selection.members.roles.${m.role}`),
              m.institution,
              m.present ? 'Oui' : 'Non',
              m.scores ? 'Oui' : 'Non',
            ]),
          ),
          criteriaTable(round),
        ],
      },
      { title: 'Classement et décisions', blocks: [rankingTable(round), decisionsTable(round)] },
      {
        title: 'Notes de chaque membre',
        blocks: [
          table(
            'Notes par membre',
            'Notes par candidature, membre et critère',
            [
              column('Organisation'),
              column('Membre'),
              ...set.criteria.map((c) => column(c.name, 'integer')),
              column('Remarque'),
            ],
            detail,
          ),
        ],
      },
    ],
  });
}

/** The minutes of the round, as the committee signs them. */
export function minutesReport(ctx: Context, { roundId }: RequestOf<'minutes'>): Report {
  const round = getRound(ctx, roundId);
  const present = round.members.filter((m) => m.present);
  const absent = round.members.filter((m) => !m.present);
  const conflicts = conflictLines(round);
  return baseReport(ctx, {
    kind: 'minutes',
    fileName: `proces-verbal-${slug(round.title)}-${round.meetingOn}`,
    title: t('selection.minutes.title'),
    subtitle: `${round.title} — ${meeting(round)}`,
    cover: false,
    sections: [
      {
        title: 'Séance',
        blocks: [
          {
            type: 'text',
            text: `${meeting(round)}. ${t('selection.minutes.quorum', { quorum: round.quorum, present: round.presentScoringMembers })}`,
          },
          {
            type: 'text',
            text: `${t('selection.minutes.membersPresent')} : ${present.map(member).join(' ; ') || '—'}.`,
          },
          ...(absent.length
            ? [
                {
                  type: 'text' as const,
                  text: `${t('selection.minutes.membersAbsent')} : ${absent.map(member).join(' ; ')}.`,
                },
              ]
            : []),
          criteriaTable(round),
        ],
      },
      { title: 'Notes et classement', blocks: [rankingTable(round)] },
      {
        title: t('selection.minutes.decisions'),
        blocks: [
          decisionsTable(round),
          {
            type: 'text',
            text: `${t('selection.minutes.conflicts')} : ${conflicts.length ? conflicts.join(' ; ') : t('selection.minutes.noConflict')}`,
          },
          { type: 'text', text: conclusion(round) },
        ],
      },
      {
        title: t('selection.minutes.signatures'),
        blocks: [
          {
            type: 'table',
            sheet: 'Signatures',
            title: '',
            columns: [column(t('selection.minutes.chair')), column(t('selection.minutes.rapporteur'))],
            rows: [['', '']],
            signatures: true,
          },
        ],
      },
    ],
  });
}
