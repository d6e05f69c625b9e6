import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArchive,
  IconArrowBackUp,
  IconDots,
  IconEdit,
  IconProgress,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Agreement } from '../../src-main/contract';
import type { Output } from '../../src-main/core/methods';
import { AgreementAmount } from '../agreements/AgreementAmount';
import { AgreementStatusBadge } from '../agreements/AgreementStatusBadge';
import { useCall, useMutate } from '../api/hooks';
import { ConfirmModal, ConfirmRemove } from '../components/ConfirmModal';
import { DataTable } from '../components/DataTable';
import { notifySaved, showCallError } from '../components/forms';
import { QueryState } from '../components/QueryState';
import { formatDate, formatEur, formatFcfa, formatNumber, formatShare, formatUpTo } from '../format';
import { AgreementModal } from '../agreements/AgreementModal';
import { DiagnosticsCard } from '../diagnostics/DiagnosticsCard';
import { statusColor } from './labels';
import { StatusModal } from './StatusModal';
import { ExportMenu } from '../reports/ExportButtons';
import { Field } from '../components/Field';
import { BackLink } from '../components/BackLink';
import { TitledCard } from '../components/TitledCard';
import { NewButton } from '../components/NewButton';

type Detail = Output<'organisations.get'>;

export function OrganisationPage() {
  const { id = '' } = useParams();
  const query = useCall('organisations.get', { id });
  return <QueryState query={query}>{(o) => <OrganisationDetail organisation={o} />}</QueryState>;
}

