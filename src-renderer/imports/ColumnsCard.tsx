import { Alert, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportMapping, ImportPreview } from '../../src-main/contract';

/** One choice of column per field, suggested from the file's headers and changed at will. */
export function ColumnsCard({
  kind,
  preview,
  onChange,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const label = (key: string) => t(`imports.fields.${kind}.${key}` as 'imports.fields.organisations.name');
  const columns = preview.columns.map((c) => ({
    value: String(c.index),
    label: c.header
      ? t('imports.columnNamed', { letter: c.letter, header: c.header })
      : t('imports.column', { letter: c.letter }),
  }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-columns">
      <Stack gap="sm">
        <Title order={3} size="h4" id="import-columns">
          {t('imports.steps.columns')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imports.columnsHint')} {t('imports.headerLine', { line: preview.headerLine })}
        </Text>
        {preview.missingFields.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle />} title={t('imports.missingTitle')}>
            {t('imports.missing', { fields: preview.missingFields.map(label).join(', ') })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
          {preview.fields.map((f) => {
            const column = preview.mapping[f.key];
            return (
              <Select
                key={f.key}
                label={label(f.key)}
                withAsterisk={f.required}
                placeholder={t('imports.noColumn')}
                data={columns}
                value={column === null || column === undefined ? null : String(column)}
                clearable={!f.required}
                allowDeselect={!f.required}
                error={preview.missingFields.includes(f.key) ? t('errors.importMissingColumns') : undefined}
                onChange={(value) =>
                  onChange({ ...preview.mapping, [f.key]: value === null ? null : Number(value) })
                }
                comboboxProps={{ withinPortal: true }}
              />
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
