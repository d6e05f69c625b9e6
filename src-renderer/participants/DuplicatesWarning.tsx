import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../src-main/contract';
import { fullName, organisationShort } from '../pathways/labels';

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
  return (
    <Stack gap="sm" data-testid="duplicates">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle />}
        title={t('training.participants.duplicates.title', { count: duplicates.length })}
      >
        {t('training.participants.duplicates.text')}
      </Alert>
      <Table verticalSpacing={6} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.participants.fields.name')}</Table.Th>
            <Table.Th>{t('training.participants.fields.organisation')}</Table.Th>
            <Table.Th>{t('training.participants.fields.phone')}</Table.Th>
            {!editing && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {duplicates.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {fullName(p)}
                </Text>
                <Text size="xs" c="dimmed">
                  {[t(`training.sex.${p.sex}`), p.position].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{organisationShort(p)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.phone ?? t('common.none')}</Table.Td>
              {!editing && (
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('training.participants.duplicates.sameOne', { name: fullName(p) })}
                    onClick={() => onChoose(p)}
                  >
                    {t('training.participants.duplicates.same')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" loading={saving} onClick={onConfirm}>
          {t('training.participants.duplicates.other')}
        </Button>
      </Group>
    </Stack>
  );
}
