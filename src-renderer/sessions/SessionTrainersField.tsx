import { Group, Select, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sexes, trainerKinds } from '../../src-main/contract';
import { AddItemButton, ItemsTable } from '../components/ListField';
import type { SessionForm } from './sessionForm';
import { optionsOf } from '../components/options';
import { EmptyLine } from '../components/EmptyState';

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
        <EmptyLine>{t('sessions.form.noTrainer')}</EmptyLine>
      ) : (
        <ItemsTable
          columns={[
            { label: t('sessions.form.name') },
            { label: t('sessions.form.sex'), w: 150 },
            { label: t('sessions.form.kind'), w: 170 },
          ]}
          keys={trainers.map((_, i) => form.key(`trainers.${i}`))}
          cells={(i) => (
            <>
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
                  data={optionsOf(sexes, (v) => t(`sessions.sex.${v}`))}
                  {...form.getInputProps(`trainers.${i}.sex`)}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('sessions.form.trainerKind', { n: i + 1 })}
                  allowDeselect={false}
                  data={optionsOf(trainerKinds, (v) => t(`sessions.trainerKind.${v}`))}
                  {...form.getInputProps(`trainers.${i}.kind`)}
                />
              </Table.Td>
            </>
          )}
          removeLabel={(n) => t('sessions.form.removeTrainer', { n })}
          onRemove={(i) => form.removeListItem('trainers', i)}
        />
      )}
      <AddItemButton
        mt="xs"
        onClick={() => form.insertListItem('trainers', { name: '', sex: null, kind: 'external' })}
      >
        {t('sessions.form.addTrainer')}
      </AddItemButton>
    </div>
  );
}
