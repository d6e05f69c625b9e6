import { Anchor, Badge, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCall } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { formatDate, formatNumber } from '../format';
import { phaseColor } from './labels';

const PAGE_SIZE = 25;

/** Every session, the latest first. */
export function SessionList({
  search: searchText,
  page,
  onSearch,
  onPage,
}: {
  search: string;
  page: number;
  onSearch: (search: string) => void;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useDebouncedValue(searchText, 250);
  const list = useCall('sessions.list', { search, page, pageSize: PAGE_SIZE });
  const none = t('common.none');
  return (
    <Paper withBorder p="md">
      <TextInput
        label={t('common.search')}
        placeholder={t('sessions.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={searchText}
        onChange={(e) => onSearch(e.currentTarget.value)}
        maw={420}
        mb="md"
      />
      <QueryState query={list}>
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="sessions-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sessions.fields.title')}</Table.Th>
                    <Table.Th>{t('sessions.fields.organisation')}</Table.Th>
                    <Table.Th>{t('sessions.fields.dates')}</Table.Th>
                    <Table.Th ta="right">{t('sessions.fields.days')}</Table.Th>
                    <Table.Th ta="right">{t('sessions.fields.participants')}</Table.Th>
                    <Table.Th>{t('sessions.fields.place')}</Table.Th>
                    <Table.Th>{t('sessions.fields.phase')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text c="dimmed" ta="center" py="md">
                          {search ? t('sessions.list.noMatch') : t('sessions.list.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.items.map((s) => (
                    <Table.Tr
                      key={s.id}
                      style={{ cursor: 'pointer' }}
                      onClick={() => navigate(`/sessions/${s.id}`)}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/sessions/${s.id}`} fw={600} size="sm" c="dark">
                          {s.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {s.organisationName ?? (
                          <Text size="sm" c="dimmed">
                            {t('sessions.list.standalone')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {!s.firstDay
                          ? none
                          : s.firstDay === s.lastDay
                            ? formatDate(s.firstDay)
                            : t('sessions.list.range', {
                                from: formatDate(s.firstDay),
                                to: formatDate(s.lastDay),
                              })}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(s.daysCount)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(s.participantsCount)}</Table.Td>
                      <Table.Td>{[s.venue, s.region].filter(Boolean).join(', ') || none}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={phaseColor[s.phase]}>
                          {t(`sessions.phase.${s.phase}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter total={data.total} page={data.page} pageSize={data.pageSize} onPage={onPage} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}
