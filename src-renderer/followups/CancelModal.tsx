import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { cancelFollowUpInput, type FollowUp } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';

/** Cancels a planned follow-up; the reason is required and kept. */
export function CancelModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useMutate('followUps.cancel');
  const form = useForm({
    initialValues: { id: followUp.id, reason: '' },
    validate: contractResolver(cancelFollowUpInput),
  });
  const submit = form.onSubmit(
    (values) =>
      cancel.mutate(cancelFollowUpInput.parse(values), {
        onSuccess: () => {
          notifySaved(t('results.followUp.cancelled'));
          onClose();
        },
        onError: (e) => showCallError(e, form),
      }),
    showFormErrors,
  );
  return (
    <Modal opened onClose={onClose} title={t('results.followUp.cancelTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('results.followUp.cancelText')}</Text>
          <Textarea
            label={t('results.followUp.cancelReason')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('results.followUp.keep')}
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t('results.followUp.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
