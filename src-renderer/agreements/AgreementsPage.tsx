import {
  Badge,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementSortKeys, agreementStatuses, type ListAgreementsInput } from '../../src-main/contract';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { SortHeader, type Sort } from '../components/SortHeader';
import { formatDate, formatEur, formatFcfa } from '../format';

type SortKey = (typeof agreementSortKeys)[number];

/** All agreements of the programme, with totals computed for the current filter. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { params, update } = useSearchState();
  const searchText = params.get('q') ?? '';
  const [search] = useDebouncedValue(searchText, 250);
  const sortParam = params.get('tri');
  const sort: Sort<SortKey> = {
    sort: agreementSortKeys.includes(sortParam as SortKey) ? (sortParam as SortKey) : 'signedOn',
    direction: params.get('ordre') === 'asc' ? 'asc' : 'desc',
  };
  const statusParam = params.get('statut');
  const input: ListAgreementsInput = {
    search,
    status: agreementStatuses.find((s) => s === statusParam),
    sort: sort.sort,
    direction: sort.direction,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: 25,
  };
  const list = useCall('agreements.list', input);
  const onSort = (s: Sort<SortKey>) => update({ tri: s.sort, ordre: s.direction });

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('agreement.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('agreement.listSubtitle')}
        </Text>
      </div>
      <Paper p="md" withBorder>
        <Group align="flex-end">
          <TextInput
            label={t('common.search')}
            placeholder={t('agreement.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={searchText}
            onChange={(e) => update({ q: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Select
            label={t('agreement.fields.status')}
            placeholder={t('common.all')}
            clearable
            data={agreementStatuses.map((v) => ({ value: v, label: t(`agreement.status.${v}`) }))}
            value={input.status ?? null}
            onChange={(v) => update({ statut: v })}
            w={180}
          />
        </Group>
      </Paper>
      <QueryState query={list}>
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Card withBorder>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('agreement.totals')}
                </Text>
                <Text size="xl" fw={700}>
                  {t('agreement.count', { count: data.totals.count })}
                </Text>
              </Card>
              <Card withBorder>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('agreement.totalAmount')}
                </Text>
                <Text size="xl" fw={700} data-testid="all-agreements-total">
                  {formatFcfa(data.totals.amountFcfa)}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatEur(data.totals.amountEur)}
                </Text>
              </Card>
              <Card withBorder>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('agreement.activeAmount')}
                </Text>
                <Text size="xl" fw={700}>
                  {formatFcfa(data.totals.activeAmountFcfa)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('agreement.count', { count: data.totals.activeCount })} · {t('agreement.activeHint')}
                </Text>
                {data.totals.expiredCount > 0 && (
                  <Text size="sm" c="orange.9" data-testid="expired-agreements">
                    {t('agreement.expiredValue', {
                      count: data.totals.expiredCount,
                      value: formatFcfa(data.totals.expiredAmountFcfa),
                    })}
                  </Text>
                )}
              </Card>
            </SimpleGrid>
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={820}>
                <Table highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <SortHeader column="number" current={sort} onSort={onSort}>
                        {t('agreement.fields.number')}
                      </SortHeader>
                      <SortHeader column="organisation" current={sort} onSort={onSort}>
                        {t('agreement.fields.organisation')}
                      </SortHeader>
                      <SortHeader column="signedOn" current={sort} onSort={onSort}>
                        {t('agreement.fields.signedOn')}
                      </SortHeader>
                      <Table.Th>{t('agreement.fields.endOn')}</Table.Th>
                      <SortHeader column="amountFcfa" current={sort} onSort={onSort} align="right">
                        {t('agreement.fields.amountFcfa')}
                      </SortHeader>
                      <SortHeader column="status" current={sort} onSort={onSort}>
                        {t('agreement.fields.status')}
                      </SortHeader>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <Text c="dimmed" ta="center" py="md">
                            {search || input.status ? t('agreement.noMatch') : t('agreement.emptyList')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {data.items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td fw={600}>{a.number}</Table.Td>
                        <Table.Td>
                          <Text
                            component={Link}
                            to={`/organisations/${a.organisationId}`}
                            size="sm"
                            c="teal.8"
                          >
                            {a.organisationAcronym ?? a.organisationName}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDate(a.signedOn)}</Table.Td>
                        <Table.Td>{formatDate(a.endOn)}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {formatFcfa(a.amountFcfa)}
                          <Text size="xs" c="dimmed">
                            {formatEur(a.amountEur)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AgreementStatusBadge agreement={a} />
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
                onPage={(p) => update({ page: String(p) })}
              />
            </Paper>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
