import { Anchor, Badge, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCall } from '../api/hooks';
import type { Output } from '../../src-main/core/methods';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { roundState } from './labels';
import { RoundModal } from './RoundModal';
import { PageHeader } from '../components/PageHeader';
import { NewButton } from '../components/NewButton';

export function SelectionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('onglet') === 'grilles' ? 'sets' : 'rounds';
  return (
    <Stack gap="md">
      <PageHeader title={t('selection.title')} subtitle={t('selection.subtitle')} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'sets' ? { onglet: 'grilles' } : {}, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="rounds">{t('selection.tabs.rounds')}</Tabs.Tab>
          <Tabs.Tab value="sets">{t('selection.tabs.sets')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rounds" pt="md">
          <Rounds />
        </Tabs.Panel>
        <Tabs.Panel value="sets" pt="md">
          <CriteriaSets />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Rounds() {
  const { t } = useTranslation();
  const rounds = useCall('rounds.list', {});
  const roundColumns: Column<Output<'rounds.list'>[number]>[] = [
    {
      id: 'title',
      header: t('selection.rounds.title'),
      cell: (r) => (
        <Anchor component={Link} to={`/selection/comites/${r.id}`} fw={600} size="sm">
          {r.title}
        </Anchor>
      ),
    },
    { id: 'meetingOn', header: t('selection.rounds.meetingOn'), cell: (r) => formatDate(r.meetingOn) },
    {
      id: 'criteriaSet',
      header: t('selection.rounds.criteriaSet'),
      cell: (r) => `${r.criteriaSetName} (${t('selection.sets.version', { version: r.criteriaSetVersion })})`,
    },
    {
      id: 'candidates',
      header: t('selection.rounds.candidates'),
      align: 'right',
      cell: (r) => r.candidatesCount,
    },
    {
      id: 'decided',
      header: t('selection.rounds.decided'),
      align: 'right',
      cell: (r) => `${r.decidedCount} / ${r.candidatesCount}`,
    },
    {
      id: 'status',
      header: t('organisations.fields.status'),
      cell: (r) => {
        const state = roundState(r);
        return (
          <Badge variant="light" color={state.color}>
            {t(`selection.rounds.status.${state.key}`)}
          </Badge>
        );
      },
    },
  ];
  const [opened, modal] = useDisclosure();
  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb="sm">
        <NewButton onClick={modal.open}>{t('selection.rounds.new')}</NewButton>
      </Group>
      <QueryState query={rounds}>
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('selection.rounds.none')}
            </Text>
          ) : (
            <DataTable
              label={t('selection.tabs.rounds')}
              columns={roundColumns}
              rows={data}
              highlightOnHover
              verticalSpacing="sm"
            />
          )
        }
      </QueryState>
      {opened && <RoundModal opened onClose={modal.close} />}
    </Paper>
  );
}

function CriteriaSets() {
  const { t } = useTranslation();
  const sets = useCall('criteriaSets.list', {});
  const setColumns: Column<Output<'criteriaSets.list'>[number]>[] = [
    {
      id: 'name',
      header: t('selection.sets.name'),
      cell: (s) => (
        <>
          <Anchor component={Link} to={`/selection/grilles/${s.id}`} fw={600} size="sm">
            {s.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('selection.sets.version', { version: s.version })}
          </Text>
        </>
      ),
    },
    {
      id: 'criteria',
      header: t('selection.sets.criteria'),
      cell: (s) => t('selection.sets.criteriaCount', { count: s.criteria.length }),
    },
    {
      id: 'status',
      header: t('organisations.fields.status'),
      cell: (s) =>
        s.status === 'validated' ? (
          <>
            <Badge color="teal" variant="light">
              {t('selection.sets.validated')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('selection.sets.validatedOn', {
                date: formatDate(s.validatedOn),
                reference: s.validationReference,
              })}
            </Text>
          </>
        ) : (
          <Badge color="gray" variant="light">
            {t('selection.sets.draft')}
          </Badge>
        ),
    },
    {
      id: 'rounds',
      header: t('selection.tabs.rounds'),
      cell: (s) => t('selection.sets.usedBy', { count: s.roundsCount }),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb="sm">
        <NewButton to="/selection/grilles/nouvelle">{t('selection.sets.new')}</NewButton>
      </Group>
      <QueryState query={sets}>
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('selection.sets.none')}
            </Text>
          ) : (
            <DataTable
              label={t('selection.tabs.sets')}
              columns={setColumns}
              rows={data}
              highlightOnHover
              verticalSpacing="sm"
            />
          )
        }
      </QueryState>
    </Paper>
  );
}
