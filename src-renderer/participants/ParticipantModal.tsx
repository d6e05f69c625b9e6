import { Group, Modal, Radio, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageBands,
  participantFields,
  sexes,
  type Participant,
  type ParticipantFields,
} from '../../src-main/contract';
import { ApiError, call } from '../api/client';
import { useMutate } from '../api/hooks';
import { FormButtons } from '../components/FormModal';
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';
import { DuplicatesWarning } from './DuplicatesWarning';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { optionsOf } from '../components/options';

interface Props {
  /** Given from an organisation's pathway: the person belongs to it. */
  organisationId?: string;
  /** The person to edit; a new one otherwise. */
  participant?: Participant;
  opened: boolean;
  onClose: () => void;
  onSaved?: (p: Participant) => void;
}

/** Registers a participant, warning of likely duplicates first; or edits one. */
export function ParticipantModal({ opened, onClose, participant, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={participant ? t('participants.editTitle') : t('participants.new')}
      size="lg"
      centered
    >
      {/* Mounted only while open, so each opening starts from the person as saved. */}
      {opened && <ParticipantForm participant={participant} onClose={onClose} {...props} />}
    </Modal>
  );
}

const fromParticipant = (p: Participant): ParticipantFields => ({
  organisationId: p.organisationId,
  firstName: p.firstName,
  lastName: p.lastName,
  sex: p.sex,
  ageBand: p.ageBand,
  position: p.position ?? '',
  decisionMaker: p.decisionMaker,
  phone: p.phone ?? '',
});

const isDuplicateConflict = (e: Error) =>
  e instanceof ApiError &&
  e.body.code === 'CONFLICT' &&
  (e.body.issues ?? []).some((issue) => issue.path[0] === 'duplicates');

function ParticipantForm({ organisationId, participant, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const create = useMutate('participants.create');
  const update = useMutate('participants.update');
  const [checking, setChecking] = useState(false);
  const [duplicates, setDuplicates] = useState<Participant[] | null>(null);
  const form = useForm<ParticipantFields>({
    initialValues: participant
      ? fromParticipant(participant)
      : {
          organisationId: organisationId ?? (null as never),
          firstName: '',
          lastName: '',
          sex: null as never,
          ageBand: null,
          position: '',
          decisionMaker: false,
          phone: '',
        },
    validate: contractResolver(participantFields),
    // What was checked is no longer what would be saved.
    onValuesChange: () => setDuplicates(null),
  });

  const saved = (p: Participant) => {
    notifySaved(participant ? t('participants.updated') : t('participants.created'));
    onSaved?.(p);
    onClose();
  };
  const onError = (e: Error) => {
    if (isDuplicateConflict(e)) void check(participantFields.parse(form.getValues()));
    else showCallError(e, form, 'fields');
  };
  const save = (confirmed: boolean) => {
    const fields = participantFields.parse(form.getValues());
    if (participant) update.mutate({ id: participant.id, fields }, { onSuccess: saved, onError });
    else create.mutate({ fields, confirmedNotDuplicate: confirmed }, { onSuccess: saved, onError });
  };
  /** Looks for the same person before saving; returns whether any was found. */
  const check = async (fields: ParticipantFields) => {
    setChecking(true);
    try {
      const found = await call('participants.checkDuplicates', { fields, exceptId: participant?.id });
      setDuplicates(found.length ? found : null);
      return found.length > 0;
    } finally {
      setChecking(false);
    }
  };
  const submit = form.onSubmit(async (values) => {
    try {
      if (!(await check(participantFields.parse(values)))) save(false);
    } catch (e) {
      showCallError(e as Error, form, 'fields');
    }
  }, showFormErrors);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <OrganisationSelect
          label={t('participants.fields.organisation')}
          withAsterisk
          disabled={Boolean(organisationId)}
          {...form.getInputProps('organisationId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('participants.fields.firstName')}
            withAsterisk
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label={t('participants.fields.lastName')}
            withAsterisk
            {...form.getInputProps('lastName')}
          />
          <Radio.Group label={t('participants.fields.sex')} withAsterisk {...form.getInputProps('sex')}>
            <Group gap="lg" mt={8}>
              {sexes.map((s) => (
                <Radio key={s} value={s} label={t(`participants.sex.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Select
            label={t('participants.fields.ageBand')}
            clearable
            data={optionsOf(ageBands, (v) => t(`participants.ageBand.${v}`))}
            {...form.getInputProps('ageBand')}
          />
          <TextInput label={t('participants.fields.position')} {...form.getInputProps('position')} />
          <TextInput
            label={t('participants.fields.phone')}
            placeholder="+223 76 00 00 00"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <Switch
          label={t('participants.fields.decisionMaker')}
          description={t('participants.fields.decisionMakerHint')}
          {...form.getInputProps('decisionMaker', { type: 'checkbox' })}
        />
        {duplicates ? (
          <DuplicatesWarning
            duplicates={duplicates}
            editing={Boolean(participant)}
            saving={create.isPending || update.isPending}
            onChoose={(p) => {
              notifySaved(t('participants.duplicates.chosen'));
              onSaved?.(p);
              onClose();
            }}
            onConfirm={() => save(true)}
            onCancel={onClose}
          />
        ) : (
          <FormButtons onCancel={onClose} pending={checking || create.isPending || update.isPending} />
        )}
      </Stack>
    </form>
  );
}
