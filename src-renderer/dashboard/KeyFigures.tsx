import { Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorFilters, ProgrammeFigures, ShareTargets } from '../../src-main/contract';
import { formatCount, formatNumber, formatShare, formatShareAgainst } from '../format';
import { shareColor } from '../indicators/figures';
import { filtersQuery } from '../indicators/filters';
import { TargetBadge } from '../indicators/ShareCard';
import { KeyCard, SubFigure } from './KeyCard';

const TRAINED = '/indicateurs/personnes-formees';

/** The programme's key figures, each opening the records behind it. */
export function KeyFigures({
  f,
  filters,
  targets,
}: {
  f: ProgrammeFigures;
  filters: IndicatorFilters;
  targets: ShareTargets;
}) {
  const target = targets.womenShareParticipants;
  const { t } = useTranslation();
  const none = t('common.none');
  const trained = (sex?: 'F' | 'M') => `${TRAINED}${filtersQuery(filters, { sexe: sex })}`;
  const bySex = (counts: { women: number; men: number }, prefix: string) => (
    <Group gap={0} style={{ columnGap: 16, rowGap: 2 }}>
      <SubFigure
        to={trained('F')}
        label={t('indicators.womenValue', { value: formatCount(counts.women) })}
        testId={`${prefix}-women`}
      />
      <SubFigure
        to={trained('M')}
        label={t('indicators.menValue', { value: formatCount(counts.men) })}
        testId={`${prefix}-men`}
      />
    </Group>
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <KeyCard
        title={t('dashboard.organisations')}
        value={formatCount(f.organisationsAccompanied)}
        to={`/indicateurs/organisations-accompagnees${filtersQuery(filters)}`}
        testId="kf-organisations"
      >
        <SubFigure
          to={`/indicateurs/organisations-accompagnees${filtersQuery({ ...filters, organisationType: 'women_group' })}`}
          label={t('dashboard.womenOrganisations', { count: f.womenOrganisationsSupported })}
        />
      </KeyCard>
      <KeyCard
        title={t('dashboard.trained')}
        value={formatCount(f.participantsTrained.total)}
        to={trained()}
        testId="kf-trained"
      >
        {bySex(f.participantsTrained, 'kf-trained')}
      </KeyCard>
      <KeyCard
        title={t('dashboard.personDays')}
        value={formatCount(f.personDays.total)}
        to={trained()}
        testId="kf-days"
      >
        {bySex(f.personDays, 'kf-days')}
      </KeyCard>
      <KeyCard
        title={t('dashboard.womenShare')}
        value={formatShareAgainst(f.womenShareParticipants, target)}
        color={
          f.womenShareParticipants === null ? 'dimmed' : `${shareColor(f.womenShareParticipants, target)}.7`
        }
        to={`/genre${filtersQuery(filters)}`}
        testId="kf-share"
      >
        <Group gap="xs">
          {target !== null && (
            <Text size="xs" c="dimmed">
              {t('indicators.programmeTarget', { value: formatShare(target) })}
            </Text>
          )}
          <TargetBadge ratio={f.womenShareParticipants} target={target} testId="kf-share-flag" />
        </Group>
        <SubFigure
          label={t('dashboard.womenShareDays', { value: formatShare(f.womenSharePersonDays) })}
          testId="kf-share-days"
        />
      </KeyCard>
      <KeyCard
        title={t('dashboard.application')}
        value={formatShare(f.applicationRate.total)}
        to="/suivis?vue=realises"
        testId="kf-application"
      >
        <Group gap={0} style={{ columnGap: 16, rowGap: 2 }}>
          <SubFigure
            label={t('indicators.womenValue', { value: formatShare(f.applicationRate.women) })}
            testId="kf-application-women"
          />
          <SubFigure
            label={t('indicators.menValue', { value: formatShare(f.applicationRate.men) })}
            testId="kf-application-men"
          />
        </Group>
      </KeyCard>
      <KeyCard
        title={t('dashboard.satisfaction')}
        value={
          f.meanSatisfaction === null
            ? none
            : t('dashboard.satisfactionValue', { value: formatNumber(f.meanSatisfaction, 1) })
        }
        to="/sessions"
        testId="kf-satisfaction"
      >
        <SubFigure label={t('dashboard.satisfactionHint')} />
      </KeyCard>
      <KeyCard
        title={t('dashboard.gain')}
        value={
          f.meanGain === null
            ? none
            : t('dashboard.gainValue', { value: formatNumber(f.meanGain, 1) })
        }
        to="/sessions"
        testId="kf-gain"
      >
        <SubFigure label={t('dashboard.gainHint')} />
      </KeyCard>
      <KeyCard
        title={t('dashboard.followUpsDue')}
        value={formatCount(f.followUpsDue)}
        to="/suivis?vue=a-faire"
        testId="kf-due"
      >
        <SubFigure
          to="/suivis?vue=en-retard"
          color={f.followUpsOverdue > 0 ? 'red' : undefined}
          label={t('common.labelValue', {
            label: t('dashboard.followUpsOverdue'),
            value: formatCount(f.followUpsOverdue),
          })}
          testId="kf-overdue"
        />
      </KeyCard>
    </SimpleGrid>
  );
}
