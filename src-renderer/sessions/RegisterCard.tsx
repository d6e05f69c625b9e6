import { Badge, Button, Card, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconDeviceFloppy } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceStatuses, type AttendanceStatus, type Session } from '../../src-main/contract';
import { useAnswerKeeper, useMutate } from '../api/hooks';
import { notifySaved, showCallError } from '../components/forms';
import { formatDate } from '../format';
import { dayWeight, formatDays, statusColor, weekdayOf } from './labels';
import { fullName } from '../participants/labels';
import { optionsOf } from '../components/options';
import { EmptyLine } from '../components/EmptyState';

type Day = Session['days'][number];
type Person = Session['participants'][number];
type Marks = Record<string, AttendanceStatus | null>;
type Mark = (participantId: string, dayId: string, status: AttendanceStatus | null) => void;

const cellKey = (participantId: string, dayId: string) => `${participantId}|${dayId}`;

/**
 * The attendance register, participants × days. Marks stay on screen until the whole register is
 * saved in one call; person-days are previewed from the screen, the saved figures are the reference.
 */
export function RegisterCard({ session, onDirty }: { session: Session; onDirty: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const keepAnswer = useAnswerKeeper();
  const record = useMutate('sessions.recordAttendance');
  const { days, participants } = session;
  const saved = useMemo<Marks>(
    () => Object.fromEntries(session.attendance.map((m) => [cellKey(m.participantId, m.dayId), m.status])),
    [session.attendance],
  );
  const [edits, setEdits] = useState<Marks>({});
  const statusOf = (participantId: string, dayId: string) => {
    const key = cellKey(participantId, dayId);
    return key in edits ? (edits[key] ?? null) : (saved[key] ?? null);
  };
  const isChanged = (participantId: string, dayId: string) => {
    const key = cellKey(participantId, dayId);
    return key in edits && (edits[key] ?? null) !== (saved[key] ?? null);
  };
  const changes = participants.reduce((n, p) => n + days.filter((d) => isChanged(p.id, d.id)).length, 0);
  const dirty = changes > 0;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const mark = useCallback<Mark>(
    (participantId, dayId, status) =>
      setEdits((prev) => ({ ...prev, [cellKey(participantId, dayId)]: status })),
    [],
  );
  const allPresent = (dayId: string) =>
    setEdits((prev) => ({
      ...prev,
      ...Object.fromEntries(participants.map((p) => [cellKey(p.id, dayId), 'present' as const])),
    }));
  const save = () =>
    record.mutate(
      {
        sessionId: session.id,
        marks: participants.flatMap((p) =>
          days.map((d) => ({ dayId: d.id, participantId: p.id, status: statusOf(p.id, d.id) })),
        ),
      },
      {
        onSuccess: (updated) => {
          keepAnswer('sessions.get', { id: updated.id }, updated);
          setEdits({});
          notifySaved(t('sessions.register.saved'));
        },
        onError: (e) => showCallError(e),
      },
    );

  const previewOfDay = (d: Day) =>
    participants.reduce((sum, p) => sum + dayWeight(statusOf(p.id, d.id), d.halfDay), 0);
  const preview = days.reduce((sum, d) => sum + previewOfDay(d), 0);

  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <Title order={4}>{t('sessions.register.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('sessions.register.hint')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {changes > 0 ? (
            <Badge color="orange" variant="light" data-testid="register-state">
              {t('sessions.register.unsaved', { count: changes })}
            </Badge>
          ) : (
            <Badge color="teal" variant="light" data-testid="register-state">
              {t('sessions.register.upToDate')}
            </Badge>
          )}
          {changes > 0 && (
            <Button variant="subtle" leftSection={<IconArrowBackUp size={16} />} onClick={() => setEdits({})}>
              {t('sessions.register.cancel')}
            </Button>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={save}
            loading={record.isPending}
            disabled={days.length === 0 || participants.length === 0}
          >
            {t('sessions.register.save')}
          </Button>
        </Group>
      </Group>
      {days.length === 0 || participants.length === 0 ? (
        <EmptyLine>
          {days.length === 0 ? t('sessions.register.noDays') : t('sessions.register.noParticipants')}
        </EmptyLine>
      ) : (
        <>
          <Table.ScrollContainer minWidth={240 + days.length * 132 + 120}>
            <Table verticalSpacing={4} striped data-testid="register">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ verticalAlign: 'bottom' }}>
                    {t('sessions.register.participant')}
                  </Table.Th>
                  {days.map((d) => (
                    <Table.Th key={d.id} ta="center" w={132} style={{ verticalAlign: 'bottom' }}>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {weekdayOf(d.date, 'short')} {formatDate(d.date)}
                      </Text>
                      {d.halfDay && (
                        <Text size="xs" fw={600} c="orange">
                          {t('sessions.form.halfDay')}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {d.startTime}–{d.endTime}
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="light"
                        mt={4}
                        aria-label={t('sessions.register.allPresentFor', { date: formatDate(d.date) })}
                        onClick={() => allPresent(d.id)}
                      >
                        {t('sessions.register.allPresent')}
                      </Button>
                    </Table.Th>
                  ))}
                  <Table.Th ta="right" style={{ verticalAlign: 'bottom', whiteSpace: 'nowrap' }} w={120}>
                    {t('sessions.register.personDays')}
                    <Text size="xs" c="dimmed">
                      {t('sessions.register.preview')}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.map((p) => (
                  <RegisterRow
                    key={p.id}
                    person={p}
                    days={days}
                    statuses={days.map((d) => statusOf(p.id, d.id) ?? '').join(',')}
                    changed={days.map((d) => (isChanged(p.id, d.id) ? 1 : 0)).join(',')}
                    onMark={mark}
                  />
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>
                    {t('sessions.register.personDays')}{' '}
                    <Text span size="xs" c="dimmed" fw={400}>
                      ({t('sessions.register.preview').toLocaleLowerCase()})
                    </Text>
                  </Table.Th>
                  {days.map((d) => (
                    <Table.Th key={d.id} ta="center" data-testid={`register-day-${d.date}`}>
                      {formatDays(previewOfDay(d))}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right" data-testid="register-preview">
                    {formatDays(preview)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end" gap="lg" mt="xs">
            <Text size="xs" c="dimmed">
              {t('sessions.register.previewHint')}
            </Text>
            <Text size="sm" fw={600} data-testid="register-saved">
              {t('sessions.register.savedTotal', { value: formatDays(session.figures.personDays) })}
            </Text>
          </Group>
        </>
      )}
    </Card>
  );
}

/** One participant's line; redrawn only when one of its marks changes. */
const RegisterRow = memo(function RegisterRow({
  person,
  days,
  statuses,
  changed,
  onMark,
}: {
  person: Person;
  days: Day[];
  /** The line's marks, comma-separated (empty when unmarked), so that the row compares cheaply. */
  statuses: string;
  changed: string;
  onMark: Mark;
}) {
  const { t } = useTranslation();
  const marks = statuses.split(',') as (AttendanceStatus | '')[];
  const flags = changed.split(',');
  const name = fullName(person);
  const personDays = days.reduce((sum, d, i) => sum + dayWeight(marks[i] || null, d.halfDay), 0);
  const options = [
    { value: '', label: t('sessions.register.unmarked') },
    ...optionsOf(attendanceStatuses, (s) => t(`sessions.status.${s}`)),
  ];
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600} lh={1.2}>
          {name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {person.organisationAcronym ?? person.organisationName}
          {person.walkIn ? ` · ${t('sessions.participants.walkIn')}` : ''}
        </Text>
      </Table.Td>
      {days.map((d, i) => {
        const status = marks[i] || null;
        return (
          <Table.Td key={d.id}>
            <NativeSelect
              size="xs"
              aria-label={t('sessions.register.cell', { name, date: formatDate(d.date) })}
              data={options}
              value={status ?? ''}
              onChange={(e) =>
                onMark(person.id, d.id, (e.currentTarget.value || null) as AttendanceStatus | null)
              }
              styles={{
                input: {
                  fontWeight: status ? 600 : 400,
                  background: status ? `var(--mantine-color-${statusColor[status]}-light)` : undefined,
                  color: status ? `var(--mantine-color-${statusColor[status]}-light-color)` : undefined,
                  outline: flags[i] === '1' ? '2px solid var(--mantine-color-orange-5)' : undefined,
                  outlineOffset: -2,
                },
              }}
            />
          </Table.Td>
        );
      })}
      <Table.Td ta="right" fw={600} data-testid={`person-days-${person.id}`}>
        {formatDays(personDays)}
      </Table.Td>
    </Table.Tr>
  );
});
