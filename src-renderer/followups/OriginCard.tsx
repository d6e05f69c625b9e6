import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { formatDate } from '../format';
import type { PathwayRef } from './labels';
import { Field } from '../components/Field';
import { TitledCard } from '../components/TitledCard';

/** Who is followed up, after what, when and by whom. */
export function OriginCard({ followUp: f, pathway }: { followUp: FollowUp; pathway: PathwayRef | null }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <TitledCard title={t('followups.followUp.origin')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Field label={t('followups.followUp.participant')}>
          {f.participantName} ({t(`indicators.sex.${f.participantSex}`)})
        </Field>
        <Field label={t('followups.followUp.organisation')}>
          <Anchor component={Link} to={`/organisations/${f.organisationId}`} size="sm">
            {f.organisationName}
          </Anchor>
        </Field>
        <Field label={t('followups.followUp.region')}>{f.region ?? none}</Field>
        {f.sessionId && (
          <Field label={t('followups.followUp.session')}>
            <Anchor component={Link} to={`/sessions/${f.sessionId}`} size="sm">
              {f.sessionTitle}
            </Anchor>
          </Field>
        )}
        <Field label={t('followups.followUp.pathway')}>
          {pathway ? (
            <Anchor component={Link} to={`/parcours/${pathway.id}`} size="sm">
              {pathway.title}
            </Anchor>
          ) : (
            none
          )}
        </Field>
        <Field label={t('followups.followUp.offset')}>
          {t('followups.offsetValue', { count: f.offsetMonths })}
        </Field>
        <Field label={t('followups.followUp.dueOn')}>
          <Text span size="sm" c={f.overdue ? 'red' : undefined} fw={f.overdue ? 600 : undefined}>
            {formatDate(f.dueOn)}
          </Text>
        </Field>
        <Field label={t('followups.followUp.trainer')}>{f.trainerName ?? t('followups.noTrainer')}</Field>
        {f.reason && f.status !== 'cancelled' && (
          <Field label={t('followups.followUp.reason')}>{f.reason}</Field>
        )}
      </SimpleGrid>
    </TitledCard>
  );
}
