import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlayerPause } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pathwayTransitions, type Pathway, type PathwayStatus } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { EnrolledCard } from './EnrolledCard';
import { pathwayStatusColor } from './labels';
import { BudgetCard, ObjectivesCard } from './PathwayOverview';
import { PathwayModal } from './PathwayModal';
import { PathwayStatusModal, workflowStep } from './PathwayStatusModal';
import { PlanningCard } from './PlanningCard';
import { StepsEditor } from './StepsEditor';
import { BackLink } from '../components/BackLink';

export function PathwayPage() {
  const { id = '' } = useParams();
  const query = useCall('pathways.get', { id });
  return <QueryState query={query}>{(p) => <PathwayDetail key={p.id} pathway={p} />}</QueryState>;
}

function PathwayDetail({ pathway: p }: { pathway: Pathway }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <BackLink to="/parcours">{t('nav.pathways')}</BackLink>
      <PathwayHeader pathway={p} />
      {p.status === 'suspended' && (
        <Alert color="red" icon={<IconPlayerPause />} title={t('pathways.suspendedTitle')}>
          {p.suspensionReason}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ObjectivesCard pathway={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <BudgetCard pathway={p} />
        </Grid.Col>
      </Grid>
      <EnrolledCard pathway={p} />
      <StepsEditor pathway={p} />
      <PlanningCard pathway={p} />
    </Stack>
  );
}

function PathwayHeader({ pathway: p }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<PathwayStatus | null>(null);
  const [editing, setEditing] = useState(false);
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2}>{p.title}</Title>
        <Group gap="xs" mt={6}>
          <Badge color={pathwayStatusColor[p.status]} variant="light" data-testid="pathway-status">
            {t(`pathways.status.${p.status}`)}
          </Badge>
          <Anchor component={Link} to={`/organisations/${p.organisationId}`} size="sm" fw={600}>
            {p.organisationName}
          </Anchor>
          <Text size="sm" c="dimmed">
            · {t('pathways.period', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
          </Text>
        </Group>
        {p.approvedOn && (
          <Text size="sm" c="dimmed" mt={4} data-testid="pathway-approval">
            {t('pathways.approvedOn', {
              date: formatDate(p.approvedOn),
              reference: p.approvalReference ?? '',
            })}
          </Text>
        )}
      </div>
      <Group gap="xs">
        {pathwayTransitions[p.status].map((to) => (
          <Button
            key={to}
            variant={to === 'suspended' ? 'light' : to === 'draft' ? 'default' : 'filled'}
            color={to === 'suspended' ? 'red' : undefined}
            onClick={() => setMoving(to)}
          >
            {t(`pathways.workflow.action.${workflowStep(p.status, to)}`)}
          </Button>
        ))}
        <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
      </Group>
      {moving && <PathwayStatusModal pathway={p} to={moving} onClose={() => setMoving(null)} />}
      {editing && <PathwayModal pathway={p} onClose={() => setEditing(false)} />}
    </Group>
  );
}
