import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import type { DocumentInfo } from '../../src-main/contract';
import { formatSize } from '../format';
import { downloadDocument } from './documents';
import { showCallError } from './forms';

/** Saves a stored document (save dialog or download); a refusal is told in a notification. */
const save = (id: string) => downloadDocument(id).catch((e: Error) => showCallError(e));

/** A stored document by its name, which saves it, over its size and `added` (« ajouté le … »). */
export function DocumentLink({
  document,
  title,
  added,
}: {
  document: DocumentInfo;
  title: string;
  added: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <IconFileText size={20} stroke={1.6} />
      <div>
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          title={title}
          onClick={() => save(document.id)}
        >
          {document.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatSize(document.size)} · {added}
        </Text>
      </div>
    </Group>
  );
}

/** A button named after a stored document, which saves it. */
export function DocumentButton({
  document,
  label,
}: {
  document: Pick<DocumentInfo, 'id' | 'name'>;
  label: string;
}) {
  return (
    <Button
      variant="light"
      size="xs"
      leftSection={<IconDownload size={14} />}
      onClick={() => save(document.id)}
      aria-label={label}
    >
      {document.name}
    </Button>
  );
}
