import { Badge, Card, Group, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { IndicatorRow, ResultsFramework } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { currentYear } from './filters';
import { HistoryModal } from './HistoryModal';
import { IndicatorModal } from './IndicatorModal';
import { IndicatorTable } from './IndicatorTable';
import { ValueModal } from './ValueModal';
import { PageHeader } from '../components/PageHeader';
import { EmptyLine } from '../components/EmptyState';
import { NewButton } from '../components/NewButton';

/** The years one can look at: a few back, and the next ones for the targets. */
const frameworkYears = () => {
  const now = currentYear();
  return Array.from({ length: 9 }, (_, i) => now + 3 - i);
};

type Editing =
  | { kind: 'value' | 'history' | 'edit'; indicator: IndicatorRow }
  | { kind: 'create'; resultId: string; code: string };

export function ResultsFrameworkPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('annee')) || currentYear();
  const framework = useCall('indicators.resultsFramework', { year });
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = () => setEditing(null);
  return (
    <Stack gap="md">
      <PageHeader title={t('nav.indicators')} subtitle={t('indicators.resultsFramework.subtitle')}>
        <Select
          label={t('indicators.resultsFramework.year')}
          data={frameworkYears().map(String)}
          value={String(year)}
          onChange={(v) => v && setParams({ annee: v }, { replace: true })}
          allowDeselect={false}
          w={120}
        />
      </PageHeader>
      <QueryState query={framework}>
        {(data) => (
          <Stack gap="md">
            {data.results.map((result) => (
              <ResultCard
                key={result.id}
                result={result}
                year={data.year}
                onEdit={(kind, indicator) => setEditing({ kind, indicator })}
                onCreate={() =>
                  setEditing({
                    kind: 'create',
                    resultId: result.id,
                    code: `${result.code}.${result.indicators.length + 1}`,
                  })
                }
              />
            ))}
          </Stack>
        )}
      </QueryState>
      {editing?.kind === 'value' && <ValueModal indicator={editing.indicator} year={year} onClose={close} />}
      {editing?.kind === 'history' && <HistoryModal indicator={editing.indicator} onClose={close} />}
      {editing?.kind === 'edit' && <IndicatorModal indicator={editing.indicator} onClose={close} />}
      {editing?.kind === 'create' && (
        <IndicatorModal resultId={editing.resultId} code={editing.code} onClose={close} />
      )}
    </Stack>
  );
}

function ResultCard({
  result,
  year,
  onEdit,
  onCreate,
}: {
  result: ResultsFramework['results'][number];
  year: number;
  onEdit: (kind: 'value' | 'history' | 'edit', indicator: IndicatorRow) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={`result-${result.code}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Badge size="lg" variant="filled" radius="sm">
            {result.code}
          </Badge>
          <Title order={4} fw={600} style={{ lineHeight: 1.35 }}>
            {result.title}
          </Title>
        </Group>
        <NewButton
          size="xs"
          variant="light"
          onClick={onCreate}
          aria-label={t('indicators.resultsFramework.addIndicatorTo', { code: result.code })}
          style={{ flexShrink: 0 }}
        >
          {t('indicators.resultsFramework.addIndicator')}
        </NewButton>
      </Group>
      {result.indicators.length === 0 ? (
        <EmptyLine>{t('indicators.resultsFramework.noIndicator')}</EmptyLine>
      ) : (
        <IndicatorTable indicators={result.indicators} year={year} onEdit={onEdit} />
      )}
    </Card>
  );
}
