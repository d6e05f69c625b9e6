import { Alert, Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconCalendarTime, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { CancelModal } from './CancelModal';
import { statusColor, type PathwayRef } from './labels';
import { OriginCard } from './OriginCard';
import { RecordForm } from './RecordForm';
import { Report } from './Report';
import { RescheduleModal } from './RescheduleModal';

export function FollowUpPage() {
  const { id = '' } = useParams();
  const followUp = useCall('followUps.get', { id });
  return <QueryState query={followUp}>{(f) => <FollowUpView followUp={f} />}</QueryState>;
}

/** The pathway a follow-up belongs to: its own, or the one of its session's action. */
function usePathwayOf(f: FollowUp): { pathway: PathwayRef | null; loading: boolean } {
  const session = useCall(
    'sessions.get',
    { id: f.sessionId ?? '' },
    { enabled: Boolean(f.sessionId), keepPrevious: false },
  );
  if (f.pathwayId) return { pathway: { id: f.pathwayId, title: f.pathwayTitle ?? '' }, loading: false };
  const p = session.data?.pathway;
  return {
    pathway: p ? { id: p.id, title: p.title } : null,
    loading: session.isPending && Boolean(f.sessionId),
  };
}

function FollowUpView({ followUp: f }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const [rescheduling, reschedule] = useDisclosure();
  const [cancelling, cancel] = useDisclosure();
  const { pathway, loading } = usePathwayOf(f);
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/suivis" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('followups.followUp.back')}
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-end" mt={4}>
          <Group gap="sm">
            <Title order={2}>{t('followups.followUp.title', { name: f.participantName })}</Title>
            {f.overdue ? (
              <Badge color="red" variant="light" size="lg">
                {t('followups.overdueBadge')}
              </Badge>
            ) : (
              <Badge color={statusColor[f.status]} variant="light" size="lg" data-testid="follow-up-status">
                {t(`followups.statuses.${f.status}`)}
              </Badge>
            )}
          </Group>
          {f.status === 'scheduled' && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconCalendarTime size={16} />}
                onClick={reschedule.open}
              >
                {t('followups.followUp.reschedule')}
              </Button>
              <Button variant="light" color="red" leftSection={<IconX size={16} />} onClick={cancel.open}>
                {t('followups.followUp.cancel')}
              </Button>
            </Group>
          )}
        </Group>
      </div>
      <OriginCard followUp={f} pathway={pathway} />
      {f.status === 'cancelled' && (
        <Alert color="gray" title={t('followups.followUp.cancelledAlert')}>
          {t('common.labelValue', {
            label: t('followups.followUp.reason'),
            value: f.reason ?? t('common.none'),
          })}
        </Alert>
      )}
      {f.status === 'scheduled' && !loading && <RecordForm followUp={f} pathway={pathway} />}
      {f.status === 'done' && <Report followUp={f} pathway={pathway} />}
      {rescheduling && <RescheduleModal followUp={f} onClose={reschedule.close} />}
      {cancelling && <CancelModal followUp={f} onClose={cancel.close} />}
    </Stack>
  );
}
