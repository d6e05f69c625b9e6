import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { formatCount } from './figures';
import { useFilterParams } from './filters';
import { FiltersBar } from './FiltersBar';

const PAGE_SIZE = 25;

/** The organisations behind "organisations accompagnées", with the filters of the figure opened. */
export function AccompaniedOrganisationsPage() {
  const { t } = useTranslation();
  const { params, filters, set } = useFilterParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useCall('indicators.accompaniedOrganisations', { ...filters, page, pageSize: PAGE_SIZE });
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('results.accompanied.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('results.accompanied.subtitle')}
        </Text>
      </div>
      <FiltersBar />
      <QueryState query={list}>
        {(data) => (
          <Paper withBorder p="md">
            <Table.ScrollContainer minWidth={760}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="accompanied-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisation.fields.name')}</Table.Th>
                    <Table.Th>{t('organisation.fields.type')}</Table.Th>
                    <Table.Th>{t('organisation.fields.region')}</Table.Th>
                    <Table.Th ta="right">{t('results.accompanied.people')}</Table.Th>
                    <Table.Th ta="right">{t('results.accompanied.women')}</Table.Th>
                    <Table.Th ta="right">{t('results.trained.personDays')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text c="dimmed" ta="center" py="md">
                          {t('results.accompanied.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/organisations/${o.id}`} fw={600} size="sm">
                          {o.name}
                        </Anchor>
                        {o.acronym && (
                          <Text size="xs" c="dimmed">
                            {o.acronym}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`organisation.type.${o.type}`)}</Table.Td>
                      <Table.Td>{o.region ?? t('common.none')}</Table.Td>
                      <Table.Td ta="right">{formatCount(o.participantsTrained)}</Table.Td>
                      <Table.Td ta="right">{formatCount(o.womenTrained)}</Table.Td>
                      <Table.Td ta="right">{formatCount(o.personDays)}</Table.Td>
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
