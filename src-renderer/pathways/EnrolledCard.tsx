import { Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconUserMinus, IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, Pathway } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifySaved, showCallError } from '../components/forms';
import { EnrolModal } from './EnrolModal';
import { ParticipantModal } from '../participants/ParticipantModal';
import { buttonColumn, DataTable, type Column } from '../components/DataTable';
import { fullName } from '../participants/labels';

/** The people of the organisation who follow the pathway. */
export function EnrolledCard({ pathway: p }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [leaving, setLeaving] = useState<Participant | null>(null);
  const enrol = useMutate('pathways.enrol');
  const unenrol = useMutate('pathways.unenrol');
  const women = p.participants.filter((x) => x.sex === 'F').length;
  const none = t('common.none');
  const columns: Column<Pathway['participants'][number]>[] = [
    {
      id: 'name',
      header: t('participants.fields.name'),
      cell: (x) => (
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {fullName(x)}
          </Text>
          {x.decisionMaker && (
            <Badge size="xs" variant="light" color="indigo">
              {t('participants.decisionMakerBadge')}
            </Badge>
          )}
        </Group>
      ),
    },
    { id: 'sex', header: t('participants.fields.sex'), cell: (x) => t(`participants.sex.${x.sex}`) },
    {
      id: 'ageBand',
      header: t('participants.fields.ageBand'),
      cell: (x) => (x.ageBand ? t(`participants.ageBand.${x.ageBand}`) : none),
    },
    { id: 'position', header: t('participants.fields.position'), cell: (x) => x.position ?? none },
    {
      id: 'phone',
      header: t('participants.fields.phone'),
      nowrap: true,
      cell: (x) => x.phone ?? none,
    },
    buttonColumn({
      id: 'unenrol',
      label: (x) => t('pathways.enrolment.unenrolOne', { name: fullName(x) }),
      icon: IconUserMinus,
      color: 'red',
      onClick: setLeaving,
    }),
  ];

  return (
    <Card withBorder component="section" aria-label={t('pathways.enrolment.title')}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>{t('pathways.enrolment.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="enrolled-count">
            {t('pathways.enrolment.count', { count: p.participants.length })}
            {p.participants.length > 0 &&
              ` · ${t('pathways.enrolment.split', { women, men: p.participants.length - women })}`}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUserPlus size={14} />}
            onClick={() => setCreating(true)}
          >
            {t('pathways.enrolment.createOne')}
          </Button>
          <Button size="xs" leftSection={<IconUsersPlus size={14} />} onClick={() => setChoosing(true)}>
            {t('pathways.enrolment.enrol')}
          </Button>
        </Group>
      </Group>
      <DataTable
        label={t('pathways.enrolment.title')}
        testId="enrolled-table"
        columns={columns}
        rows={p.participants}
        none={t('pathways.enrolment.none')}
        minWidth={720}
        verticalSpacing={6}
      />

      {choosing && <EnrolModal pathway={p} onClose={() => setChoosing(false)} />}
      <ParticipantModal
        organisationId={p.organisationId}
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(person) =>
          enrol.mutate(
            { pathwayId: p.id, participantIds: [person.id] },
            {
              onSuccess: () => notifySaved(t('pathways.enrolment.enrolledOne', { name: fullName(person) })),
              onError: (e) => showCallError(e),
            },
          )
        }
      />
      <ConfirmModal
        opened={leaving !== null}
        title={t('pathways.enrolment.unenrolTitle')}
        text={t('pathways.enrolment.unenrolText', { name: leaving ? fullName(leaving) : '' })}
        confirmLabel={t('pathways.enrolment.unenrol')}
        loading={unenrol.isPending}
        onClose={() => setLeaving(null)}
        onConfirm={() =>
          leaving &&
          unenrol.mutate(
            { pathwayId: p.id, participantId: leaving.id },
            {
              onSuccess: () => {
                notifySaved(t('pathways.enrolment.unenrolled'));
                setLeaving(null);
              },
              onError: (e) => showCallError(e),
            },
          )
        }
      />
    </Card>
  );
}
