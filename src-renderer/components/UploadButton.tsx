import { Button, FileButton, Text, type TextProps } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { useDocumentUpload } from './useDocumentUpload';

type Upload = ReturnType<typeof useDocumentUpload>;

/** Picks a file and hands it to a document upload (useDocumentUpload); spins while it is sent. */
export function UploadButton({
  upload: { upload, busy },
  children,
}: {
  upload: Upload;
  children: ReactNode;
}) {
  return (
    <FileButton onChange={(file) => void upload(file)}>
      {(props) => (
        <Button
          {...props}
          size="xs"
          variant="default"
          leftSection={<IconPaperclip size={14} />}
          loading={busy}
        >
          {children}
        </Button>
      )}
    </FileButton>
  );
}

/** Under an upload button: what files it takes, or why the last one was refused. */
export function UploadNote({
  upload: { error },
  hint,
  ...props
}: { upload: Upload; hint: string } & TextProps) {
  return (
    <Text size="xs" c={error ? 'red' : 'dimmed'} role={error ? 'alert' : undefined} {...props}>
      {error ?? hint}
    </Text>
  );
}
