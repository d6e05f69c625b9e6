import { ActionIcon, Button, Group, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../src-main/contract';
import { DateField } from '../components/DateField';
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
      <Table verticalSpacing={6} withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t('sessions.form.day')}</Table.Th>
            <Table.Th w={180}>{t('sessions.form.date')}</Table.Th>
            <Table.Th w={160}>{t('sessions.form.startTime')}</Table.Th>
            <Table.Th w={160}>{t('sessions.form.endTime')}</Table.Th>
            <Table.Th>{t('sessions.form.halfDay')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((_, i) => (
            <Table.Tr key={form.key(`days.${i}`)} style={{ verticalAlign: 'top' }}>
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
              <Table.Td>
                <ActionIcon
                  mt={4}
                  variant="subtle"
                  color="red"
                  aria-label={t('sessions.form.removeDay', { n: i + 1 })}
                  disabled={days.length === 1}
                  onClick={() => form.removeListItem('days', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {form.errors.days && (
        <Text c="red.7" size="sm" mt={4} data-path="days">
          {form.errors.days}
        </Text>
      )}
      <Button variant="light" size="xs" mt="xs" leftSection={<IconPlus size={14} />} onClick={addDay}>
        {t('sessions.form.addDay')}
      </Button>
    </div>
  );
}
