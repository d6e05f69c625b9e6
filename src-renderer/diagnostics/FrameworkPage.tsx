import { Alert, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../src-main/core/methods';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { FrameworkEditor } from './FrameworkEditor';
import { FrameworkView } from './FrameworkView';
import { PageHeader } from '../components/PageHeader';

type Framework = Output<'grids.list'>[number];

/** The diagnostic grid: its current version, its past versions, and a new version when edited. */
export function FrameworkPage() {
  const { t } = useTranslation();
  const list = useCall('grids.list', {});
  useEffect(() => {
    document.title = `${t('diagnostics.grid.title')} — Parcours`;
  }, [t]);
  return (
    <QueryState query={list}>
      {(frameworks) => (frameworks[0] ? <FrameworkVersions framework={frameworks[0]} /> : null)}
    </QueryState>
  );
}

function FrameworkVersions({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const [viewed, setViewed] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const versionId = viewed ?? framework.currentVersionId;
  const version = useCall('grids.getVersion', { id: versionId });
  const current = framework.versions.find((v) => v.id === framework.currentVersionId)!;

  if (editing) {
    return (
      <QueryState query={version}>
        {(v) => (
          <FrameworkEditor
            version={v}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setViewed(null);
              setEditing(false);
            }}
          />
        )}
      </QueryState>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('diagnostics.grid.title')} subtitle={t('diagnostics.grid.subtitle')}>
        {versionId === framework.currentVersionId && (
          <Button
            leftSection={<IconEdit size={16} />}
            onClick={() => setEditing(true)}
            disabled={!version.data}
          >
            {t('diagnostics.grid.edit')}
          </Button>
        )}
      </PageHeader>

      {versionId !== framework.currentVersionId && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          <Group justify="space-between">
            <Text size="sm">
              {t('diagnostics.grid.viewing', {
                version: framework.versions.find((v) => v.id === versionId)?.version,
                current: current.version,
              })}
            </Text>
            <Button size="xs" variant="light" color="yellow" onClick={() => setViewed(null)}>
              {t('diagnostics.grid.backToCurrent')}
            </Button>
          </Group>
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <QueryState query={version}>
            {(v) => <FrameworkView version={v} isCurrent={v.id === framework.currentVersionId} />}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <VersionsCard framework={framework} viewed={versionId} onView={setViewed} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function VersionsCard({
  framework,
  viewed,
  onView,
}: {
  framework: Framework;
  viewed: string;
  onView: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-label={t('diagnostics.grid.versions')}>
      <Title order={4}>{t('diagnostics.grid.versions')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('diagnostics.grid.versionsHint')}
      </Text>
      <Table verticalSpacing={6} horizontalSpacing={4} data-testid="framework-versions">
        <Table.Tbody>
          {framework.versions.map((v) => (
            <Table.Tr key={v.id} bg={v.id === viewed ? 'var(--mantine-color-teal-light)' : undefined}>
              <Table.Td>
                <Group gap={6}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => onView(v.id)}
                    aria-label={t('diagnostics.grid.view', { version: v.version })}
                  >
                    {t('diagnostics.grid.version', { version: v.version })}
                  </Button>
                  {v.id === framework.currentVersionId && (
                    <Badge size="xs" variant="light">
                      {t('diagnostics.grid.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" pl={8}>
                  {t('diagnostics.grid.createdOn', { date: formatDate(v.createdAt) })} ·{' '}
                  {t('diagnostics.grid.diagnostics', { count: v.diagnosticsCount })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
