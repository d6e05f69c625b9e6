import { Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorFilters } from '../../src-main/contract';
import { shareColor } from '../indicators/figures';
import { filtersQuery } from '../indicators/filters';
import { ShareBar } from '../indicators/ShareCard';
import { formatCount, formatShare, formatShareAgainst } from '../format';

export interface ShareGroup {
  label: string;
  filters: IndicatorFilters;
  /** Women and everyone trained in the group (from the dashboard's breakdown). */
  women: number;
  total: number;
}

/**
 * The women's share among the people trained, one bar per group (type of organisation, region),
 * marked against the target; each bar opens the gender page for its group.
 */
export function ShareChart({
  title,
  groups,
  target,
  empty,
  testId,
}: {
  title: string;
  groups: ShareGroup[];
  target: number | null;
  empty: string;
  testId: string;
}) {
  const { t } = useTranslation();
  // Groups where nobody was trained have no share: they are left out.
  const shown = groups.filter((g) => g.total > 0).map((g) => ({ ...g, share: g.women / g.total }));
  return (
    <Card withBorder h="100%" data-testid={testId}>
      <Title order={4}>{title}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {target === null
          ? t('dashboard.shareHintNoTarget')
          : t('dashboard.shareHint', { value: formatShare(target) })}
      </Text>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {shown.map((group) => (
            <UnstyledButton
              key={group.label}
              component={Link}
              to={`/genre${filtersQuery(group.filters)}`}
              aria-label={`${group.label} : ${formatShareAgainst(group.share, target)}`}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                <Text size="sm" truncate>
                  {group.label}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatCount(group.women)} / {formatCount(group.total)}
                  </Text>
                  <Text
                    size="sm"
                    fw={700}
                    c={shareColor(group.share, target)}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {formatShareAgainst(group.share, target)}
                  </Text>
                </Group>
              </Group>
              <ShareBar ratio={group.share} target={target} />
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Card>
  );
}
