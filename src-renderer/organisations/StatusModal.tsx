import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  changeStatusInput,
  organisationStatuses,
  type ChangeStatusInput,
  type Organisation,
} from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { todayIso } from '../format';

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
  const change = useMutate('organisations.changeStatus');
  const form = useForm<ChangeStatusInput>({
    initialValues: { id: organisation.id, status: null as never, changedOn: todayIso(), reason: '' },
    validate: contractResolver(changeStatusInput),
  });
  const close = () => {
    form.reset();
    onClose();
  };
  // The new status re-keys this modal (see OrganisationPage) while the page refreshes: useFormSubmit
  // still closes it, as it awaits the call rather than this instance's callbacks.
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => change.mutateAsync(changeStatusInput.parse(values)),
    saved: t('organisations.statusChanged'),
    onSaved: close,
  });
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
      <Textarea
        label={t('organisations.reason')}
        description={t('organisations.reasonHint')}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
