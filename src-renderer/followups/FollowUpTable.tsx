import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { DataTable, type Column } from '../components/DataTable';
import { formatDate } from '../format';
import { statusColor } from './labels';

/** Follow-ups as rows: who, from which session or pathway, when, by whom, where it stands. */
export function FollowUpTable({ items }: { items: FollowUp[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const oneLine = (text: string) => (
    <Text span inherit style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
  const columns: Column<FollowUp>[] = [
    {
      id: 'participant',
      header: t('followups.participant'),
      cell: (f) => (
        <>
          <Anchor
            component={Link}
            to={`/suivis/${f.id}`}
            fw={600}
            size="sm"
            c="dark"
            style={{ whiteSpace: 'nowrap' }}
          >
            {f.participantName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`indicators.sex.${f.participantSex}`)}
          </Text>
        </>
      ),
    },
    {
      id: 'organisation',
      header: t('followups.organisation'),
      cell: (f) => (
        <>
          <Text size="sm">{f.organisationName}</Text>
          {f.region && (
            <Text size="xs" c="dimmed">
              {f.region}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'origin',
      header: t('followups.origin'),
      cell: (f) => (
        <>
          <Text size="sm">{f.sessionTitle ?? f.pathwayTitle}</Text>
          <Text size="xs" c="dimmed">
            {f.sessionId ? t('followups.session') : t('followups.pathway')}
          </Text>
        </>
      ),
    },
    {
      id: 'offset',
      header: oneLine(t('followups.offset')),
      nowrap: true,
      cell: (f) => t('followups.offsetValue', { count: f.offsetMonths }),
    },
    {
      id: 'dueOn',
      header: oneLine(t('followups.dueOn')),
      nowrap: true,
      cell: (f) => (
        <Text size="sm" c={f.overdue ? 'red' : undefined} fw={f.overdue ? 600 : undefined}>
          {formatDate(f.dueOn)}
        </Text>
      ),
    },
    {
      id: 'trainer',
      header: t('followups.trainer'),
      cell: (f) =>
        f.trainerName ?? (
          <Text size="sm" c="dimmed">
            {t('followups.noTrainer')}
          </Text>
        ),
    },
    {
      id: 'status',
      header: oneLine(t('followups.status')),
      cell: (f) => (
        <Stack gap={2} align="flex-start">
          {f.overdue ? (
            <Badge color="red" variant="light">
              {t('followups.overdueBadge')}
            </Badge>
          ) : (
            <Badge color={statusColor[f.status]} variant="light">
              {t(`followups.statuses.${f.status}`)}
            </Badge>
          )}
          {f.doneOn && (
            <Text size="xs" c="dimmed">
              {t('followups.doneOn', { date: formatDate(f.doneOn) })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  return (
    <DataTable
      label={t('nav.followUps')}
      testId="follow-ups"
      columns={columns}
      rows={items}
      empty={t('followups.none')}
      onRowClick={(f) => navigate(`/suivis/${f.id}`)}
      minWidth={900}
      highlightOnHover
      verticalSpacing="sm"
    />
  );
}
