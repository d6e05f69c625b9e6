import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { TitledCard } from '../components/TitledCard';

/** The first follow-ups to do (overdue ones first), leading to the trainers' list. */
export function DueFollowUps() {
  const { t } = useTranslation();
  const due = useCall('followUps.list', { view: 'due', pageSize: 5 });
  return (
    <TitledCard title={t('dashboard.dueTitle')} h="100%" data-testid="due-follow-ups">
      <QueryState query={due}>
        {(data) => (
          <Stack gap="xs">
            {data.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('dashboard.dueNone')}
              </Text>
            )}
            {data.items.map((f) => (
              <Group key={f.id} justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/suivis/${f.id}`} size="sm" fw={600}>
                    {f.participantName}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {f.organisationName} · {t('followups.offsetValue', { count: f.offsetMonths })}
                  </Text>
                </div>
                <Text
                  size="sm"
                  c={f.overdue ? 'red' : undefined}
                  fw={f.overdue ? 600 : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {formatDate(f.dueOn)}
                </Text>
              </Group>
            ))}
            <Anchor component={Link} to="/suivis?vue=a-faire" size="sm" mt={4}>
              {t('dashboard.dueAll')}
            </Anchor>
          </Stack>
        )}
      </QueryState>
    </TitledCard>
  );
}
