import { Badge, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, Session } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifySaved, showCallError } from '../components/forms';
import { WalkInModal } from './WalkInModal';
import { ParticipantModal } from '../participants/ParticipantModal';
import { buttonColumn, DataTable, type Column } from '../components/DataTable';
import { fullName } from '../participants/labels';
import { TitledCard } from '../components/TitledCard';

type Person = Session['participants'][number];

/** Who is registered: the pathway's enrolled people and those who came on the day. */
export function ParticipantsCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  // A walk-in is looked for among the people recorded, or created (with the duplicate check).
  const [walkIn, setWalkIn] = useState<'find' | 'create' | null>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const add = useMutate('sessions.addParticipants');
  const remove = useMutate('sessions.removeParticipant');
  const addWalkIn = (p: Participant) => {
    if (session.participants.some((x) => x.id === p.id)) {
      notifications.show({ message: t('sessions.walkIn.alreadyRegistered', { name: fullName(p) }) });
      return setWalkIn(null);
    }
    add.mutate(
      { sessionId: session.id, participantIds: [p.id], walkIn: true },
      {
        onSuccess: () => (
          notifySaved(t('sessions.participants.added', { name: fullName(p) })),
          setWalkIn(null)
        ),
        onError: (e) => showCallError(e),
      },
    );
  };
  const none = t('common.none');
  const columns: Column<Session['participants'][number]>[] = [
    {
      id: 'name',
      header: t('sessions.participants.name'),
      cell: (p) => (
        <Text span inherit fw={600}>
          {fullName(p)}
        </Text>
      ),
    },
    {
      id: 'organisation',
      header: t('sessions.participants.organisation'),
      cell: (p) => p.organisationAcronym ?? p.organisationName,
    },
    { id: 'position', header: t('sessions.participants.position'), cell: (p) => p.position ?? none },
    { id: 'sex', header: t('sessions.participants.sex'), cell: (p) => t(`sessions.sex.${p.sex}`) },
    { id: 'phone', header: t('sessions.participants.phone'), nowrap: true, cell: (p) => p.phone ?? none },
    {
      id: 'registration',
      header: t('sessions.participants.registration'),
      cell: (p) =>
        p.walkIn ? (
          <Badge variant="light" color="orange">
            {t('sessions.participants.walkIn')}
          </Badge>
        ) : (
          <Badge variant="light" color="gray">
            {t('sessions.participants.enrolled')}
          </Badge>
        ),
    },
    buttonColumn({
      id: 'remove',
      label: (p) => t('sessions.participants.remove', { name: fullName(p) }),
      icon: IconTrash,
      color: 'red',
      onClick: setRemoving,
    }),
  ];
  const confirmRemove = () =>
    removing &&
    remove.mutate(
      { sessionId: session.id, participantId: removing.id },
      {
        onSuccess: () => (notifySaved(t('sessions.participants.removed')), setRemoving(null)),
        onError: (e) => (showCallError(e), setRemoving(null)),
      },
    );
  return (
    <TitledCard
      title={
        <>
          {t('sessions.participants.title')}{' '}
          <Text span c="dimmed" fw={500}>
            ({session.participants.length})
          </Text>
        </>
      }
      aside={
        <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setWalkIn('find')}>
          {t('sessions.participants.addWalkIn')}
        </Button>
      }
    >
      <DataTable
        label={t('sessions.participants.title')}
        testId="session-participants"
        columns={columns}
        rows={session.participants}
        none={t('sessions.participants.none')}
        minWidth={760}
        verticalSpacing={6}
      />
      {walkIn === 'find' && (
        <WalkInModal
          session={session}
          opened
          adding={add.isPending}
          onAdd={addWalkIn}
          onCreateNew={() => setWalkIn('create')}
          onClose={() => setWalkIn(null)}
        />
      )}
      <ParticipantModal opened={walkIn === 'create'} onClose={() => setWalkIn(null)} onSaved={addWalkIn} />
      <ConfirmModal
        opened={removing !== null}
        title={t('sessions.participants.removeTitle')}
        text={t('sessions.participants.removeText', { name: removing ? fullName(removing) : '' })}
        confirmLabel={t('sessions.participants.removeConfirm')}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </TitledCard>
  );
}
