import { ActionIcon, Button, FileButton, Group, Input, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_BYTES } from '../components/documents';
import { formatNumber } from '../format';
import i18n from '../i18n';

const MAX_FILES = 10;

/** `850 Ko`, `3,2 Mo` */
const fileSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))}\u00a0${i18n.t('followups.followUp.kilobytes')}`
    : `${formatNumber(bytes / (1024 * 1024), 1)}\u00a0${i18n.t('followups.followUp.megabytes')}`;

/** Several files chosen for a report, each at most 20 MB; read only when the report is saved. */
export function AttachmentsField({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const add = (chosen: File[]) => {
    const fitting = chosen.filter((file) => {
      if (file.size <= MAX_DOCUMENT_BYTES) return true;
      notifications.show({ color: 'red', message: t('followups.followUp.fileTooLarge', { name: file.name }) });
      return false;
    });
    const next = [...files, ...fitting];
    if (next.length > MAX_FILES) {
      notifications.show({ color: 'red', message: t('followups.followUp.tooManyFiles') });
    }
    onChange(next.slice(0, MAX_FILES));
  };
  return (
    <Stack gap={6}>
      <div>
        <Input.Label>{t('followups.followUp.attachments')}</Input.Label>
        <Input.Description>{t('followups.followUp.attachmentsHint')}</Input.Description>
      </div>
      {files.map((file, i) => (
        <Group key={`${file.name}-${i}`} gap="xs" wrap="nowrap">
          <IconPaperclip size={14} />
          <Text size="sm">{file.name}</Text>
          <Text size="xs" c="dimmed">
            {fileSize(file.size)}
          </Text>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            onClick={() => onChange(files.filter((_, j) => j !== i))}
            aria-label={t('followups.followUp.removeAttachment', { name: file.name })}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <FileButton onChange={add} multiple>
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />}>
              {t('followups.followUp.attachmentsPlaceholder')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
