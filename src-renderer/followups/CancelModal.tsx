import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cancelFollowUpInput, type FollowUp } from '../../src-main/contract';
import { FormModal } from '../components/FormModal';
import { useInputForm } from '../components/forms';
import { LongTextField } from '../components/LongTextField';

/** Cancels a planned follow-up; the reason is required and kept. */
export function CancelModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, submit, pending } = useInputForm(
    'followUps.cancel',
    cancelFollowUpInput,
    { id: followUp.id, reason: '' },
    { saved: t('followups.followUp.cancelled'), onSaved: onClose },
  );
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
      <LongTextField
        label={t('followups.followUp.cancelReason')}
        withAsterisk
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
