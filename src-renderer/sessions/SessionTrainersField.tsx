import { ActionIcon, Button, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sexes, trainerKinds } from '../../src-main/contract';
import type { SessionForm } from './sessionForm';

/** Who trains: name, sex and whether they are internal or external to the programme. */
export function SessionTrainersField({ form }: { form: SessionForm }) {
  const { t } = useTranslation();
  const trainers = form.values.trainers;
  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('sessions.fields.trainers')}</Title>
      </Group>
      {trainers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sessions.form.noTrainer')}
        </Text>
      ) : (
        <Table verticalSpacing={6} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions.form.name')}</Table.Th>
              <Table.Th w={150}>{t('sessions.form.sex')}</Table.Th>
              <Table.Th w={170}>{t('sessions.form.kind')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trainers.map((_, i) => (
              <Table.Tr key={form.key(`trainers.${i}`)} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions.form.trainerName', { n: i + 1 })}
                    {...form.getInputProps(`trainers.${i}.name`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('sessions.form.trainerSex', { n: i + 1 })}
                    allowDeselect={false}
                    data={sexes.map((v) => ({ value: v, label: t(`sessions.sex.${v}`) }))}
                    {...form.getInputProps(`trainers.${i}.sex`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('sessions.form.trainerKind', { n: i + 1 })}
                    allowDeselect={false}
                    data={trainerKinds.map((v) => ({ value: v, label: t(`sessions.trainerKind.${v}`) }))}
                    {...form.getInputProps(`trainers.${i}.kind`)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    mt={4}
                    variant="subtle"
                    color="red"
                    aria-label={t('sessions.form.removeTrainer', { n: i + 1 })}
                    onClick={() => form.removeListItem('trainers', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button
        variant="light"
        size="xs"
        mt="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => form.insertListItem('trainers', { name: '', sex: null, kind: 'external' })}
      >
        {t('sessions.form.addTrainer')}
      </Button>
    </div>
  );
}
