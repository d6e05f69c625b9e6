import { ActionIcon, Badge, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconEdit } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingModule } from '../../src-main/contract';
import { useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatNumber } from '../format';
import { ModuleMaterials } from './ModuleMaterials';
import { ModuleModal } from './ModuleModal';
import { PageHeader } from '../components/PageHeader';
import { ListToolbar } from '../components/ListToolbar';
import { EmptyState } from '../components/EmptyState';
import { Field } from '../components/Field';
import { NewButton } from '../components/NewButton';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The library of training modules, with their materials. */
export function ModulesPage() {
  const { t } = useTranslation();
  const list = useCall('modules.list', {});
  const { params, update } = useSearchState();
  const [editing, setEditing] = useState<TrainingModule | 'new' | null>(null);
  const search = params.get('q') ?? '';
  const openId = params.get('module');
  const newButton = <NewButton onClick={() => setEditing('new')}>{t('modules.new')}</NewButton>;

  return (
    <Stack gap="md">
      <PageHeader title={t('modules.title')} subtitle={t('modules.subtitle')}>
        {newButton}
      </PageHeader>

      <QueryState query={list}>
        {(modules) => {
          if (modules.length === 0) {
            return (
              <EmptyState title={t('modules.emptyTitle')} text={t('modules.emptyText')}>
                {newButton}
              </EmptyState>
            );
          }
          const shown = modules.filter((m) =>
            fold([m.title, m.theme, m.targetPublic].filter(Boolean).join(' ')).includes(fold(search.trim())),
          );
          return (
            <>
              <ListToolbar
                search={{
                  value: search,
                  placeholder: t('modules.searchPlaceholder'),
                  onChange: (q) => update({ q }),
                }}
              />
              <Paper withBorder p="md">
                <Table.ScrollContainer minWidth={860}>
                  <Table verticalSpacing="sm" data-testid="modules-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={36} />
                        <Table.Th>{t('modules.fields.title')}</Table.Th>
                        <Table.Th>{t('modules.fields.theme')}</Table.Th>
                        <Table.Th ta="right">{t('modules.fields.durationShort')}</Table.Th>
                        <Table.Th>{t('modules.fields.targetPublic')}</Table.Th>
                        <Table.Th ta="right">{t('modules.fields.sessions')}</Table.Th>
                        <Table.Th ta="right">{t('modules.fields.materials')}</Table.Th>
                        <Table.Th w={40} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.length === 0 && (
                        <Table.Tr>
                          <Table.Td colSpan={8}>
                            <Text c="dimmed" ta="center" py="md">
                              {t('modules.noMatch')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      )}
                      {shown.map((m) => (
                        <ModuleRow
                          key={m.id}
                          module={m}
                          open={openId === m.id}
                          onToggle={() => update({ module: openId === m.id ? null : m.id })}
                          onEdit={() => setEditing(m)}
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </>
          );
        }}
      </QueryState>

      {editing && (
        <ModuleModal
          module={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => update({ module: m.id })}
        />
      )}
    </Stack>
  );
}

function ModuleRow({
  module: m,
  open,
  onToggle,
  onEdit,
}: {
  module: TrainingModule;
  open: boolean;
  onToggle: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <Fragment>
      <Table.Tr style={{ cursor: 'pointer' }} onClick={onToggle} bg={open ? 'blue.0' : undefined}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={open}
            aria-label={t('modules.details', { title: m.title })}
          >
            <Chevron size={16} />
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text fw={600} size="sm">
            {m.title}
          </Text>
        </Table.Td>
        <Table.Td>
          {m.theme ? (
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {m.theme}
            </Badge>
          ) : (
            none
          )}
        </Table.Td>
        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
          {t('modules.hours', { value: formatNumber(m.durationHours, m.durationHours % 1 ? 1 : 0) })}
        </Table.Td>
        <Table.Td>
          <Text size="sm" lineClamp={2}>
            {m.targetPublic ?? none}
          </Text>
        </Table.Td>
        <Table.Td ta="right">{formatNumber(m.sessionsCount)}</Table.Td>
        <Table.Td ta="right">{formatNumber(m.materials.length)}</Table.Td>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('modules.editOne', { title: m.title })}
            onClick={(e) => {
              e.stopPropagation();
              onEdit();
            }}
          >
            <IconEdit size={16} />
          </ActionIcon>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={7}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" py="xs">
              <Stack gap="sm">
                <Field label={t('modules.fields.objectives')}>{m.objectives ?? none}</Field>
                <Field label={t('modules.fields.targetPublic')}>{m.targetPublic ?? none}</Field>
              </Stack>
              <ModuleMaterials module={m} />
            </SimpleGrid>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
