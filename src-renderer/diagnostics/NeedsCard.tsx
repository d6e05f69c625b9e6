import { ActionIcon, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AddItemButton, RemoveItemButton } from '../components/ListField';
import type { DiagnosticFormType, Grid } from './values';
import { EmptyLine } from '../components/EmptyState';
import { LongTextField } from '../components/LongTextField';

/** The prioritised capacity needs found by the diagnostic, highest priority first. */
export function NeedsCard({ grid, form }: { grid: Grid; form: DiagnosticFormType }) {
  const { t } = useTranslation();
  const needs = form.values.needs;
  const domains = grid.domains.map((d) => ({ value: d.code, label: d.name }));
  const move = (from: number, to: number) => form.reorderListItem('needs', { from, to });

  return (
    <Card withBorder component="section" aria-label={t('diagnostics.needs.title')}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>{t('diagnostics.needs.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('diagnostics.needs.hint')}
          </Text>
        </div>
        <AddItemButton onClick={() => form.insertListItem('needs', { domainCode: '', description: '' })}>
          {t('diagnostics.needs.add')}
        </AddItemButton>
      </Group>
      {needs.length === 0 ? (
        <EmptyLine>{t('diagnostics.needs.none')}</EmptyLine>
      ) : (
        <Stack gap="sm">
          {needs.map((need, i) => {
            const n = i + 1;
            const domainError = form.errors[`needs.${i}.domainCode`];
            return (
              <Group key={i} align="flex-start" wrap="nowrap" gap="sm">
                <Badge
                  variant="light"
                  size="lg"
                  circle
                  mt={26}
                  aria-label={t('diagnostics.needs.priority', { n })}
                >
                  {n}
                </Badge>
                <Select
                  label={t('diagnostics.needs.domain')}
                  withAsterisk
                  allowDeselect={false}
                  data={domains}
                  w={290}
                  {...form.getInputProps(`needs.${i}.domainCode`)}
                  // An empty choice fails the contract's length rule: say plainly that it is required.
                  error={domainError && !need.domainCode ? t('errors.required') : domainError}
                />
                <LongTextField
                  label={t('diagnostics.needs.description')}
                  withAsterisk
                  minRows={1}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`needs.${i}.description`)}
                />
                <Group gap={2} wrap="nowrap" mt={26}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === 0}
                    aria-label={t('diagnostics.needs.moveUp', { n })}
                    onClick={() => move(i, i - 1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === needs.length - 1}
                    aria-label={t('diagnostics.needs.moveDown', { n })}
                    onClick={() => move(i, i + 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <RemoveItemButton
                    label={t('diagnostics.needs.remove', { n })}
                    onClick={() => form.removeListItem('needs', i)}
                  />
                </Group>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
