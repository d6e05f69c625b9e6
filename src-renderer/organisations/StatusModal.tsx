import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
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
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';
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
  // The new status re-keys this modal (see OrganisationPage) while the page refreshes, which drops
  // `mutate`'s own callbacks: the promise settles whether or not this instance is still mounted.
  const submit = form.onSubmit(
    (values) =>
      change.mutateAsync(changeStatusInput.parse(values)).then(
        () => {
          notifySaved(t('organisation.statusChanged'));
          close();
        },
        (e: Error) => showCallError(e, form),
      ),
    showFormErrors,
  );
  return (
    <Modal opened={opened} onClose={close} title={t('organisation.changeStatus')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('organisation.newStatus')}
            withAsterisk
            data={organisationStatuses
              .filter((s) => s !== organisation.status)
              .map((v) => ({ value: v, label: t(`organisation.status.${v}`) }))}
            {...form.getInputProps('status')}
          />
          <DateField label={t('organisation.changedOn')} withAsterisk {...form.getInputProps('changedOn')} />
          <Textarea
            label={t('organisation.reason')}
            description={t('organisation.reasonHint')}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
