import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { formatDate } from '../format';
import type { PathwayRef } from './labels';

/** Who is followed up, after what, when and by whom. */
export function OriginCard({ followUp: f, pathway }: { followUp: FollowUp; pathway: PathwayRef | null }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('results.followUp.origin')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Field label={t('results.followUp.participant')}>
          {f.participantName} ({t(`results.sex.${f.participantSex}`)})
        </Field>
        <Field label={t('results.followUp.organisation')}>
          <Anchor component={Link} to={`/organisations/${f.organisationId}`} size="sm">
            {f.organisationName}
          </Anchor>
        </Field>
        <Field label={t('results.followUp.region')}>{f.region ?? none}</Field>
        {f.sessionId && (
          <Field label={t('results.followUp.session')}>
            <Anchor component={Link} to={`/sessions/${f.sessionId}`} size="sm">
              {f.sessionTitle}
            </Anchor>
          </Field>
        )}
        <Field label={t('results.followUp.pathway')}>
          {pathway ? (
            <Anchor component={Link} to={`/parcours/${pathway.id}`} size="sm">
              {pathway.title}
            </Anchor>
          ) : (
            none
          )}
        </Field>
        <Field label={t('results.followUp.offset')}>
          {t('results.followUps.offsetValue', { count: f.offsetMonths })}
        </Field>
        <Field label={t('results.followUp.dueOn')}>
          <Text span size="sm" c={f.overdue ? 'red.7' : undefined} fw={f.overdue ? 600 : undefined}>
            {formatDate(f.dueOn)}
          </Text>
        </Field>
        <Field label={t('results.followUp.trainer')}>
          {f.trainerName ?? t('results.followUps.noTrainer')}
        </Field>
        {f.reason && f.status !== 'cancelled' && (
          <Field label={t('results.followUp.reason')}>{f.reason}</Field>
        )}
      </SimpleGrid>
    </Card>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}
