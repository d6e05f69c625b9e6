import { Button, Group } from '@mantine/core';
import { IconChevronLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Round } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate, formatNumber } from '../format';
import './minutes.css';

/** The minutes (procès-verbal) of a round, print-ready, from the same figures as the round's page. */
export function MinutesPage() {
  const { id = '' } = useParams();
  const query = useCall('rounds.get', { id });
  return <QueryState query={query}>{(round) => <Minutes round={round} />}</QueryState>;
}

function Minutes({ round }: { round: Round }) {
  const { t } = useTranslation();
  const set = round.criteriaSet;
  const present = round.members.filter((m) => m.present);
  const absent = round.members.filter((m) => !m.present);
  const member = (m: Round['members'][number]) =>
    `${m.name} — ${t(`selection.members.roles.${m.role}`)}${m.institution ? ` (${m.institution})` : ''}`;
  const memberName = (id: string) => round.members.find((m) => m.id === id)?.name ?? '';
  const conflicts = round.candidates.flatMap((c) =>
    c.conflicts.map((x) => ({
      key: `${c.id}-${x.memberId}`,
      member: memberName(x.memberId),
      candidate: c.organisationName,
      reason: x.reason,
    })),
  );
  const none = t('common.none');

  return (
    <div className="minutes">
      <Group className="no-print" justify="space-between" mb="md">
        <Button
          component={Link}
          to={`/selection/comites/${round.id}`}
          variant="default"
          leftSection={<IconChevronLeft size={16} />}
        >
          {t('selection.minutes.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('selection.minutes.print')}
        </Button>
      </Group>

      <p style={{ margin: 0 }}>{t('app.programme')}</p>
      <h1 style={{ fontSize: 22, margin: '8px 0' }}>{t('selection.minutes.title')}</h1>
      <h2 style={{ fontSize: 17, margin: '0 0 4px' }}>{round.title}</h2>
      <p>
        {t('selection.minutes.meeting', { date: formatDate(round.meetingOn) })}
        {round.place ? ` ${t('selection.minutes.at', { place: round.place })}` : ''}.{' '}
        {t('selection.minutes.quorum', { quorum: round.quorum, present: round.presentScoringMembers })}
      </p>

      <h3>{t('selection.minutes.membersPresent')}</h3>
      <ul>
        {present.map((m) => (
          <li key={m.id}>{member(m)}</li>
        ))}
      </ul>
      {absent.length > 0 && (
        <>
          <h3>{t('selection.minutes.membersAbsent')}</h3>
          <ul>
            {absent.map((m) => (
              <li key={m.id}>{member(m)}</li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('selection.minutes.criteria', { name: set.name, version: set.version })}</h3>
      {set.validatedOn && (
        <p>
          {t('selection.minutes.criteriaValidated', {
            date: formatDate(set.validatedOn),
            reference: set.validationReference,
          })}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('selection.sets.criterion')}</th>
            <th className="number">{t('selection.sets.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {set.criteria.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td className="number">{c.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('selection.minutes.scores')}</h3>
      <table data-testid="minutes-scores">
        <thead>
          <tr>
            <th>{t('selection.results.rank')}</th>
            <th>{t('selection.results.candidate')}</th>
            {set.criteria.map((c) => (
              <th key={c.id} className="number">
                {c.name} (/{set.scoreMax})
              </th>
            ))}
            <th className="number">{t('selection.results.total')}</th>
          </tr>
        </thead>
        <tbody>
          {round.candidates.map((c) => (
            <tr key={c.id}>
              <td>
                {c.rank ?? none}
                {c.tied ? ` (${t('selection.results.tie')})` : ''}
              </td>
              <td>{c.organisationName}</td>
              {c.criteria.map((x) => (
                <td key={x.criterionId} className="number">
                  {x.mean === null ? none : formatNumber(x.mean, 2)}
                </td>
              ))}
              <td className="number">
                <strong>{c.total === null ? none : formatNumber(c.total, 2)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('selection.minutes.decisions')}</h3>
      <table data-testid="minutes-decisions">
        <thead>
          <tr>
            <th>{t('selection.results.candidate')}</th>
            <th>{t('selection.results.decision')}</th>
            <th>{t('selection.results.justification')}</th>
          </tr>
        </thead>
        <tbody>
          {round.candidates.map((c) => (
            <tr key={c.id}>
              <td>{c.organisationName}</td>
              <td>
                {c.decision ? t(`selection.results.decisions.${c.decision}`) : t('selection.results.pending')}
              </td>
              <td>{c.justification ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('selection.minutes.conflicts')}</h3>
      {conflicts.length === 0 ? (
        <p>{t('selection.minutes.noConflict')}</p>
      ) : (
        <ul>
          {conflicts.map((c) => (
            <li key={c.key}>
              {t('selection.minutes.conflictLine', { member: c.member, candidate: c.candidate })}
              {c.reason ? ` — ${c.reason}` : ''}
            </li>
          ))}
        </ul>
      )}

      <p>
        {round.consensus === null
          ? t('selection.minutes.consensusPending')
          : round.consensus
            ? t('selection.minutes.consensusYes')
            : t('selection.minutes.consensusNo')}
      </p>
      <p>
        {round.steeringValidatedOn
          ? t('selection.minutes.steering', {
              date: formatDate(round.steeringValidatedOn),
              reference: round.steeringReference ?? none,
            })
          : t('selection.minutes.steeringPending')}
      </p>

      <h3>{t('selection.minutes.signatures')}</h3>
      <div className="signatures">
        <div>{t('selection.minutes.chair')}</div>
        <div>{t('selection.minutes.rapporteur')}</div>
      </div>
    </div>
  );
}
