import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Input, Method } from '../../src-main/core/methods';
import { useMutate } from '../api/hooks';
import { notifySaved, showCallError } from './forms';

/** Asks before an action that changes what people see (archive, delete). */
export function ConfirmModal({
  opened,
  title,
  text,
  confirmLabel,
  color = 'red',
  loading,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{text}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Asks before deleting `item` (null: closed), deletes it with `method`, says so and closes. */
export function ConfirmRemove<M extends Method, T>({
  method,
  item,
  input,
  title,
  text,
  removed,
  onClose,
}: {
  method: M;
  item: T | null;
  input: (item: T) => Input<M>;
  title: string;
  text: (item: T) => string;
  /** The notice once it is deleted. */
  removed: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutate(method);
  return (
    <ConfirmModal
      opened={item !== null}
      title={title}
      text={item === null ? '' : text(item)}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onClose={onClose}
      onConfirm={() =>
        item !== null &&
        remove.mutate(input(item), {
          onSuccess: () => {
            notifySaved(removed);
            onClose();
          },
          onError: (e) => showCallError(e),
        })
      }
    />
  );
}
