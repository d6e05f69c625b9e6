import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes, type ListParticipantsInput, type Participant } from '../../src-main/contract';
import { useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { SortHeader, type Sort } from '../components/SortHeader';
import { fullName } from '../pathways/labels';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { ParticipantModal } from './ParticipantModal';

type SortKey = 'name' | 'organisation' | 'createdAt';
const sortKeys: SortKey[] = ['name', 'organisation', 'createdAt'];
const PAGE_SIZE = 25;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

export function ParticipantsPage() {
  const { t } = useTranslation();
  // Filters live in the address, so going back to the list finds it as it was left.
  const { params, update, clear } = useSearchState();
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
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('training.participants.new')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('training.participants.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('training.participants.subtitle')}
          </Text>
        </div>
        {newButton}
      </Group>

      <Paper p="md" withBorder>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('common.search')}
            placeholder={t('training.participants.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={searchText}
            onChange={(e) => update({ q: e.currentTarget.value })}
            style={{ flex: 2, minWidth: 220 }}
          />
          <OrganisationSelect
            label={t('training.participants.fields.organisation')}
            placeholder={t('common.all')}
            clearable
            value={input.organisationId ?? null}
            onChange={(v) => update({ organisation: v })}
            style={{ flex: 2, minWidth: 240 }}
          />
          <Select
            label={t('training.participants.fields.sex')}
            placeholder={t('common.all')}
            clearable
            data={sexes.map((v) => ({ value: v, label: t(`training.sex.${v}`) }))}
            value={input.sex ?? null}
            onChange={(v) => update({ sexe: v })}
            w={140}
          />
          {filtered && (
            <Button variant="subtle" size="xs" mb={6} onClick={() => clear()}>
              {t('training.clearFilters')}
            </Button>
          )}
        </Group>
      </Paper>

      <QueryState query={list}>
        {(data) =>
          data.total === 0 && !filtered ? (
            <Card withBorder p="xl">
              <Stack align="center" gap="xs">
                <Title order={3}>{t('training.participants.emptyTitle')}</Title>
                <Text c="dimmed">{t('training.participants.emptyText')}</Text>
                <Group mt="sm">{newButton}</Group>
              </Stack>
            </Card>
          ) : (
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={900}>
                <Table highlightOnHover verticalSpacing="sm" data-testid="participants-table">
                  <Table.Thead>
                    <Table.Tr>
                      <SortHeader column="name" current={sort} onSort={onSort}>
                        {t('training.participants.fields.name')}
                      </SortHeader>
                      <SortHeader column="organisation" current={sort} onSort={onSort}>
                        {t('training.participants.fields.organisation')}
                      </SortHeader>
                      <Table.Th>{t('training.participants.fields.sex')}</Table.Th>
                      <Table.Th>{t('training.participants.fields.ageBand')}</Table.Th>
                      <Table.Th>{t('training.participants.fields.position')}</Table.Th>
                      <Table.Th>{t('training.participants.fields.decisionMakerShort')}</Table.Th>
                      <Table.Th>{t('training.participants.fields.phone')}</Table.Th>
                      <Table.Th w={40} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={8}>
                          <Text c="dimmed" ta="center" py="md">
                            {t('training.participants.noMatch')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {data.items.map((p) => (
                      <ParticipantRow key={p.id} participant={p} onEdit={() => setEditing(p)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListFooter
                total={data.total}
                page={data.page}
                pageSize={data.pageSize}
                onPage={(page) => update({ page: String(page) })}
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

function ParticipantRow({ participant: p, onEdit }: { participant: Participant; onEdit: () => void }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={onEdit}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={600} size="sm">
          {p.lastName.toLocaleUpperCase()} {p.firstName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{p.organisationAcronym ?? p.organisationName}</Text>
        {p.organisationAcronym && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {p.organisationName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`training.sex.${p.sex}`)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {p.ageBand ? t(`training.ageBand.${p.ageBand}`) : none}
      </Table.Td>
      <Table.Td>{p.position ?? none}</Table.Td>
      <Table.Td>
        {p.decisionMaker ? (
          <Badge size="sm" variant="light" color="indigo">
            {t('training.yes')}
          </Badge>
        ) : (
          none
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.phone ?? none}</Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('training.participants.editOne', { name: fullName(p) })}
          onClick={(e) => {
            e.stopPropagation();
            onEdit();
          }}
        >
          <IconEdit size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
