import { ActionIcon, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, TrainingModule } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifySaved, showCallError } from '../components/forms';
import { formatDate } from '../format';
import { DocumentLink } from '../components/DocumentLink';
import { useDocumentUpload } from '../components/useDocumentUpload';

/** A module's training materials: stored with the data, downloaded on demand. */
export function ModuleMaterials({ module }: { module: TrainingModule }) {
  const { t } = useTranslation();
  const attach = useMutate('modules.attachMaterial');
  const remove = useMutate('modules.removeMaterial');
  const [removing, setRemoving] = useState<DocumentInfo | null>(null);

  const { upload, busy, error } = useDocumentUpload(
    (document) => attach.mutateAsync({ id: module.id, document }),
    t('modules.materials.attached'),
  );

  return (
    <Stack gap="xs" aria-label={t('modules.materials.title')} component="section">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('modules.materials.title')}
        </Text>
        <FileButton onChange={(file) => void upload(file)}>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              leftSection={<IconPaperclip size={14} />}
              loading={busy}
            >
              {t('modules.materials.add')}
            </Button>
          )}
        </FileButton>
      </Group>
      {module.materials.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('modules.materials.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {module.materials.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap" data-testid="material">
              <DocumentLink
                document={m}
                title={t('modules.materials.download')}
                added={t('modules.materials.addedOn', { date: formatDate(m.createdAt) })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('modules.materials.removeOne', { name: m.name })}
                onClick={() => setRemoving(m)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <Text size="xs" c={error ? 'red.7' : 'dimmed'} role={error ? 'alert' : undefined}>
        {error ?? t('modules.materials.maxSize')}
      </Text>
      <ConfirmModal
        opened={removing !== null}
        title={t('modules.materials.removeTitle')}
        text={t('modules.materials.removeText', { name: removing?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { id: module.id, documentId: removing.id },
            {
              onSuccess: () => {
                notifySaved(t('modules.materials.removed'));
                setRemoving(null);
              },
              onError: (e) => showCallError(e),
            },
          )
        }
      />
    </Stack>
  );
}
