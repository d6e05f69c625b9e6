import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { formatDate } from '../format';
import { statusColor } from './labels';

/** Follow-ups as rows: who, from which session or pathway, when, by whom, where it stands. */
export function FollowUpTable({ items }: { items: FollowUp[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="follow-ups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('results.followUps.participant')}</Table.Th>
            <Table.Th>{t('results.followUps.organisation')}</Table.Th>
            <Table.Th>{t('results.followUps.origin')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('results.followUps.offset')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('results.followUps.dueOn')}</Table.Th>
            <Table.Th>{t('results.followUps.trainer')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('results.followUps.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed" ta="center" py="md">
                  {t('results.followUps.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((f) => (
            <Table.Tr key={f.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/suivis/${f.id}`)}>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.organisationName}</Text>
                {f.region && (
                  <Text size="xs" c="dimmed">
                    {f.region}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.sessionTitle ?? f.pathwayTitle}</Text>
                <Text size="xs" c="dimmed">
                  {f.sessionId ? t('results.followUps.session') : t('results.followUps.pathway')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('results.followUps.offsetValue', { count: f.offsetMonths })}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={f.overdue ? 'red.7' : undefined} fw={f.overdue ? 600 : undefined}>
                  {formatDate(f.dueOn)}
                </Text>
              </Table.Td>
              <Table.Td>
                {f.trainerName ?? (
                  <Text size="sm" c="dimmed">
                    {t('results.followUps.noTrainer')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
