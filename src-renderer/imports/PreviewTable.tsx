import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview, ImportRow } from '../../src-main/contract';
import { issueText } from './messages';

const statusColor = { valid: 'teal', error: 'red', duplicate: 'orange' } as const;
const rowBackground = {
  valid: undefined,
  error: 'var(--mantine-color-red-0)',
  duplicate: 'var(--mantine-color-orange-0)',
} as const;

/** The file's lines as read: each cell as written, its error beneath it, the line's state first. */
export function PreviewTable({ kind, preview }: { kind: ImportKind; preview: ImportPreview }) {
  const { t } = useTranslation();
  const shown = preview.fields.filter((f) => preview.mapping[f.key] !== null);
  const label = (key: string) => t(`imports.fields.${kind}.${key}` as 'imports.fields.organisations.name');

  const stateCell = (row: ImportRow) => {
    const lineIssues = row.errors.filter((e) => !e.field || !shown.some((f) => f.key === e.field));
    return (
      <Stack gap={4}>
        <Badge color={statusColor[row.status]} variant="light" size="sm">
          {t(`imports.table.${row.status}`)}
        </Badge>
        {lineIssues.map((issue, i) => (
          <Text key={i} size="xs" c="red.8">
            {issue.field ? `${label(issue.field)} : ` : ''}
            {issueText(t, issue)}
          </Text>
        ))}
        {row.duplicate && (
          <Text size="xs" c="orange.9">
            {issueText(t, row.duplicate)}
          </Text>
        )}
        {row.notices.map((notice, i) => (
          <Text key={i} size="xs" c="dimmed">
            {issueText(t, notice)}
          </Text>
        ))}
      </Stack>
    );
  };

  return (
    <Table.ScrollContainer minWidth={Math.max(700, 280 + shown.length * 150)}>
      <Table verticalSpacing="xs" withColumnBorders data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{t('imports.table.line')}</Table.Th>
            <Table.Th miw={200} w={220}>
              {t('imports.table.state')}
            </Table.Th>
            {shown.map((f) => (
              <Table.Th key={f.key} miw={120} maw={320}>
                {label(f.key)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={2 + shown.length}>
                <Text c="dimmed" ta="center" py="md">
                  {t('imports.table.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {preview.rows.map((row) => (
            <Table.Tr
              key={row.line}
              data-testid={`import-line-${row.line}`}
              style={{ background: rowBackground[row.status], verticalAlign: 'top' }}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.line}
                </Text>
              </Table.Td>
              <Table.Td>{stateCell(row)}</Table.Td>
              {shown.map((f) => {
                const errors = row.errors.filter((e) => e.field === f.key);
                return (
                  <Table.Td
                    key={f.key}
                    style={errors.length ? { background: 'var(--mantine-color-red-1)' } : undefined}
                  >
                    <Text
                      size="sm"
                      c={errors.length ? 'red.9' : undefined}
                      style={{ wordBreak: 'break-word' }}
                    >
                      {row.values[f.key] ?? ''}
                    </Text>
                    {errors.map((e, i) => (
                      <Text key={i} size="xs" c="red.8" fw={500}>
                        {issueText(t, e)}
                      </Text>
                    ))}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
