import { Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeFigures, ShareTargets } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatCount, formatNumber, formatShare } from '../format';
import { useFilterParams, yearOf } from './filters';
import { FiltersBar } from './FiltersBar';
import { SexBarChart } from './SexBarChart';
import { FigureCard, ShareCard } from './ShareCard';
import { PageHeader } from '../components/PageHeader';
import { FigureLine } from '../components/FigureLine';
import { TitledCard } from '../components/TitledCard';

export function GenderPage() {
  const { t } = useTranslation();
  const { filters } = useFilterParams();
  const figures = useCall('indicators.figures', filters);
  const targets = useCall('indicators.targets', { year: yearOf(filters) });
  return (
    <Stack gap="md">
      <PageHeader title={t('indicators.gender.title')} subtitle={t('indicators.gender.subtitle')} />
      <FiltersBar />
      <QueryState query={figures}>
        {(f) => <GenderFigures f={f} targets={targets.data ?? NO_TARGETS} />}
      </QueryState>
    </Stack>
  );
}

const NO_TARGETS: ShareTargets = { womenShareParticipants: null, womenSharePersonDays: null };

function GenderFigures({ f, targets }: { f: ProgrammeFigures; targets: ShareTargets }) {
  const { t } = useTranslation();
  const ofCount = (women: number, total: number) => (
    <Text size="sm">
      {t('indicators.gender.ofCount', { women: formatCount(women), total: formatCount(total) })}
    </Text>
  );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ShareCard
          title={t('indicators.gender.womenShareParticipants')}
          ratio={f.womenShareParticipants}
          target={targets.womenShareParticipants}
          detail={ofCount(f.participantsTrained.women, f.participantsTrained.total)}
          testId="gender-share-participants"
        />
        <ShareCard
          title={t('indicators.gender.womenSharePersonDays')}
          ratio={f.womenSharePersonDays}
          target={targets.womenSharePersonDays}
          detail={ofCount(f.personDays.women, f.personDays.total)}
          testId="gender-share-days"
        />
        <FigureCard title={t('indicators.gender.parityIndex')}>
          <Text fz={30} fw={700} lh={1} data-testid="gender-parity">
            {f.parityIndex === null ? t('common.none') : formatNumber(f.parityIndex, 2)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('indicators.gender.parityHint')}
          </Text>
        </FigureCard>
      </SimpleGrid>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TitledCard title={t('indicators.gender.counts')} h="100%">
            <SexBarChart
              h={240}
              label={t('indicators.gender.counts')}
              format={formatCount}
              data={[
                { label: t('indicators.gender.people'), ...f.participantsTrained },
                { label: t('indicators.gender.personDays'), ...f.personDays },
                { label: t('indicators.gender.decisionMakers'), ...f.decisionMakersTrained },
                { label: t('indicators.gender.trainers'), ...f.trainers },
              ]}
            />
          </TitledCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TitledCard title={t('indicators.gender.leadership')} h="100%">
            <Stack gap="sm">
              <FigureLine
                label={t('indicators.gender.womenDecisionMakers')}
                value={formatShare(f.womenShareDecisionMakers)}
                hint={t('indicators.gender.ofCount', {
                  women: formatCount(f.decisionMakersTrained.women),
                  total: formatCount(f.decisionMakersTrained.total),
                })}
                testId="gender-decision-makers"
              />
              <FigureLine
                label={t('indicators.gender.womenTrainers')}
                value={formatShare(f.womenShareTrainers)}
                hint={t('indicators.gender.ofCount', {
                  women: formatCount(f.trainers.women),
                  total: formatCount(f.trainers.total),
                })}
                testId="gender-trainers"
              />
              <FigureLine
                label={t('indicators.gender.womenOrganisations')}
                value={formatCount(f.womenOrganisationsSupported)}
                testId="gender-women-organisations"
              />
              <FigureLine
                label={t('indicators.gender.genderProgress')}
                value={formatShare(f.genderProgressShare)}
                hint={t('indicators.gender.genderProgressHint')}
                testId="gender-progress"
              />
            </Stack>
          </TitledCard>
        </Grid.Col>
      </Grid>
      <TitledCard title={t('indicators.gender.effects')}>
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <RateLine
                label={t('indicators.gender.completion')}
                hint={t('indicators.gender.completionHint')}
                rate={f.completionRate}
                testId="gender-completion"
              />
              <RateLine
                label={t('indicators.gender.application')}
                hint={t('indicators.gender.applicationHint')}
                rate={f.applicationRate}
                testId="gender-application"
              />
              <RateLine
                label={t('indicators.gender.application6')}
                rate={f.applicationRate6Months}
                testId="gender-application6"
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SexBarChart
              h={240}
              rates
              label={t('indicators.gender.effects')}
              format={(v) => formatShare(v)}
              data={[
                { label: t('indicators.gender.completion'), ...f.completionRate },
                { label: t('indicators.gender.application'), ...f.applicationRate },
                { label: t('indicators.gender.application6'), ...f.applicationRate6Months },
              ]}
            />
          </Grid.Col>
        </Grid>
      </TitledCard>
    </Stack>
  );
}

function RateLine({
  label,
  hint,
  rate,
  testId,
}: {
  label: string;
  hint?: string;
  rate: ProgrammeFigures['completionRate'];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text fw={700}>{formatShare(rate.total)}</Text>
      </Group>
      <Text size="sm">
        {t('indicators.womenValue', { value: formatShare(rate.women) })} ·{' '}
        {t('indicators.menValue', { value: formatShare(rate.men) })}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}
