import { Switch, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../src-main/contract';
import { DateField } from '../components/DateField';
import { AddItemButton, ItemsTable, ListError } from '../components/ListField';
import type { SessionForm } from './sessionForm';
import { TimeField } from './TimeField';

/** The day after `date`, Saturday and Sunday skipped. */
function nextWorkingDay(date: string | null): string | null {
  if (!isoDate.safeParse(date).success) return null;
  let next = dayjs(date).add(1, 'day');
  while (next.day() === 0 || next.day() === 6) next = next.add(1, 'day');
  return next.format('YYYY-MM-DD');
}

/** The days of a session: date, hours and half-day, one line each. */
export function SessionDaysField({ form }: { form: SessionForm }) {
  const { t } = useTranslation();
  const days = form.values.days;
  const addDay = () => {
    const last = days[days.length - 1];
    form.insertListItem('days', {
      date: nextWorkingDay(last?.date ?? null),
      startTime: last?.startTime ?? '08:30',
      endTime: last?.endTime ?? '16:30',
      halfDay: last?.halfDay ?? false,
    });
  };
  return (
    <div>
      <Title order={5} mb="xs">
        {t('sessions.fields.days')}
      </Title>
      <ItemsTable
        columns={[
          { label: t('sessions.form.day'), w: 50 },
          { label: t('sessions.form.date'), w: 180 },
          { label: t('sessions.form.startTime'), w: 160 },
          { label: t('sessions.form.endTime'), w: 160 },
          { label: t('sessions.form.halfDay') },
        ]}
        keys={days.map((_, i) => form.key(`days.${i}`))}
        cells={(i) => (
          <>
            <Table.Td>
              <Text size="sm" fw={600} mt={7}>
                {i + 1}
              </Text>
            </Table.Td>
            <Table.Td>
              <DateField
                aria-label={t('sessions.form.dayDate', { n: i + 1 })}
                {...form.getInputProps(`days.${i}.date`)}
              />
            </Table.Td>
            <Table.Td>
              <TimeField
                aria-label={t('sessions.form.dayStart', { n: i + 1 })}
                {...form.getInputProps(`days.${i}.startTime`)}
              />
            </Table.Td>
            <Table.Td>
              <TimeField
                aria-label={t('sessions.form.dayEnd', { n: i + 1 })}
                {...form.getInputProps(`days.${i}.endTime`)}
              />
            </Table.Td>
            <Table.Td>
              <Switch
                mt={8}
                aria-label={t('sessions.form.dayHalf', { n: i + 1 })}
                {...form.getInputProps(`days.${i}.halfDay`, { type: 'checkbox' })}
              />
            </Table.Td>
          </>
        )}
        removeLabel={(n) => t('sessions.form.removeDay', { n })}
        onRemove={(i) => form.removeListItem('days', i)}
        canRemove={days.length > 1}
      />
      <ListError form={form} path="days" mt={4} />
      <AddItemButton mt="xs" onClick={addDay}>
        {t('sessions.form.addDay')}
      </AddItemButton>
    </div>
  );
}
