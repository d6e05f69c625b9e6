import { Box, Card, Group, ScrollArea, Text, Title } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { phases, type Pathway } from '../../src-main/contract';
import { formatDate, todayIso } from '../format';
import { phaseColor } from './labels';
import { Legend } from './PathwayOverview';
import { timelineOf, type Span } from './timeline';
import { EmptyLine } from '../components/EmptyState';

const LABEL_WIDTH = 260;
const ROW_HEIGHT = 34;

const at = ({ left, width }: Span): CSSProperties => ({
  position: 'absolute',
  left: `${left}%`,
  width: `${width}%`,
});

/** A Gantt-like view of the saved plan: each action's planned dates, and over them the sessions held. */
export function PlanningCard({ pathway: p }: { pathway: Pathway }) {
  const { t, i18n } = useTranslation();
  const actions = phases.flatMap((phase) =>
    p.steps.filter((s) => s.phase === phase).flatMap((s) => s.actions.map((a) => ({ phase, action: a }))),
  );
  return (
    <Card withBorder component="section" aria-label={t('pathways.planning.title')} data-testid="planning">
      <Title order={4}>{t('pathways.planning.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pathways.planning.subtitle')}
      </Text>
      {actions.length === 0 ? (
        <EmptyLine>{t('pathways.planning.empty')}</EmptyLine>
      ) : (
        <Timeline pathway={p} rows={actions} locale={i18n.language === 'en' ? 'en-GB' : 'fr-FR'} />
      )}
    </Card>
  );
}

function Timeline({
  pathway: p,
  rows,
  locale,
}: {
  pathway: Pathway;
  rows: { phase: (typeof phases)[number]; action: Pathway['steps'][number]['actions'][number] }[];
  locale: string;
}) {
  const { t } = useTranslation();
  const line = timelineOf(p);
  const today = todayIso();
  const showToday = today >= line.start && today <= line.end;
  const every = Math.ceil(line.months.length / 18);
  const monthName = (iso: string, withYear: boolean) =>
    new Intl.DateTimeFormat(locale, {
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  const period = line.span(p.startsOn, p.endsOn);
  // Month columns and the pathway's period, drawn behind every row.
  const background = (
    <>
      {line.months.map((m, i) => (
        <Box key={m.iso} style={{ ...at(m), top: 0, bottom: 0 }} bg={i % 2 ? 'gray.0' : undefined} />
      ))}
      <Box
        style={{
          ...at(period),
          top: 0,
          bottom: 0,
          borderLeft: '1px dashed var(--mantine-color-gray-5)',
          borderRight: '1px dashed var(--mantine-color-gray-5)',
        }}
      />
      {showToday && (
        <Box
          style={{ position: 'absolute', left: `${line.position(today)}%`, top: 0, bottom: 0, width: 2 }}
          bg="red.6"
        />
      )}
    </>
  );

  return (
    <ScrollArea type="auto">
      <Box miw={900} style={{ display: 'grid', gridTemplateColumns: `${LABEL_WIDTH}px 1fr` }}>
        <div />
        <Box pos="relative" h={24} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {line.months.map((m, i) =>
            i % every === 0 ? (
              <Text
                key={m.iso}
                size="xs"
                c="dimmed"
                data-testid="planning-month"
                style={{ ...at(m), width: 'auto', top: 4, paddingLeft: 4, whiteSpace: 'nowrap' }}
              >
                {monthName(m.iso, i === 0 || m.iso.slice(5, 7) === '01')}
              </Text>
            ) : null,
          )}
        </Box>
        {rows.map(({ phase, action: a }) => (
          <Row key={a.id} label={a.title} type={t(`pathways.actionType.${a.type}`)} color={phaseColor[phase]}>
            {background}
            <Box
              data-testid="planned-bar"
              title={t('pathways.planning.plannedTitle', {
                from: formatDate(a.plannedStart),
                to: formatDate(a.plannedEnd),
              })}
              style={{
                ...at(line.span(a.plannedStart, a.plannedEnd)),
                top: 7,
                height: ROW_HEIGHT - 14,
                minWidth: 4,
                borderRadius: 4,
                background: 'var(--mantine-color-blue-1)',
                border: '1px solid var(--mantine-color-blue-4)',
              }}
            />
            {a.sessions.map((h) =>
              h.held && h.firstDay && h.lastDay ? (
                <Box
                  key={h.id}
                  data-testid="held-bar"
                  title={t('pathways.planning.heldTitle', {
                    title: h.title,
                    from: formatDate(h.firstDay),
                    to: formatDate(h.lastDay),
                  })}
                  style={{
                    ...at(line.span(h.firstDay, h.lastDay)),
                    top: 12,
                    height: ROW_HEIGHT - 24,
                    minWidth: 6,
                    borderRadius: 3,
                    background: 'var(--mantine-color-teal-7)',
                  }}
                />
              ) : null,
            )}
          </Row>
        ))}
      </Box>
      <Group justify="space-between" mt="sm" gap="md">
        <Text size="xs" c="dimmed">
          {t('pathways.planning.period', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
        </Text>
        <Group gap="md">
          <Legend
            color="var(--mantine-color-blue-1)"
            border="var(--mantine-color-blue-4)"
            label={t('pathways.planning.planned')}
          />
          <Legend color="var(--mantine-color-teal-7)" label={t('pathways.planning.held')} />
          {showToday && <Legend color="var(--mantine-color-red-6)" label={t('pathways.planning.today')} />}
        </Group>
      </Group>
    </ScrollArea>
  );
}

function Row({
  label,
  type,
  color,
  children,
}: {
  label: string;
  type: string;
  color: string;
  children: ReactNode;
}) {
  return (
    <>
      <Box
        data-testid="planning-row"
        h={ROW_HEIGHT}
        pr="sm"
        pl={8}
        style={{
          borderLeft: `3px solid var(--mantine-color-${color}-5)`,
          borderBottom: '1px solid var(--mantine-color-gray-2)',
          overflow: 'hidden',
        }}
      >
        <Text size="xs" fw={600} truncate="end" lh={1.3} pt={2}>
          {label}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" lh={1.2}>
          {type}
        </Text>
      </Box>
      <Box
        pos="relative"
        h={ROW_HEIGHT}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', overflow: 'hidden' }}
      >
        {children}
      </Box>
    </>
  );
}