function OrganisationDetail({ organisation: o }: { organisation: Detail }) {
  const { t } = useTranslation();
  const [statusOpened, status] = useDisclosure();
  const [archiveOpened, archiveModal] = useDisclosure();
  const archive = useMutate('organisations.archive');
  const restore = useMutate('organisations.restore');
  const none = t('common.none');
  const staffTotal = o.staffWomen + o.staffMen;
  const place = [o.commune, o.cercle, o.region].filter(Boolean).join(', ');

  return (
    <Stack gap="md">
      <BackLink to="/organisations">{t('nav.organisations')}</BackLink>

      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{o.name}</Title>
            {o.acronym && (
              <Text c="dimmed" fw={600} size="lg">
                {o.acronym}
              </Text>
            )}
          </Group>
          <Group gap="xs" mt={6}>
            <Badge color={statusColor[o.status]} variant="light" data-testid="organisation-status">
              {t(`organisations.status.${o.status}`)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t(`organisations.type.${o.type}`)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t(`organisations.level.${o.level}`)}
            </Badge>
            {o.archivedAt && (
              <Badge color="red" variant="filled">
                {t('organisations.archivedOn', { date: formatDate(o.archivedAt) })}
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="xs">
          <ExportMenu
            items={[
              {
                label: t('reports.kinds.organisation'),
                request: { kind: 'organisation', organisationId: o.id },
              },
            ]}
          />
          <Button variant="default" leftSection={<IconProgress size={16} />} onClick={status.open}>
            {t('organisations.changeStatus')}
          </Button>
          <Button
            component={Link}
            to={`/organisations/${o.id}/modifier`}
            leftSection={<IconEdit size={16} />}
          >
            {t('common.edit')}
          </Button>
          {o.archivedAt ? (
            <Button
              variant="light"
              leftSection={<IconArrowBackUp size={16} />}
              loading={restore.isPending}
              onClick={() =>
                restore.mutate(
                  { id: o.id },
                  {
                    onSuccess: () => notifySaved(t('organisations.restoredNotice')),
                    onError: (e) => showCallError(e),
                  },
                )
              }
            >
              {t('common.restore')}
            </Button>
          ) : (
            <Button
              variant="light"
              color="red"
              leftSection={<IconArchive size={16} />}
              onClick={archiveModal.open}
            >
              {t('common.archive')}
            </Button>
          )}
        </Group>
      </Group>

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <TitledCard title={t('organisations.sections.profile')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Field label={t('organisations.sections.location')}>{place || none}</Field>
                <Field label={t('organisations.fields.sectors')}>
                  {o.sectors.length ? o.sectors.map((s) => t(`organisations.sector.${s}`)).join(' · ') : none}
                </Field>
                <Field label={t('organisations.fields.mandate')}>
                  {o.mandate ?? t('organisations.noMandate')}
                </Field>
                <Field label={t('organisations.fields.keyFunctions')}>{o.keyFunctions ?? none}</Field>
              </SimpleGrid>
            </TitledCard>
            <DiagnosticsCard organisationId={o.id} />
            <AgreementsCard organisation={o} />
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <TitledCard title={t('organisations.sections.staff')}>
              <SimpleGrid cols={3}>
                <Field label={t('common.women')}>{formatNumber(o.staffWomen)}</Field>
                <Field label={t('common.men')}>{formatNumber(o.staffMen)}</Field>
                <Field label={t('common.total')}>{formatNumber(staffTotal)}</Field>
              </SimpleGrid>
              {staffTotal > 0 && (
                <Text size="sm" c="dimmed" mt="sm">
                  {t('organisations.womenShareValue', { value: formatShare(o.staffWomen / staffTotal) })}
                </Text>
              )}
            </TitledCard>
            <TitledCard title={t('organisations.sections.contact')}>
              {o.contactName || o.contactPhone || o.contactEmail ? (
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {o.contactName ?? none}
                  </Text>
                  {o.contactPosition && <Text size="sm">{o.contactPosition}</Text>}
                  {o.contactPhone && <Text size="sm">{o.contactPhone}</Text>}
                  {o.contactEmail && <Text size="sm">{o.contactEmail}</Text>}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('organisations.noContact')}
                </Text>
              )}
            </TitledCard>
            <TitledCard title={t('organisations.sections.history')}>
              <Timeline bulletSize={14} lineWidth={2} active={0}>
                {o.statusHistory.map((c) => (
                  <Timeline.Item
                    key={c.id}
                    title={
                      c.fromStatus
                        ? t('organisations.historyFrom', {
                            from: t(`organisations.status.${c.fromStatus}`),
                            to: t(`organisations.status.${c.toStatus}`),
                          })
                        : t('organisations.historyCreated', { to: t(`organisations.status.${c.toStatus}`) })
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {formatDate(c.changedOn)}
                    </Text>
                    {c.reason && <Text size="sm">{c.reason}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </TitledCard>
          </Stack>
        </Grid.Col>
      </Grid>

      <StatusModal key={o.status} organisation={o} opened={statusOpened} onClose={status.close} />
      <ConfirmModal
        opened={archiveOpened}
        title={t('organisations.archiveTitle')}
        text={t('organisations.archiveText', { name: o.name })}
        confirmLabel={t('common.archive')}
        loading={archive.isPending}
        onClose={archiveModal.close}
        onConfirm={() =>
          archive.mutate(
            { id: o.id },
            {
              onSuccess: () => {
                notifySaved(t('organisations.archivedNotice'));
                archiveModal.close();
              },
              onError: (e) => showCallError(e),
            },
          )
        }
      />
    </Stack>
  );
}

function AgreementsCard({ organisation: o }: { organisation: Detail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const [removing, setRemoving] = useState<Agreement | null>(null);
  const totals = o.agreementTotals;

  return (
    <TitledCard
      title={t('agreements.title')}
      aside={
        <NewButton size="xs" onClick={() => setEditing('new')}>
          {t('agreements.new')}
        </NewButton>
      }
    >
      <DataTable
        label={t('agreements.title')}
        testId="agreements-table"
        none={t('agreements.none')}
        columns={[
          {
            id: 'number',
            header: t('agreements.fields.number'),
            nowrap: true,
            cell: (a) => (
              <Text span inherit fw={600}>
                {a.number}
              </Text>
            ),
          },
          {
            id: 'signedOn',
            header: t('agreements.fields.signedOn'),
            nowrap: true,
            cell: (a) => formatDate(a.signedOn),
          },
          {
            id: 'endOn',
            header: t('agreements.fields.endOn'),
            nowrap: true,
            cell: (a) => (
              <>
                {formatDate(a.endOn)}
                <Text size="xs" c="dimmed">
                  {t('agreements.durationShort', {
                    count: a.durationMonths,
                    value: formatUpTo(a.durationMonths),
                  })}
                </Text>
              </>
            ),
          },
          {
            id: 'amountFcfa',
            header: t('agreements.fields.amountFcfa'),
            align: 'right',
            nowrap: true,
            cell: (a) => <AgreementAmount fcfa={a.amountFcfa} eur={a.amountEur} />,
          },
          {
            id: 'status',
            header: t('agreements.fields.status'),
            cell: (a) => (
              <>
                <AgreementStatusBadge agreement={a} />
                {a.terminationReason && (
                  <Text size="xs" c="dimmed">
                    {a.terminationReason}
                  </Text>
                )}
              </>
            ),
          },
          {
            id: 'actions',
            header: null,
            width: 40,
            cell: (a) => (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.edit')} ${a.number}`}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setEditing(a)}>
                    {t('common.edit')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setRemoving(a)}>
                    {t('common.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ),
          },
        ]}
        rows={o.agreements}
        foot={
          <>
            <Table.Th colSpan={3}>{t('agreements.count', { count: totals.count })}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="agreements-total">
              {formatFcfa(totals.amountFcfa)}
              <Text size="xs" c="dimmed" data-testid="agreements-total-eur">
                {formatEur(totals.amountEur)}
              </Text>
            </Table.Th>
            <Table.Th colSpan={2}>
              {totals.activeCount < totals.count && (
                <Text size="xs" c="dimmed" title={t('agreements.activeHint')}>
                  {t('agreements.activeAmountValue', { value: formatFcfa(totals.activeAmountFcfa) })}
                </Text>
              )}
              {totals.expiredCount > 0 && (
                <Text size="xs" c="orange">
                  {t('agreements.expiredValue', {
                    count: totals.expiredCount,
                    value: formatFcfa(totals.expiredAmountFcfa),
                  })}
                </Text>
              )}
            </Table.Th>
          </>
        }
        minWidth={600}
        verticalSpacing="xs"
      />
      {o.agreements.length > 0 && (
        <Alert variant="light" color="gray" mt="sm" p="xs">
          <Text size="xs">{t('agreements.parity')}</Text>
        </Alert>
      )}
      {editing && (
        <AgreementModal
          organisationId={o.id}
          agreement={editing === 'new' ? undefined : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmRemove
        method="agreements.remove"
        item={removing}
        input={(a) => ({ id: a.id })}
        title={t('agreements.removeTitle')}
        text={(a) => t('agreements.removeText', { number: a.number })}
        removed={t('agreements.removed')}
        onClose={() => setRemoving(null)}
      />
    </TitledCard>
  );
}
