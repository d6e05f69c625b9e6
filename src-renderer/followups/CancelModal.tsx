import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { cancelFollowUpInput, type FollowUp } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';

/** Cancels a planned follow-up; the reason is required and kept. */
export function CancelModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useMutate('followUps.cancel');
  const form = useForm({
    initialValues: { id: followUp.id, reason: '' },
    validate: contractResolver(cancelFollowUpInput),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => cancel.mutateAsync(cancelFollowUpInput.parse(values)),
    saved: t('followups.followUp.cancelled'),
    onSaved: onClose,
  });
  return (
    <FormModal
      onClose={onClose}
      title={t('followups.followUp.cancelTitle')}
      onSubmit={submit}
      pending={pending}
      cancelLabel={t('followups.followUp.keep')}
      submitLabel={t('followups.followUp.cancelConfirm')}
      submitColor="red"
    >
      <Text size="sm">{t('followups.followUp.cancelText')}</Text>
      <Textarea
        label={t('followups.followUp.cancelReason')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
