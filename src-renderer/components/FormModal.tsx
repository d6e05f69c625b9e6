import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Buttons = {
  /** While the form is being sent: the submit button spins. */
  pending?: boolean;
  /** « Enregistrer » unless told. */
  submitLabel?: string;
  submitColor?: string;
  /** « Annuler » unless told. */
  cancelLabel?: string;
};

/** The end of a form: cancel (an action, or a link back to `cancelTo`) and submit. */
export function FormButtons({
  pending,
  submitLabel,
  submitColor,
  cancelLabel,
  onCancel,
  cancelTo,
}: Buttons & { onCancel?: () => void; cancelTo?: string }) {
  const { t } = useTranslation();
  const cancel = cancelLabel ?? t('common.cancel');
  return (
    <Group justify="flex-end">
      {cancelTo ? (
        <Button variant="default" component={Link} to={cancelTo}>
          {cancel}
        </Button>
      ) : (
        <Button variant="default" onClick={onCancel}>
          {cancel}
        </Button>
      )}
      <Button type="submit" color={submitColor} loading={pending}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** A form in a dialog: its fields, then cancel (which closes it) and submit. */
export function FormModal({
  opened = true,
  onClose,
  title,
  size,
  onSubmit,
  children,
  ...buttons
}: Buttons & {
  opened?: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <FormButtons onCancel={onClose} {...buttons} />
        </Stack>
      </form>
    </Modal>
  );
}
