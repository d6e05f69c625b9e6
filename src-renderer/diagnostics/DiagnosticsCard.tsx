import { Anchor, Badge, Button, Card, Divider, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DiagnosticSummary } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { ComparisonPanel } from './ComparisonPanel';
import { formatScore, statusColor } from './format';

/** The organisation's diagnostics, and how its capacities changed since the baseline. */
export function DiagnosticsCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const list = useCall('diagnostics.listForOrganisation', { organisationId });
  return (
    <Card withBorder data-testid="diagnostics-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('diagnostics.title')}</Title>
        <Button
          size="xs"
          component={Link}
          to={`/organisations/${organisationId}/diagnostics/nouveau`}
          leftSection={<IconPlus size={14} />}
        >
          {t('diagnostics.new')}
        </Button>
      </Group>
      <QueryState query={list}>
        {(diagnostics) =>
          diagnostics.length === 0 ? (
            <>
              <Text size="sm" c="dimmed">
                {t('diagnostics.none')}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('diagnostics.noneHint')}
              </Text>
            </>
          ) : (
            <>
              <DiagnosticsTable diagnostics={diagnostics} />
              {diagnostics.some((d) => d.status === 'completed') && (
                <>
                  <Divider my="md" />
                  <ComparisonPanel organisationId={organisationId} />
                </>
              )}
            </>
          )
        }
      </QueryState>
    </Card>
  );
}

function DiagnosticsTable({ diagnostics }: { diagnostics: DiagnosticSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="diagnostics-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('diagnostics.columns.date')}</Table.Th>
            <Table.Th>{t('diagnostics.columns.method')}</Table.Th>
            <Table.Th>{t('diagnostics.columns.level')}</Table.Th>
            <Table.Th>{t('diagnostics.columns.status')}</Table.Th>
            <Table.Th ta="right">{t('diagnostics.columns.index')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diagnostics.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component={Link}
                  to={`/diagnostics/${d.id}`}
                  fw={600}
                  size="sm"
                  aria-label={t('diagnostics.open', { date: formatDate(d.conductedOn) })}
                >
                  {formatDate(d.conductedOn)}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`diagnostics.method.${d.method}`)}</Table.Td>
              <Table.Td>{t(`diagnostics.level.${d.level}`)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Badge color={statusColor[d.status]} variant="light">
                    {t(`diagnostics.status.${d.status}`)}
                  </Badge>
                  {d.isBaseline && (
                    <Badge color="indigo" variant="outline">
                      {t('diagnostics.baseline')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>
                {d.index === null ? t('common.none') : formatScore(d.index, d.scaleMax)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
