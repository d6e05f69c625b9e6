import { Badge, Button, Card, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { pathwayStatuses, type PathwayStatus } from '../../src-main/contract';
import { useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate, formatFcfa, formatNumber } from '../format';
import { pathwayStatusColor } from './labels';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { PathwayModal } from './PathwayModal';

/** Every skills pathway, or an organisation's (`?organisation=<id>`). */
export function PathwaysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, update, clear } = useSearchState();
  const organisationId = params.get('organisation') ?? undefined;
  const statusParam = params.get('statut');
  const status = pathwayStatuses.includes(statusParam as PathwayStatus)
    ? (statusParam as PathwayStatus)
    : null;
  const list = useCall('pathways.list', { organisationId });
  const [creating, setCreating] = useState(false);
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('training.pathways.new')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('training.pathways.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('training.pathways.subtitle')}
          </Text>
        </div>
        {newButton}
      </Group>

      <Paper p="md" withBorder>
        <Group align="flex-end" gap="sm">
          <OrganisationSelect
            label={t('training.pathways.fields.organisation')}
            placeholder={t('common.all')}
            clearable
            value={organisationId ?? null}
            onChange={(v) => update({ organisation: v })}
            style={{ flex: 1, minWidth: 260, maxWidth: 480 }}
          />
          <Select
            label={t('training.pathways.fields.status')}
            placeholder={t('common.all')}
            clearable
            data={pathwayStatuses.map((v) => ({ value: v, label: t(`training.status.${v}`) }))}
            value={status}
            onChange={(v) => update({ statut: v })}
            w={200}
          />
          {(organisationId || status) && (
            <Button variant="subtle" size="xs" mb={6} onClick={() => clear()}>
              {t('training.clearFilters')}
            </Button>
          )}
        </Group>
      </Paper>

      <QueryState query={list}>
        {(all) => {
          if (all.length === 0 && !organisationId) {
            return (
              <Card withBorder p="xl">
                <Stack align="center" gap="xs">
                  <Title order={3}>{t('training.pathways.emptyTitle')}</Title>
                  <Text c="dimmed">{t('training.pathways.emptyText')}</Text>
                  <Group mt="sm">{newButton}</Group>
                </Stack>
              </Card>
            );
          }
          const shown = status ? all.filter((p) => p.status === status) : all;
          return (
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={900}>
                <Table highlightOnHover verticalSpacing="sm" data-testid="pathways-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('training.pathways.fields.title')}</Table.Th>
                      <Table.Th>{t('training.pathways.fields.organisation')}</Table.Th>
                      <Table.Th>{t('training.pathways.fields.period')}</Table.Th>
                      <Table.Th ta="right">{t('training.pathways.fields.budget')}</Table.Th>
                      <Table.Th>{t('training.pathways.fields.status')}</Table.Th>
                      <Table.Th ta="right">{t('training.pathways.fields.participants')}</Table.Th>
                      <Table.Th ta="right">{t('training.pathways.fields.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={7}>
                          <Text c="dimmed" ta="center" py="md">
                            {t('training.pathways.noMatch')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {shown.map((p) => (
                      <Table.Tr
                        key={p.id}
                        style={{ cursor: 'pointer' }}
                        onClick={() => navigate(`/parcours/${p.id}`)}
                      >
                        <Table.Td>
                          <Text component={Link} to={`/parcours/${p.id}`} fw={600} size="sm" c="dark">
                            {p.title}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{p.organisationName}</Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {t('training.period', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {formatFcfa(p.budgetFcfa)}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={pathwayStatusColor[p.status]} variant="light">
                            {t(`training.status.${p.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(p.participantsCount)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(p.actionsCount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="sm" c="dimmed" mt="md">
                {t('common.results', { count: shown.length })}
              </Text>
            </Paper>
          );
        }}
      </QueryState>

      {creating && <PathwayModal organisationId={organisationId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
