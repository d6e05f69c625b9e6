import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../src-main/contract';
import { DataTable, type Column } from '../components/DataTable';
import { fullName, organisationShort } from './labels';

/** The people already registered who may be the one being entered, and the two ways out. */
export function DuplicatesWarning({
  duplicates,
  editing,
  saving,
  onChoose,
  onConfirm,
  onCancel,
}: {
  duplicates: Participant[];
  /** When editing, the person cannot be swapped for another: only confirming is offered. */
  editing: boolean;
  saving: boolean;
  onChoose: (p: Participant) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const columns: Column<Participant>[] = [
    {
      id: 'name',
      header: t('participants.fields.name'),
      cell: (p) => (
        <>
          <Text size="sm" fw={600}>
            {fullName(p)}
          </Text>
          <Text size="xs" c="dimmed">
            {[t(`participants.sex.${p.sex}`), p.position].filter(Boolean).join(' · ')}
          </Text>
        </>
      ),
    },
    {
      id: 'organisation',
      header: t('participants.fields.organisation'),
      cell: (p) => <Text size="sm">{organisationShort(p)}</Text>,
    },
    {
      id: 'phone',
      header: t('participants.fields.phone'),
      nowrap: true,
      cell: (p) => p.phone ?? t('common.none'),
    },
  ];
  if (!editing) {
    columns.push({
      id: 'same',
      header: null,
      align: 'right',
      cell: (p) => (
        <Button
          size="xs"
          variant="light"
          aria-label={t('participants.duplicates.sameOne', { name: fullName(p) })}
          onClick={() => onChoose(p)}
        >
          {t('participants.duplicates.same')}
        </Button>
      ),
    });
  }
  return (
    <Stack gap="sm" data-testid="duplicates">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle />}
        title={t('participants.duplicates.title', { count: duplicates.length })}
      >
        {t('participants.duplicates.text')}
      </Alert>
      <DataTable
        label={t('participants.title')}
        columns={columns}
        rows={duplicates}
        verticalSpacing={6}
        withTableBorder
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" loading={saving} onClick={onConfirm}>
          {t('participants.duplicates.other')}
        </Button>
      </Group>
    </Stack>
  );
}
