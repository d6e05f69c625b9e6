import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { roundFields, type Round, type RoundFields } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { LongTextField } from '../components/LongTextField';

/** Creates a committee round, or edits one. */
export function RoundModal({
  round,
  opened,
  onClose,
}: {
  round?: Round;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sets = useCall('criteriaSets.list', {});
  const create = useMutate('rounds.create');
  const update = useMutate('rounds.update');
  const form = useForm<RoundFields>({
    initialValues: round
      ? {
          title: round.title,
          criteriaSetId: round.criteriaSet.id,
          meetingOn: round.meetingOn,
          place: round.place ?? '',
          quorum: round.quorum,
          notes: round.notes ?? '',
        }
      : {
          title: '',
          criteriaSetId: null as never,
          meetingOn: null as never,
          place: '',
          quorum: 3,
          notes: '',
        },
    validate: contractResolver(roundFields),
  });
  const validated = (sets.data ?? []).filter((s) => s.status === 'validated');
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      const fields = roundFields.parse(values);
      return round ? update.mutateAsync({ id: round.id, fields }) : create.mutateAsync(fields);
    },
    prefix: round ? 'fields' : undefined,
    saved: round ? t('common.saved') : t('selection.rounds.created'),
    onSaved: (r) => {
      onClose();
      if (!round) navigate(`/selection/comites/${r.id}`);
    },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={round ? t('selection.rounds.edit') : t('selection.rounds.new')}
      size="lg"
      onSubmit={submit}
      pending={pending}
    >
      <TextInput label={t('selection.rounds.title')} withAsterisk {...form.getInputProps('title')} />
      <Select
        label={t('selection.rounds.criteriaSet')}
        withAsterisk
        description={validated.length === 0 ? t('selection.rounds.noValidatedSet') : undefined}
        data={validated.map((s) => ({
          value: s.id,
          label: `${s.name} — ${t('selection.sets.version', { version: s.version })}`,
        }))}
        {...form.getInputProps('criteriaSetId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('selection.rounds.meetingOn')}
          withAsterisk
          {...form.getInputProps('meetingOn')}
        />
        <TextInput label={t('selection.rounds.place')} {...form.getInputProps('place')} />
        <NumberField
          label={t('selection.rounds.quorum')}
          withAsterisk
          min={1}
          {...form.getInputProps('quorum')}
        />
      </SimpleGrid>
      <LongTextField label={t('selection.rounds.notes')} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
