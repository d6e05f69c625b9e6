import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportKind, ImportPreview, ImportRow, Resemblance } from '../../src-main/contract';
import { issueText } from './messages';
import { formatStored } from './stored';

const statusColor = { valid: 'teal', error: 'red', duplicate: 'orange', ignored: 'gray' } as const;
const rowBackground = {
  valid: undefined,
  error: 'var(--mantine-color-red-0)',
  duplicate: 'var(--mantine-color-orange-0)',
  ignored: 'var(--mantine-color-gray-0)',
} as const;

/**
 * The lines as Parcours understood them: for each field what will be stored, the cell as written
 * beneath it when that reads otherwise, then its errors and what to check; the line's state first.
 */
export function PreviewTable({
  kind,
  preview,
  resemblances,
  onSettle,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  resemblances: Resemblance[];
  onSettle: (row: ImportRow, samePerson: boolean | null) => void;
}) {
  const { t } = useTranslation();
  const included = preview.sheets.filter((s) => s.included);
  const shown = preview.fields.filter((f) =>
    included.some((s) => s.mapping[f.key] !== null || f.key in s.values),
  );
  const fieldOf = (key: string) => preview.fields.find((f) => f.key === key);
  const label = (key: string) => t(`imports.fields.${kind}.${key}` as 'imports.fields.organisations.name');
  const manySheets = included.length > 1;

  const differences = (issue: ImportIssue) =>
    issue.differences && issue.differences.length > 0 ? (
      <Table withTableBorder verticalSpacing={2} horizontalSpacing={6} fz="xs" mt={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.table.field')}</Table.Th>
            <Table.Th>{t('imports.table.file')}</Table.Th>
            <Table.Th>{t('imports.table.recorded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issue.differences.map((d) => (
            <Table.Tr key={d.field}>
              <Table.Td>{label(d.field)}</Table.Td>
              <Table.Td fw={600}>{formatStored(t, fieldOf(d.field), d.file)}</Table.Td>
              <Table.Td>{formatStored(t, fieldOf(d.field), d.recorded)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    ) : null;

  const stateCell = (row: ImportRow) => {
    const lineIssues = row.errors.filter((e) => !e.field || !shown.some((f) => f.key === e.field));
    const settled = resemblances.find((r) => r.sheet === row.sheet && r.line === row.line);
    return (
      <Stack gap={4}>
        <Badge color={statusColor[row.status]} variant="light" size="sm">
          {t(`imports.table.${row.status}`)}
        </Badge>
        {lineIssues.map((issue, i) => (
          <div key={i}>
            <Text size="xs" c="red">
              {issue.field ? `${label(issue.field)} : ` : ''}
              {issueText(t, issue)}
            </Text>
            {differences(issue)}
          </div>
        ))}
        {row.duplicate && (
          <Text size="xs" c="orange">
            {issueText(t, row.duplicate)}
          </Text>
        )}
        {row.notices.map((notice, i) => (
          <Text key={i} size="xs" c="dimmed">
            {issueText(t, notice)}
          </Text>
        ))}
        {row.warnings
          .filter((w) => !w.field || !shown.some((f) => f.key === w.field))
          .map((warning, i) => (
            <Text key={i} size="xs" c="orange">
              {issueText(t, warning)}
            </Text>
          ))}
        {row.resemblance &&
          (settled ? (
            <Group gap={4}>
              <Text size="xs" c="dimmed">
                {t(settled.samePerson ? 'imports.table.samePersonChosen' : 'imports.table.otherPersonChosen')}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onSettle(row, null)}>
                {t('imports.table.undo')}
              </Button>
            </Group>
          ) : (
            <Group gap={4}>
              <Button size="compact-xs" variant="light" onClick={() => onSettle(row, true)}>
                {t('imports.table.samePerson')}
              </Button>
              <Button size="compact-xs" variant="light" onClick={() => onSettle(row, false)}>
                {t('imports.table.otherPerson')}
              </Button>
            </Group>
          ))}
      </Stack>
    );
  };

  const fieldCell = (row: ImportRow, key: string) => {
    const field = fieldOf(key)!;
    const errors = row.errors.filter((e) => e.field === key);
    const warnings = row.warnings.filter((w) => w.field === key);
    const cell = row.cells[key];
    const stored = formatStored(t, field, row.stored[key]);
    // Without a cell: the sheet's value for every line, or what Parcours computes (an end date).
    const fromSheet = cell === undefined && stored !== '';
    const sheetValue = preview.sheets.find((s) => s.name === row.sheet)?.values[key] !== undefined;
    return (
      <Table.Td
        key={key}
        style={
          errors.length
            ? { background: 'var(--mantine-color-red-1)' }
            : warnings.length
              ? { background: 'var(--mantine-color-yellow-1)' }
              : undefined
        }
      >
        {row.status !== 'error' || !errors.length ? (
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {stored || cell || ''}
          </Text>
        ) : (
          <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
            {cell ?? ''}
          </Text>
        )}
        {fromSheet && (
          <Text size="xs" c="dimmed">
            {t(sheetValue ? 'imports.table.forAll' : 'imports.table.computed')}
          </Text>
        )}
        {cell && stored && cell !== stored && !errors.length && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {t('imports.table.cell', { value: cell })}
          </Text>
        )}
        {errors.map((e, i) => (
          <Text key={i} size="xs" c="red" fw={500}>
            {issueText(t, e)}
          </Text>
        ))}
        {warnings.map((w, i) => (
          <Text key={i} size="xs" c="orange" fw={500}>
            {issueText(t, w)}
          </Text>
        ))}
      </Table.Td>
    );
  };

  return (
    <Table.ScrollContainer minWidth={Math.max(700, 300 + shown.length * 150)}>
      <Table verticalSpacing="xs" withColumnBorders data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            {manySheets && <Table.Th w={90}>{t('imports.table.sheet')}</Table.Th>}
            <Table.Th w={64}>{t('imports.table.line')}</Table.Th>
            <Table.Th miw={220} w={260}>
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
              <Table.Td colSpan={(manySheets ? 3 : 2) + shown.length}>
                <Text c="dimmed" ta="center" py="md">
                  {t('imports.table.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {preview.rows.map((row) => (
            <Table.Tr
              key={`${row.sheet}:${row.line}`}
              data-testid={`import-line-${manySheets ? `${row.sheet}-` : ''}${row.line}`}
              style={{ background: rowBackground[row.status], verticalAlign: 'top' }}
            >
              {manySheets && (
                <Table.Td>
                  <Text size="sm">{row.sheet}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.line}
                </Text>
              </Table.Td>
              <Table.Td>{stateCell(row)}</Table.Td>
              {shown.map((f) => fieldCell(row, f.key))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
