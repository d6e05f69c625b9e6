import {
  Alert,
  Badge,
  Checkbox,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportField,
  ImportKind,
  ImportPreview,
  ImportSheet,
  ImportSheetChoice,
} from '../../src-main/contract';
import { formatNumber } from '../format';
import { issueText } from './messages';

/** The sheets to import as the preview read them: what the user changes next starts from there. */
export const choicesOf = (preview: ImportPreview) =>
  preview.sheets
    .filter((s) => s.included)
    .map((s) => ({ name: s.name, mapping: s.mapping, values: s.values }) satisfies ImportSheetChoice);

/**
 * Which sheets are imported, and for each, the column of every field — or, for a field without a
 * column, one value for all its lines.
 */
export function ColumnsCard({
  kind,
  preview,
  onChange,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  onChange: (sheets: ImportSheetChoice[]) => void;
}) {
  const { t } = useTranslation();
  const chosen = choicesOf(preview);
  const included = preview.sheets.filter((s) => s.included);

  const toggle = (sheet: ImportSheet, on: boolean) =>
    onChange(
      on
        ? preview.sheets
            .filter((s) => s.included || s.name === sheet.name)
            .map((s) => chosen.find((c) => c.name === s.name) ?? { name: s.name })
        : chosen.filter((c) => c.name !== sheet.name),
    );
  const changeSheet = (name: string, next: ImportSheetChoice) =>
    onChange(chosen.map((c) => (c.name === name ? next : c)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-columns">
      <Stack gap="md">
        <Title order={3} size="h4" id="import-columns">
          {t('imports.steps.columns')}
        </Title>
        {preview.sheets.length > 1 && <SheetsTable preview={preview} onToggle={toggle} />}
        {included.map((sheet) => (
          <SheetColumns
            key={sheet.name}
            kind={kind}
            fields={preview.fields}
            sheet={sheet}
            titled={preview.sheets.length > 1}
            onChange={(next) => changeSheet(sheet.name, next)}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function SheetsTable({
  preview,
  onToggle,
}: {
  preview: ImportPreview;
  onToggle: (sheet: ImportSheet, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const onlyOne = preview.sheets.filter((s) => s.included).length === 1;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('imports.sheets.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('imports.sheets.hint')}
      </Text>
      <Table withTableBorder verticalSpacing={4} data-testid="import-sheets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('imports.sheets.name')}</Table.Th>
            <Table.Th ta="right" w={90}>
              {t('imports.sheets.lines')}
            </Table.Th>
            <Table.Th>{t('imports.sheets.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sheets.map((s) => (
            <Table.Tr key={s.name}>
              <Table.Td>
                <Checkbox
                  aria-label={t('imports.sheets.import', { name: s.name })}
                  checked={s.included}
                  // The last sheet stays: an import reads at least one.
                  disabled={s.reason === 'empty' || (s.included && onlyOne)}
                  onChange={(e) => onToggle(s, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td ta="right">{formatNumber(s.lineCount)}</Table.Td>
              <Table.Td>
                {s.included ? (
                  <Badge variant="light" color="teal" tt="none">
                    {t('imports.sheets.included')}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t(`imports.sheets.reasons.${s.reason ?? 'notChosen'}`)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function SheetColumns({
  kind,
  fields,
  sheet,
  titled,
  onChange,
}: {
  kind: ImportKind;
  fields: ImportField[];
  sheet: ImportSheet;
  titled: boolean;
  onChange: (next: ImportSheetChoice) => void;
}) {
  const { t } = useTranslation();
  const label = (key: string) => t(`imports.fields.${kind}.${key}` as 'imports.fields.organisations.name');
  const columns = sheet.columns.map((c) => ({
    value: String(c.index),
    label: c.header
      ? t('imports.columnNamed', { letter: c.letter, header: c.header })
      : t('imports.column', { letter: c.letter }),
  }));
  const used = new Set(Object.values(sheet.mapping));
  const unused = sheet.columns.filter((c) => c.header && !used.has(c.index));
  const setColumn = (field: string, column: number | null) =>
    onChange({
      name: sheet.name,
      mapping: { ...sheet.mapping, [field]: column },
      values: Object.fromEntries(Object.entries(sheet.values).filter(([k]) => k !== field)),
    });
  const setValue = (field: string, value: string) => {
    const { [field]: _, ...rest } = sheet.values;
    onChange({
      name: sheet.name,
      mapping: sheet.mapping,
      values: value ? { ...rest, [field]: value } : rest,
    });
  };

  return (
    <Stack gap="xs" data-testid={`import-columns-${sheet.name}`}>
      {titled && (
        <Text size="sm" fw={700}>
          {t('imports.sheets.columnsOf', { name: sheet.name })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('imports.columnsHint')} {t('imports.headerLine', { line: sheet.headerLine })}
      </Text>
      {sheet.missingFields.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('imports.missingTitle')}>
          {t('imports.missing', { fields: sheet.missingFields.map(label).join(', ') })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
        {fields.map((f) => {
          const column = sheet.mapping[f.key];
          const missing = sheet.missingFields.includes(f.key);
          const valueError = sheet.valueErrors.find((e) => e.field === f.key);
          return (
            <Stack key={f.key} gap={4}>
              <Select
                label={label(f.key)}
                withAsterisk={f.required}
                placeholder={t('imports.noColumn')}
                data={columns}
                value={column === null || column === undefined ? null : String(column)}
                clearable
                error={missing && !f.fixable ? t('errors.importMissingColumns') : undefined}
                onChange={(value) => setColumn(f.key, value === null ? null : Number(value))}
                comboboxProps={{ withinPortal: true }}
              />
              {f.fixable && (column === null || column === undefined) && (
                <ValueForAll
                  field={f}
                  label={`${label(f.key)} — ${t('imports.valueForAll')}`}
                  value={sheet.values[f.key] ?? ''}
                  error={valueError ? issueText(t, valueError) : missing ? t('errors.required') : undefined}
                  onChange={(value) => setValue(f.key, value)}
                />
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      {unused.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('imports.unusedColumns', {
            columns: unused
              .map((c) => t('imports.columnNamed', { letter: c.letter, header: c.header }))
              .join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** One value for every line of the sheet: a choice, or a text kept until the field is left. */
function ValueForAll({
  field,
  label,
  value,
  error,
  onChange,
}: {
  field: ImportField;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  if (field.choices && field.format !== 'choices') {
    return (
      <Select
        size="xs"
        label={t('imports.valueForAll')}
        aria-label={label}
        placeholder={t('imports.valueForAllPlaceholder')}
        data={field.choices.map((c) => ({ value: c.value, label: c.label }))}
        value={value || null}
        clearable
        error={error}
        onChange={(v) => onChange(v ?? '')}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  return (
    <TextInput
      size="xs"
      label={t('imports.valueForAll')}
      aria-label={label}
      placeholder={t('imports.valueForAllPlaceholder')}
      value={text}
      error={error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => text !== value && onChange(text.trim())}
      onKeyDown={(e) => e.key === 'Enter' && text !== value && onChange(text.trim())}
    />
  );
}
