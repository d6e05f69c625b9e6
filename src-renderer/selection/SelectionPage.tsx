import { Anchor, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { roundState } from './labels';
import { RoundModal } from './RoundModal';

export function SelectionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('onglet') === 'grilles' ? 'sets' : 'rounds';
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('selection.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('selection.subtitle')}
        </Text>
      </div>
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
  const [opened, modal] = useDisclosure();
  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
          {t('selection.rounds.new')}
        </Button>
      </Group>
      <QueryState query={rounds}>
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('selection.rounds.none')}
            </Text>
          ) : (
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('selection.rounds.title')}</Table.Th>
                  <Table.Th>{t('selection.rounds.meetingOn')}</Table.Th>
                  <Table.Th>{t('selection.rounds.criteriaSet')}</Table.Th>
                  <Table.Th ta="right">{t('selection.rounds.candidates')}</Table.Th>
                  <Table.Th ta="right">{t('selection.rounds.decided')}</Table.Th>
                  <Table.Th>{t('organisation.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((r) => {
                  const state = roundState(r);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/selection/comites/${r.id}`} fw={600} size="sm">
                          {r.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(r.meetingOn)}</Table.Td>
                      <Table.Td>
                        {r.criteriaSetName} ({t('selection.sets.version', { version: r.criteriaSetVersion })})
                      </Table.Td>
                      <Table.Td ta="right">{r.candidatesCount}</Table.Td>
                      <Table.Td ta="right">
                        {r.decidedCount} / {r.candidatesCount}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={state.color}>
                          {t(`selection.rounds.status.${state.key}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
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
  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb="sm">
        <Button component={Link} to="/selection/grilles/nouvelle" leftSection={<IconPlus size={16} />}>
          {t('selection.sets.new')}
        </Button>
      </Group>
      <QueryState query={sets}>
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('selection.sets.none')}
            </Text>
          ) : (
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('selection.sets.name')}</Table.Th>
                  <Table.Th>{t('selection.sets.criteria')}</Table.Th>
                  <Table.Th>{t('organisation.fields.status')}</Table.Th>
                  <Table.Th>{t('selection.tabs.rounds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/selection/grilles/${s.id}`} fw={600} size="sm">
                        {s.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('selection.sets.version', { version: s.version })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t('selection.sets.criteriaCount', { count: s.criteria.length })}</Table.Td>
                    <Table.Td>
                      {s.status === 'validated' ? (
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
                      )}
                    </Table.Td>
                    <Table.Td>{t('selection.sets.usedBy', { count: s.roundsCount })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Paper>
  );
}
