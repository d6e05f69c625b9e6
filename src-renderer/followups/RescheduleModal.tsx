import { Autocomplete, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { rescheduleFollowUpInput, type FollowUp } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';

/** Moves a planned follow-up to another date, or to another trainer, with the reason. */
export function RescheduleModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const trainers = useCall('followUps.list', { view: 'all', pageSize: 1 });
  const reschedule = useMutate('followUps.reschedule');
  const form = useForm({
    initialValues: {
      id: followUp.id,
      dueOn: followUp.dueOn as string | null,
      trainerName: followUp.trainerName ?? '',
      reason: '',
    },
    validate: contractResolver(rescheduleFollowUpInput),
  });
  const submit = form.onSubmit(
    (values) =>
      reschedule.mutate(rescheduleFollowUpInput.parse(values), {
        onSuccess: () => {
          notifySaved(t('results.followUp.rescheduled'));
          onClose();
        },
        onError: (e) => showCallError(e, form),
      }),
    showFormErrors,
  );
  return (
    <Modal opened onClose={onClose} title={t('results.followUp.rescheduleTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <DateField label={t('results.followUp.newDate')} withAsterisk {...form.getInputProps('dueOn')} />
          <Autocomplete
            label={t('results.followUp.trainer')}
            data={trainers.data?.trainers ?? []}
            {...form.getInputProps('trainerName')}
          />
          <Textarea
            label={t('results.followUp.rescheduleReason')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reschedule.isPending}>
              {t('results.followUp.reschedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
