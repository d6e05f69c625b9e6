import { Anchor, Badge, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCall, type ItemOf } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { ListToolbar } from '../components/ListToolbar';
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
  const columns: Column<ItemOf<'sessions.list'>>[] = [
    {
      id: 'title',
      header: t('sessions.fields.title'),
      cell: (s) => (
        <Anchor component={Link} to={`/sessions/${s.id}`} fw={600} size="sm" c="dark">
          {s.title}
        </Anchor>
      ),
    },
    {
      id: 'organisation',
      header: t('sessions.fields.organisation'),
      cell: (s) =>
        s.organisationName ?? (
          <Text size="sm" c="dimmed">
            {t('sessions.list.standalone')}
          </Text>
        ),
    },
    {
      id: 'dates',
      header: t('sessions.fields.dates'),
      cell: (s) =>
        !s.firstDay
          ? none
          : s.firstDay === s.lastDay
            ? formatDate(s.firstDay)
            : t('sessions.list.range', { from: formatDate(s.firstDay), to: formatDate(s.lastDay) }),
    },
    { id: 'days', header: t('sessions.fields.days'), align: 'right', cell: (s) => formatNumber(s.daysCount) },
    {
      id: 'participants',
      header: t('sessions.fields.participants'),
      align: 'right',
      cell: (s) => formatNumber(s.participantsCount),
    },
    {
      id: 'place',
      header: t('sessions.fields.place'),
      cell: (s) => [s.venue, s.region].filter(Boolean).join(', ') || none,
    },
    {
      id: 'phase',
      header: t('sessions.fields.phase'),
      cell: (s) => (
        <Badge variant="light" color={phaseColor[s.phase]}>
          {t(`sessions.phase.${s.phase}`)}
        </Badge>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <ListToolbar
        search={{ value: searchText, placeholder: t('sessions.list.searchPlaceholder'), onChange: onSearch }}
      />
      <QueryState query={list}>
        {(data) => (
          <Paper withBorder p="md">
            <DataTable
              label={t('sessions.title')}
              testId="sessions-table"
              columns={columns}
              list={data}
              empty={search ? t('sessions.list.noMatch') : t('sessions.list.empty')}
              onRowClick={(s) => navigate(`/sessions/${s.id}`)}
              onPage={onPage}
              minWidth={900}
              highlightOnHover
              verticalSpacing="sm"
            />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
