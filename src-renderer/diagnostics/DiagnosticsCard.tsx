import { Anchor, Badge, Divider, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DiagnosticSummary } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { formatDate, formatScore } from '../format';
import { ComparisonPanel } from './ComparisonPanel';
import { statusColor } from './labels';
import { TitledCard } from '../components/TitledCard';
import { NewButton } from '../components/NewButton';

/** The organisation's diagnostics, and how its capacities changed since the baseline. */
export function DiagnosticsCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const list = useCall('diagnostics.listForOrganisation', { organisationId });
  return (
    <TitledCard
      data-testid="diagnostics-card"
      title={t('diagnostics.title')}
      aside={
        <NewButton size="xs" to={`/organisations/${organisationId}/diagnostics/nouveau`}>
          {t('diagnostics.new')}
        </NewButton>
      }
    >
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
    </TitledCard>
  );
}

function DiagnosticsTable({ diagnostics }: { diagnostics: DiagnosticSummary[] }) {
  const { t } = useTranslation();
  const columns: Column<DiagnosticSummary>[] = [
    {
      id: 'date',
      header: t('diagnostics.columns.date'),
      nowrap: true,
      cell: (d) => (
        <Anchor
          component={Link}
          to={`/diagnostics/${d.id}`}
          fw={600}
          size="sm"
          aria-label={t('diagnostics.open', { date: formatDate(d.conductedOn) })}
        >
          {formatDate(d.conductedOn)}
        </Anchor>
      ),
    },
    {
      id: 'method',
      header: t('diagnostics.columns.method'),
      cell: (d) => t(`diagnostics.method.${d.method}`),
    },
    { id: 'level', header: t('diagnostics.columns.level'), cell: (d) => t(`diagnostics.level.${d.level}`) },
    {
      id: 'status',
      header: t('diagnostics.columns.status'),
      cell: (d) => (
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
      ),
    },
    {
      id: 'index',
      header: t('diagnostics.columns.index'),
      align: 'right',
      nowrap: true,
      cell: (d) => (
        <Text span inherit fw={600}>
          {d.index === null ? t('common.none') : formatScore(d.index, d.scaleMax)}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      label={t('diagnostics.title')}
      testId="diagnostics-table"
      columns={columns}
      rows={diagnostics}
      minWidth={560}
      verticalSpacing="xs"
    />
  );
}
