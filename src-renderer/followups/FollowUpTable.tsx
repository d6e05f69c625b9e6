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
      header: t('results.followUps.participant'),
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
            {t(`results.sex.${f.participantSex}`)}
          </Text>
        </>
      ),
    },
    {
      id: 'organisation',
      header: t('results.followUps.organisation'),
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
      header: t('results.followUps.origin'),
      cell: (f) => (
        <>
          <Text size="sm">{f.sessionTitle ?? f.pathwayTitle}</Text>
          <Text size="xs" c="dimmed">
            {f.sessionId ? t('results.followUps.session') : t('results.followUps.pathway')}
          </Text>
        </>
      ),
    },
    {
      id: 'offset',
      header: oneLine(t('results.followUps.offset')),
      nowrap: true,
      cell: (f) => t('results.followUps.offsetValue', { count: f.offsetMonths }),
    },
    {
      id: 'dueOn',
      header: oneLine(t('results.followUps.dueOn')),
      nowrap: true,
      cell: (f) => (
        <Text size="sm" c={f.overdue ? 'red.7' : undefined} fw={f.overdue ? 600 : undefined}>
          {formatDate(f.dueOn)}
        </Text>
      ),
    },
    {
      id: 'trainer',
      header: t('results.followUps.trainer'),
      cell: (f) =>
        f.trainerName ?? (
          <Text size="sm" c="dimmed">
            {t('results.followUps.noTrainer')}
          </Text>
        ),
    },
    {
      id: 'status',
      header: oneLine(t('results.followUps.status')),
      cell: (f) => (
        <Stack gap={2} align="flex-start">
          {f.overdue ? (
            <Badge color="red" variant="light">
              {t('results.followUps.overdueBadge')}
            </Badge>
          ) : (
            <Badge color={statusColor[f.status]} variant="light">
              {t(`results.followUps.statuses.${f.status}`)}
            </Badge>
          )}
          {f.doneOn && (
            <Text size="xs" c="dimmed">
              {t('results.followUps.doneOn', { date: formatDate(f.doneOn) })}
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
      rowKey={(f) => f.id}
      empty={t('results.followUps.none')}
      onRowClick={(f) => navigate(`/suivis/${f.id}`)}
      minWidth={900}
      highlightOnHover
      verticalSpacing="sm"
    />
  );
}
