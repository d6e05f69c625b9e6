import { Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorFilters } from '../../src-main/contract';
import { useCalls } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { shareColor, WOMEN_SHARE_TARGET } from '../indicators/figures';
import { filtersQuery } from '../indicators/filters';
import { ShareBar } from '../indicators/ShareCard';
import { formatCount, formatShare } from '../format';

export interface ShareGroup {
  label: string;
  filters: IndicatorFilters;
}

/**
 * The women's share among the people trained, one bar per group (type of organisation, region),
 * marked against the target; each bar opens the gender page for its group.
 */
export function ShareChart({
  title,
  groups,
  empty,
  testId,
}: {
  title: string;
  groups: ShareGroup[];
  empty: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const figures = useCalls(
    'indicators.figures',
    groups.map((g) => g.filters),
  );
  return (
    <Card withBorder h="100%" data-testid={testId}>
      <Title order={4}>{title}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('results.dashboard.shareHint', { value: formatShare(WOMEN_SHARE_TARGET) })}
      </Text>
      <QueryState query={figures}>
        {(all) => {
          // Groups where nobody was trained have no share: they are left out.
          const shown = groups
            .map((group, i) => ({ group, figures: all[i]! }))
            .filter((row) => row.figures.womenShareParticipants !== null);
          if (shown.length === 0) {
            return (
              <Text size="sm" c="dimmed" py="md">
                {empty}
              </Text>
            );
          }
          return (
            <Stack gap="sm">
              {shown.map(({ group, figures: f }) => (
                <UnstyledButton
                  key={group.label}
                  component={Link}
                  to={`/genre${filtersQuery(group.filters)}`}
                  aria-label={`${group.label} : ${formatShare(f.womenShareParticipants)}`}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                    <Text size="sm" truncate>
                      {group.label}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatCount(f.participantsTrained.women)} /{' '}
                        {formatCount(f.participantsTrained.total)}
                      </Text>
                      <Text
                        size="sm"
                        fw={700}
                        c={`${shareColor(f.womenShareParticipants)}.7`}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {formatShare(f.womenShareParticipants)}
                      </Text>
                    </Group>
                  </Group>
                  <ShareBar ratio={f.womenShareParticipants} />
                </UnstyledButton>
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Card>
  );
}
