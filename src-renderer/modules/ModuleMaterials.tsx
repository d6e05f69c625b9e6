import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, TrainingModule } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { ConfirmRemove } from '../components/ConfirmModal';
import { formatDate } from '../format';
import { DocumentLink } from '../components/DocumentLink';
import { useDocumentUpload } from '../components/useDocumentUpload';
import { UploadButton, UploadNote } from '../components/UploadButton';
import { EmptyLine } from '../components/EmptyState';

/** A module's training materials: stored with the data, downloaded on demand. */
export function ModuleMaterials({ module }: { module: TrainingModule }) {
  const { t } = useTranslation();
  const attach = useMutate('modules.attachMaterial');
  const [removing, setRemoving] = useState<DocumentInfo | null>(null);

  const upload = useDocumentUpload(
    (document) => attach.mutateAsync({ id: module.id, document }),
    t('modules.materials.attached'),
  );

  return (
    <Stack gap="xs" aria-label={t('modules.materials.title')} component="section">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('modules.materials.title')}
        </Text>
        <UploadButton upload={upload}>{t('modules.materials.add')}</UploadButton>
      </Group>
      {module.materials.length === 0 ? (
        <EmptyLine>{t('modules.materials.none')}</EmptyLine>
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
      <UploadNote upload={upload} hint={t('modules.materials.maxSize')} />
      <ConfirmRemove
        method="modules.removeMaterial"
        item={removing}
        input={(m) => ({ id: module.id, documentId: m.id })}
        title={t('modules.materials.removeTitle')}
        text={(m) => t('modules.materials.removeText', { name: m.name })}
        removed={t('modules.materials.removed')}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
