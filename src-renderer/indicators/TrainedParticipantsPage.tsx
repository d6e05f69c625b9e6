import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { formatCount } from './figures';
import { useFilterParams } from './filters';
import { FiltersBar } from './FiltersBar';

const PAGE_SIZE = 25;

/** The people behind "personnes formées" and "jours-personnes", with the filters of the figure opened. */
export function TrainedParticipantsPage() {
  const { t } = useTranslation();
  const { params, filters, set } = useFilterParams();
  const sexParam = params.get('sexe');
  const sex = sexParam === 'F' || sexParam === 'M' ? sexParam : undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useCall('indicators.trainedParticipants', { ...filters, sex, page, pageSize: PAGE_SIZE });
  const figures = useCall('indicators.figures', filters);
  const counts = sex === 'F' ? 'women' : sex === 'M' ? 'men' : 'total';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('results.trained.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('results.trained.subtitle')}
          </Text>
        </div>
        {figures.data && (
          <Group gap="lg" data-testid="trained-summary">
            <Summary
              label={t('results.trained.title')}
              value={formatCount(figures.data.participantsTrained[counts])}
            />
            <Summary
              label={t('results.trained.personDays')}
              value={formatCount(figures.data.personDays[counts])}
            />
          </Group>
        )}
      </Group>
      <FiltersBar>
        <SegmentedControl
          aria-label={t('results.filters.sex')}
          value={sex ?? 'all'}
          onChange={(v) => set({ sexe: v === 'all' ? null : v })}
          data={[
            { value: 'all', label: t('results.filters.all') },
            { value: 'F', label: t('common.women') },
            { value: 'M', label: t('common.men') },
          ]}
          mb={2}
        />
      </FiltersBar>
      <QueryState query={list}>
        {(data) => (
          <Paper withBorder p="md">
            <Table.ScrollContainer minWidth={760}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="trained-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('results.trained.name')}</Table.Th>
                    <Table.Th>{t('results.trained.sex')}</Table.Th>
                    <Table.Th>{t('results.trained.organisation')}</Table.Th>
                    <Table.Th>{t('results.trained.region')}</Table.Th>
                    <Table.Th ta="right">{t('results.trained.personDays')}</Table.Th>
                    <Table.Th>{t('results.trained.decisionMaker')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text c="dimmed" ta="center" py="md">
                          {t('results.trained.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td fw={600}>
                        {p.firstName} {p.lastName}
                      </Table.Td>
                      <Table.Td>{t(`results.sex.${p.sex}`)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/organisations/${p.organisationId}`} size="sm">
                          {p.organisationName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.region ?? t('common.none')}</Table.Td>
                      <Table.Td ta="right">{formatCount(p.personDays)}</Table.Td>
                      <Table.Td>
                        {p.decisionMaker && (
                          <Badge variant="light" color="grape">
                            {t('results.trained.decisionMakerBadge')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              total={data.total}
              page={data.page}
              pageSize={data.pageSize}
              onPage={(p) => set({ page: String(p) })}
            />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" ta="right">
        {label}
      </Text>
      <Text fw={700} fz="xl" ta="right">
        {value}
      </Text>
    </div>
  );
}
