import { ActionIcon, Button, Group, Paper, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sessionPhases } from '../../src-main/contract';
import type { Output } from '../../src-main/core/methods';
import { useCall, useCalls } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { datesBetween, monthOf, monthTitle, monthWeeks, phaseColor, weekdayNames } from './labels';
import './sessions.css';

type Summary = Output<'sessions.list'>['items'][number];

/** A month, Monday first, each session shown on each of its days. */
export function SessionCalendar({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const { t } = useTranslation();
  const list = useCall('sessions.list', { month, pageSize: 100 });
  const shift = (months: number) => onMonth(dayjs(`${month}-01`).add(months, 'month').format('YYYY-MM'));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('sessions.calendar.previous')}
            onClick={() => shift(-1)}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <MonthPickerInput
            aria-label={t('sessions.calendar.month')}
            value={`${month}-01`}
            onChange={(v) => v && onMonth(monthOf(v))}
            valueFormat="MMMM YYYY"
            w={190}
            styles={{ input: { fontWeight: 600, textTransform: 'capitalize', textAlign: 'center' } }}
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('sessions.calendar.next')}
            onClick={() => shift(1)}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
          {month !== monthOf() && (
            <Button variant="subtle" size="sm" onClick={() => onMonth(monthOf())}>
              {t('sessions.calendar.current')}
            </Button>
          )}
        </Group>
        {list.data && (
          <Text size="sm" c="dimmed" data-testid="calendar-count">
            {list.data.total === 0
              ? t('sessions.calendar.none')
              : t('sessions.calendar.count', { count: list.data.total })}
          </Text>
        )}
      </Group>
      <QueryState query={list}>{(data) => <MonthGrid month={month} sessions={data.items} />}</QueryState>
      <Group gap="lg" mt="sm">
        {sessionPhases.map((phase) => (
          <Group key={phase} gap={6}>
            <div
              className="calendar-legend-swatch"
              style={{ background: `var(--mantine-color-${phaseColor[phase]}-light)` }}
            />
            <Text size="xs" c="dimmed">
              {t(`sessions.phase.${phase}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}

/**
 * The dates each session is held. A session held on consecutive days fills its span; for one
 * with gaps (Monday and Thursday), its days are read from the session itself.
 */
function useSessionDates(sessions: Summary[]): Map<string, Summary[]> {
  const gapped = sessions.filter(
    (s) => s.firstDay && s.lastDay && datesBetween(s.firstDay, s.lastDay).length !== s.daysCount,
  );
  const details = useCalls(
    'sessions.get',
    gapped.map((s) => ({ id: s.id })),
    { keepPrevious: false },
  ).each;
  const byDate = new Map<string, Summary[]>();
  for (const s of sessions) {
    if (!s.firstDay || !s.lastDay) continue;
    const detail = details[gapped.indexOf(s)];
    const dates = detail ? detail.days.map((d) => d.date) : datesBetween(s.firstDay, s.lastDay);
    for (const date of dates) byDate.set(date, [...(byDate.get(date) ?? []), s]);
  }
  return byDate;
}

function MonthGrid({ month, sessions }: { month: string; sessions: Summary[] }) {
  const { t } = useTranslation();
  const byDate = useSessionDates(sessions);
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div className="calendar" role="table" aria-label={monthTitle(month)}>
      <div className="calendar-row" role="row">
        {weekdayNames().map((name) => (
          <div key={name} className="calendar-weekday" role="columnheader">
            {name}
          </div>
        ))}
      </div>
      {monthWeeks(month).map((week) => (
        <div key={week[0]} className="calendar-row" role="row">
          {week.map((date, i) => {
            const inMonth = date.startsWith(month);
            const here = inMonth ? (byDate.get(date) ?? []) : [];
            return (
              <div
                key={date}
                role="cell"
                data-testid={`calendar-${date}`}
                className="calendar-day"
                data-outside={!inMonth || undefined}
                data-weekend={i >= 5 || undefined}
                data-today={date === today || undefined}
              >
                <Text size="xs" fw={date === today ? 700 : 500} className="calendar-date">
                  {Number(date.slice(8))}
                </Text>
                {here.map((s) => (
                  <Text
                    key={s.id}
                    component={Link}
                    to={`/sessions/${s.id}`}
                    size="xs"
                    lineClamp={2}
                    className="calendar-session"
                    title={[s.title, t(`sessions.phase.${s.phase}`), s.venue ?? s.region]
                      .filter(Boolean)
                      .join(' — ')}
                    style={{
                      background: `var(--mantine-color-${phaseColor[s.phase]}-light)`,
                      color: `var(--mantine-color-${phaseColor[s.phase]}-light-color)`,
                    }}
                  >
                    {s.title}
                  </Text>
                ))}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
