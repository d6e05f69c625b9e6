import { Badge, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes, type ListParticipantsInput, type Participant } from '../../src-main/contract';
import { oneOf, useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { buttonColumn, DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { type Sort } from '../components/SortHeader';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { ParticipantModal } from './ParticipantModal';
import { fullName } from './labels';
import { PageHeader } from '../components/PageHeader';
import { FilterSelect, ListToolbar } from '../components/ListToolbar';
import { EmptyState } from '../components/EmptyState';
import { optionsOf } from '../components/options';
import { NewButton } from '../components/NewButton';

type SortKey = 'name' | 'organisation' | 'createdAt';
const sortKeys: SortKey[] = ['name', 'organisation', 'createdAt'];
const PAGE_SIZE = 25;

export function ParticipantsPage() {
  const { t } = useTranslation();
  // Filters live in the address, so going back to the list finds it as it was left.
  const { params, update, clear, setPage } = useSearchState();
  const searchText = params.get('q') ?? '';
  const [search] = useDebouncedValue(searchText, 250);
  const sort: Sort<SortKey> = {
    sort: oneOf(sortKeys, params.get('tri')) ?? 'name',
    direction: params.get('ordre') === 'desc' ? 'desc' : 'asc',
  };
  const input: ListParticipantsInput = {
    search,
    organisationId: params.get('organisation') ?? undefined,
    sex: oneOf(sexes, params.get('sexe')),
    sort: sort.sort,
    direction: sort.direction,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
  };
  const list = useCall('participants.list', input);
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);

  const onSort = (s: Sort<SortKey>) => update({ tri: s.sort, ordre: s.direction });
  const filtered = Boolean(search || input.organisationId || input.sex);
  const none = t('common.none');
  const columns: Column<Participant, SortKey>[] = [
    {
      id: 'name',
      header: t('participants.fields.name'),
      sort: 'name',
      cell: (p) => (
        <Text fw={600} size="sm">
          {p.lastName.toLocaleUpperCase()} {p.firstName}
        </Text>
      ),
    },
    {
      id: 'organisation',
      header: t('participants.fields.organisation'),
      sort: 'organisation',
      cell: (p) => (
        <>
          <Text size="sm">{p.organisationAcronym ?? p.organisationName}</Text>
          {p.organisationAcronym && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {p.organisationName}
            </Text>
          )}
        </>
      ),
    },
    { id: 'sex', header: t('participants.fields.sex'), cell: (p) => t(`participants.sex.${p.sex}`) },
    {
      id: 'ageBand',
      header: t('participants.fields.ageBand'),
      nowrap: true,
      cell: (p) => (p.ageBand ? t(`participants.ageBand.${p.ageBand}`) : none),
    },
    { id: 'position', header: t('participants.fields.position'), cell: (p) => p.position ?? none },
    {
      id: 'decisionMaker',
      header: t('participants.fields.decisionMakerShort'),
      cell: (p) =>
        p.decisionMaker ? (
          <Badge size="sm" variant="light" color="indigo">
            {t('participants.yes')}
          </Badge>
        ) : (
          none
        ),
    },
    {
      id: 'phone',
      header: t('participants.fields.phone'),
      nowrap: true,
      cell: (p) => p.phone ?? none,
    },
    buttonColumn({
      id: 'edit',
      label: (p) => t('participants.editOne', { name: fullName(p) }),
      icon: IconEdit,
      color: 'gray',
      onClick: setEditing,
    }),
  ];
  const newButton = <NewButton onClick={() => setEditing('new')}>{t('participants.new')}</NewButton>;

  return (
    <Stack gap="md">
      <PageHeader title={t('participants.title')} subtitle={t('participants.subtitle')}>
        {newButton}
      </PageHeader>

      <ListToolbar
        search={{
          value: searchText,
          placeholder: t('participants.searchPlaceholder'),
          onChange: (q) => update({ q }),
        }}
        filtered={filtered}
        onClear={clear}
      >
        <OrganisationSelect
          label={t('participants.fields.organisation')}
          placeholder={t('common.all')}
          clearable
          value={input.organisationId ?? null}
          onChange={(v) => update({ organisation: v })}
          style={{ flex: 2, minWidth: 240 }}
        />
        <FilterSelect
          label={t('participants.fields.sex')}
          data={optionsOf(sexes, (v) => t(`participants.sex.${v}`))}
          value={input.sex ?? null}
          onChange={(v) => update({ sexe: v })}
          w={140}
        />
      </ListToolbar>

      <QueryState query={list}>
        {(data) =>
          data.total === 0 && !filtered ? (
            <EmptyState title={t('participants.emptyTitle')} text={t('participants.emptyText')}>
              {newButton}
            </EmptyState>
          ) : (
            <Paper withBorder p="md">
              <DataTable
                label={t('participants.title')}
                testId="participants-table"
                columns={columns}
                list={data}
                empty={t('participants.noMatch')}
                sort={sort}
                onSort={onSort}
                onRowClick={setEditing}
                onPage={setPage}
                minWidth={900}
                highlightOnHover
                verticalSpacing="sm"
              />
            </Paper>
          )
        }
      </QueryState>

      {editing && (
        <ParticipantModal
          opened
          participant={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
