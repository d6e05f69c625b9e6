import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  changeStatusInput,
  organisationStatuses,
  type ChangeStatusInput,
  type Organisation,
} from '../../src-main/contract';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { useInputForm } from '../components/forms';
import { todayIso } from '../format';
import { LongTextField } from '../components/LongTextField';

export function StatusModal({
  organisation,
  opened,
  onClose,
}: {
  organisation: Organisation;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // The new status re-keys this modal (see OrganisationPage) while the page refreshes: useFormSubmit
  // still closes it, as it awaits the call rather than this instance's callbacks.
  const { form, submit, pending } = useInputForm(
    'organisations.changeStatus',
    changeStatusInput,
    { id: organisation.id, status: null as never, changedOn: todayIso(), reason: '' } as ChangeStatusInput,
    { saved: t('organisations.statusChanged'), onSaved: () => close() },
  );
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('organisations.changeStatus')}
      onSubmit={submit}
      pending={pending}
    >
      <Select
        label={t('organisations.newStatus')}
        withAsterisk
        data={organisationStatuses
          .filter((s) => s !== organisation.status)
          .map((v) => ({ value: v, label: t(`organisations.status.${v}`) }))}
        {...form.getInputProps('status')}
      />
      <DateField label={t('organisations.changedOn')} withAsterisk {...form.getInputProps('changedOn')} />
      <LongTextField
        label={t('organisations.reason')}
        description={t('organisations.reasonHint')}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
