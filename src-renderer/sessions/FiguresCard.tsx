import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../src-main/contract';
import { formatNumber } from '../format';
import { formatDays } from './labels';
import { TitledCard } from '../components/TitledCard';

/** A number of points, signed: `+35`, `−5`, `12,5`. */
export function formatPoints(n: number, digits = Number.isInteger(n) ? 0 : 1) {
  return `${n > 0 ? '+' : ''}${formatNumber(n, digits)}`;
}

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed" data-testid={`${testId}-detail`}>
          {detail}
        </Text>
      )}
    </Paper>
  );
}

/** The session's figures as the server computed them from what was saved. */
export function FiguresCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const f = session.figures;
  const none = t('common.none');
  return (
    <TitledCard
      title={t('sessions.figures.title')}
      aside={
        <Text size="xs" c="dimmed">
          {t('sessions.figures.hint')}
        </Text>
      }
    >
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label={t('sessions.figures.participants')}
          value={formatNumber(f.participantsWomen + f.participantsMen)}
          detail={t('sessions.figures.split', {
            women: formatNumber(f.participantsWomen),
            men: formatNumber(f.participantsMen),
          })}
          testId="figure-participants"
        />
        <Figure
          label={t('sessions.figures.personDays')}
          value={formatDays(f.personDays)}
          detail={t('sessions.figures.split', {
            women: formatDays(f.personDaysWomen),
            men: formatDays(f.personDaysMen),
          })}
          testId="figure-person-days"
        />
        <Figure
          label={t('sessions.figures.satisfaction')}
          value={
            f.satisfaction === null
              ? none
              : t('sessions.figures.outOf5', { value: formatNumber(f.satisfaction, 1) })
          }
          testId="figure-satisfaction"
        />
        <Figure
          label={t('sessions.figures.meanGain')}
          value={
            f.meanGain === null ? none : t('sessions.figures.points', { value: formatPoints(f.meanGain, 1) })
          }
          testId="figure-gain"
        />
      </SimpleGrid>
    </TitledCard>
  );
}
