import { Alert, Button, Card, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  frameworkVersionFields,
  type FrameworkVersion,
  type FrameworkVersionFields,
} from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { AddItemButton, ListError, RemoveItemButton } from '../components/ListField';
import { FormButtons } from '../components/FormModal';
import { contractResolver, notifySaved, useFormSubmit } from '../components/forms';
import { LongTextField } from '../components/LongTextField';

type Values = FrameworkVersionFields & { notes: string };
type Form = UseFormReturnType<Values>;

const fromVersion = (v: FrameworkVersion): Values => ({
  frameworkId: v.frameworkId,
  scaleMin: v.scaleMin,
  scaleMax: v.scaleMax,
  notes: '',
  domains: v.domains.map((d) => ({
    code: d.code,
    name: d.name,
    criteria: d.criteria.map((c) => ({ name: c.name, descriptors: [...c.descriptors] })),
  })),
});

/** Edits the grid as a whole; saving makes the next version, past diagnostics keep theirs. */
export function FrameworkEditor({
  version,
  onClose,
  onSaved,
}: {
  version: FrameworkVersion;
  onClose: () => void;
  onSaved: (saved: FrameworkVersion) => void;
}) {
  const { t } = useTranslation();
  const next = version.version + 1;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: fromVersion(version),
    validate: contractResolver(frameworkVersionFields),
  });
  const save = useMutate('grids.saveVersion');
  const levels = version.scaleMax - version.scaleMin + 1;
  const newCriterion = () => ({ name: '', descriptors: Array.from({ length: levels }, () => '') });

  const { submit, pending } = useFormSubmit(form, {
    send: (values) => save.mutateAsync(frameworkVersionFields.parse(values)),
    onSaved: (saved) => {
      notifySaved(t('diagnostics.grid.saved', { version: saved.version }));
      onSaved(saved);
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={2}>{t('diagnostics.grid.editTitle')}</Title>
          <Text c="dimmed" size="sm">
            {version.frameworkName} · {t('diagnostics.grid.version', { version: version.version })} →{' '}
            {t('diagnostics.grid.version', { version: next })} ·{' '}
            {t('diagnostics.grid.scale', { min: version.scaleMin, max: version.scaleMax })}
          </Text>
        </div>
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('diagnostics.grid.editHint', { version: next })}
        </Alert>

        <Card withBorder>
          <LongTextField label={t('diagnostics.grid.notes')} {...form.getInputProps('notes')} />
        </Card>

        {form.values.domains.map((_, i) => (
          <DomainEditor key={i} index={i} form={form} levels={levels} newCriterion={newCriterion} />
        ))}

        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem('domains', { code: '', name: '', criteria: [newCriterion()] })}
          >
            {t('diagnostics.grid.addDomain')}
          </Button>
        </Group>

        <Paper withBorder p="sm" shadow="sm" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          <FormButtons
            onCancel={onClose}
            pending={pending}
            submitLabel={t('diagnostics.grid.saveVersion', { version: next })}
          />
        </Paper>
      </Stack>
    </form>
  );
}

function DomainEditor({
  index,
  form,
  levels,
  newCriterion,
}: {
  index: number;
  form: Form;
  levels: number;
  newCriterion: () => { name: string; descriptors: string[] };
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const domain = form.values.domains[index]!;
  const path = `domains.${index}`;
  return (
    <Card withBorder component="section" aria-label={t('diagnostics.grid.domainN', { n })}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs" wrap="nowrap">
          <Title order={4} style={{ whiteSpace: 'nowrap' }}>
            {t('diagnostics.grid.domainN', { n })}
          </Title>
          {domain.name && (
            <Text c="dimmed" lineClamp={1}>
              {domain.name}
            </Text>
          )}
        </Group>
        <RemoveItemButton
          disabled={form.values.domains.length === 1}
          label={t('diagnostics.grid.removeDomain', { n })}
          onClick={() => form.removeListItem('domains', index)}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <TextInput
          label={t('diagnostics.grid.code')}
          description={t('diagnostics.grid.codeHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          withAsterisk
          {...form.getInputProps(`${path}.code`)}
        />
        <TextInput
          label={t('diagnostics.grid.domainName')}
          withAsterisk
          style={{ gridColumn: 'span 2' }}
          {...form.getInputProps(`${path}.name`)}
        />
      </SimpleGrid>
      <Stack gap="sm">
        {domain.criteria.map((_, j) => (
          <CriterionEditor
            key={j}
            label={`${n}.${j + 1}`}
            path={`${path}.criteria.${j}`}
            form={form}
            levels={levels}
            canRemove={domain.criteria.length > 1}
            onRemove={() => form.removeListItem(`${path}.criteria`, j)}
          />
        ))}
        <ListError form={form} path={`${path}.criteria`} size="xs" />
        <Group>
          <AddItemButton
            variant="subtle"
            onClick={() => form.insertListItem(`${path}.criteria`, newCriterion())}
          >
            {t('diagnostics.grid.addCriterion')}
          </AddItemButton>
        </Group>
      </Stack>
    </Card>
  );
}

function CriterionEditor({
  label,
  path,
  form,
  levels,
  canRemove,
  onRemove,
}: {
  label: string;
  path: string;
  form: Form;
  levels: number;
  canRemove: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const scaleMin = form.values.scaleMin;
  return (
    <Paper
      withBorder
      p="sm"
      bg="gray.0"
      role="group"
      aria-label={t('diagnostics.grid.criterionN', { n: label })}
    >
      <Group align="flex-end" wrap="nowrap" mb="xs">
        <TextInput
          label={t('diagnostics.grid.criterionName')}
          withAsterisk
          style={{ flex: 1 }}
          leftSection={
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          }
          {...form.getInputProps(`${path}.name`)}
        />
        <RemoveItemButton
          mb={4}
          disabled={!canRemove}
          label={t('diagnostics.grid.removeCriterion', { n: label })}
          onClick={onRemove}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, xl: Math.min(levels, 4) }} spacing="xs">
        {Array.from({ length: levels }, (_, k) => (
          <LongTextField
            key={k}
            size="xs"
            label={t('diagnostics.grid.levelN', { level: scaleMin + k })}
            withAsterisk
            minRows={1}
            {...form.getInputProps(`${path}.descriptors.${k}`)}
          />
        ))}
      </SimpleGrid>
      <ListError form={form} path={`${path}.descriptors`} size="xs" mt={4} />
    </Paper>
  );
}
