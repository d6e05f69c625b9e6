import { Autocomplete } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rescheduleFollowUpInput, type FollowUp } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { useInputForm } from '../components/forms';
import { LongTextField } from '../components/LongTextField';

/** Moves a planned follow-up to another date, or to another trainer, with the reason. */
export function RescheduleModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const trainers = useCall('followUps.list', { view: 'all', pageSize: 1 });
  const { form, submit, pending } = useInputForm(
    'followUps.reschedule',
    rescheduleFollowUpInput,
    {
      id: followUp.id,
      dueOn: followUp.dueOn as string | null,
      trainerName: followUp.trainerName ?? '',
      reason: '',
    },
    { saved: t('followups.followUp.rescheduled'), onSaved: onClose },
  );
  return (
    <FormModal
      onClose={onClose}
      title={t('followups.followUp.rescheduleTitle')}
      onSubmit={submit}
      pending={pending}
      submitLabel={t('followups.followUp.reschedule')}
    >
      <DateField label={t('followups.followUp.newDate')} withAsterisk {...form.getInputProps('dueOn')} />
      <Autocomplete
        label={t('followups.followUp.trainer')}
        data={trainers.data?.trainers ?? []}
        {...form.getInputProps('trainerName')}
      />
      <LongTextField
        label={t('followups.followUp.rescheduleReason')}
        withAsterisk
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
