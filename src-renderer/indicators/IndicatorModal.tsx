import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  calendarYear,
  computedKeys,
  indicatorFields,
  units,
  directions,
  type ComputedKey,
  type IndicatorFields,
  type IndicatorRow,
} from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import {
  contractResolver,
  fieldError,
  notifySaved,
  showCallError,
  showFormErrors,
} from '../components/forms';
import { NumberField } from '../components/NumberField';
import { FormModal } from '../components/FormModal';
import { SegmentedField } from '../components/SegmentedField';
import { translateIssue } from '../i18n';
import { currentYear } from './filters';
import { optionsOf } from '../components/options';
import { LongTextField } from '../components/LongTextField';

type Values = {
  resultId: string;
  code: string;
  name: string;
  definition: string;
  unit: IndicatorRow['unit'] | null;
  bySex: boolean;
  kind: IndicatorRow['kind'];
  computedKey: ComputedKey | null;
  baseline: number | string;
  targets: { year: number | string; value: number | string }[];
  direction: IndicatorRow['direction'];
};

const toFields = (v: Values): IndicatorFields => ({
  resultId: v.resultId,
  code: v.code,
  name: v.name,
  definition: v.definition,
  unit: v.unit as IndicatorFields['unit'],
  bySex: v.bySex,
  kind: v.kind,
  computedKey: v.kind === 'computed' ? v.computedKey : null,
  baseline: v.baseline === '' ? null : Number(v.baseline),
  targets: Object.fromEntries(
    v.targets.filter((r) => r.year !== '' && r.value !== '').map((r) => [String(r.year), Number(r.value)]),
  ),
  direction: v.direction,
});

const initialValues = (indicator: IndicatorRow | undefined, resultId: string, code: string): Values =>
  indicator
    ? {
        resultId: indicator.resultId,
        code: indicator.code,
        name: indicator.name,
        definition: indicator.definition ?? '',
        unit: indicator.unit,
        bySex: indicator.bySex,
        kind: indicator.kind,
        computedKey: indicator.computedKey,
        baseline: indicator.baseline ?? '',
        targets: Object.entries(indicator.targets)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([year, value]) => ({ year: Number(year), value })),
        direction: indicator.direction,
      }
    : {
        resultId,
        code,
        name: '',
        definition: '',
        unit: null,
        bySex: false,
        kind: 'entered',
        computedKey: null,
        baseline: '',
        targets: [],
        direction: 'higher',
      };

/** Adds an indicator to a result, or changes one; the values already entered are always kept. */
export function IndicatorModal({
  indicator,
  resultId = '',
  code = '',
  onClose,
}: {
  indicator?: IndicatorRow;
  resultId?: string;
  code?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useMutate('indicators.create');
  const update = useMutate('indicators.update');
  const resolve = contractResolver(indicatorFields);
  const form = useForm<Values>({
    initialValues: initialValues(indicator, resultId, code),
    validate: (values) => {
      const errors: Record<string, string> = resolve(toFields(values));
      values.targets.forEach((row, i) => {
        const yearError =
          row.year === '' ? translateIssue('errors.required') : fieldError(calendarYear, row.year);
        if (yearError) errors[`targets.${i}.year`] = yearError;
        else if (values.targets.findIndex((r) => r.year === row.year) !== i)
          errors[`targets.${i}.year`] = t('indicators.resultsFramework.form.duplicateYear');
        if (typeof row.value !== 'number')
          errors[`targets.${i}.value`] = translateIssue('errors.numberRequired');
      });
      return errors;
    },
  });
  const saved = (message: string) => () => {
    notifySaved(message);
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const fields = toFields(values);
    if (indicator) {
      update.mutate(
        { id: indicator.id, fields },
        {
          onSuccess: saved(t('indicators.resultsFramework.updated')),
          onError: (e) => showCallError(e, form, 'fields'),
        },
      );
    } else {
      create.mutate(fields, {
        onSuccess: saved(t('indicators.resultsFramework.created')),
        onError: (e) => showCallError(e, form),
      });
    }
  }, showFormErrors);
  const { kind, computedKey, targets } = form.values;
  return (
    <FormModal
      onClose={onClose}
      title={
        indicator
          ? t('indicators.resultsFramework.editFor', { code: indicator.code })
          : t('indicators.resultsFramework.addIndicator')
      }
      size="lg"
      onSubmit={submit}
      pending={create.isPending || update.isPending}
    >
      {indicator && indicator.entered.length > 0 && (
        <Alert color="blue" icon={<IconInfoCircle />} p="xs">
          {t('indicators.resultsFramework.form.keptValues', { count: indicator.entered.length })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('indicators.resultsFramework.form.code')}
          withAsterisk
          {...form.getInputProps('code')}
        />
        <Select
          label={t('indicators.resultsFramework.form.unit')}
          withAsterisk
          data={optionsOf(units, (u) => t(`indicators.resultsFramework.units.${u}`))}
          {...form.getInputProps('unit')}
        />
        <NumberField
          label={t('indicators.resultsFramework.form.baseline')}
          {...form.getInputProps('baseline')}
        />
      </SimpleGrid>
      <Select
        label={t('indicators.resultsFramework.form.direction')}
        data={directions.map((d) => ({
          value: d,
          label: t(`indicators.resultsFramework.form.directions.${d}`),
        }))}
        allowDeselect={false}
        {...form.getInputProps('direction')}
      />
      <LongTextField
        label={t('indicators.resultsFramework.form.name')}
        withAsterisk
        minRows={1}
        {...form.getInputProps('name')}
      />
      <LongTextField
        label={t('indicators.resultsFramework.form.definition')}
        {...form.getInputProps('definition')}
      />
      <Switch
        label={t('indicators.resultsFramework.form.bySex')}
        {...form.getInputProps('bySex', { type: 'checkbox' })}
      />
      <SegmentedField
        label={t('indicators.resultsFramework.form.kind')}
        data={[
          { value: 'entered', label: t('indicators.resultsFramework.entered') },
          { value: 'computed', label: t('indicators.resultsFramework.computed') },
        ]}
        {...form.getInputProps('kind')}
      />
      {kind === 'computed' && (
        <Select
          label={t('indicators.resultsFramework.form.computedKey')}
          withAsterisk
          data={computedKeys.map((k) => ({
            value: k,
            label: t(`indicators.resultsFramework.computedKeyNames.${k}`),
          }))}
          description={
            computedKey
              ? t(`indicators.resultsFramework.computedKeys.${computedKey}`)
              : t('indicators.resultsFramework.form.computedNote')
          }
          {...form.getInputProps('computedKey')}
        />
      )}
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('indicators.resultsFramework.form.targets')}
        </Text>
        {targets.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('indicators.resultsFramework.form.noTarget')}
          </Text>
        )}
        {targets.length > 0 && (
          <Group gap="sm" wrap="nowrap" mb={-6}>
            <Text size="xs" c="dimmed" w={110}>
              {t('indicators.resultsFramework.form.targetYearColumn')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('indicators.resultsFramework.form.targetValueColumn')}
            </Text>
          </Group>
        )}
        {targets.map((_, i) => (
          <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
            <NumberField
              aria-label={t('indicators.resultsFramework.form.targetYear', { n: i + 1 })}
              min={2000}
              max={2100}
              w={110}
              {...form.getInputProps(`targets.${i}.year`)}
            />
            <NumberField
              aria-label={t('indicators.resultsFramework.form.targetValue', { n: i + 1 })}
              style={{ flex: 1 }}
              {...form.getInputProps(`targets.${i}.value`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              onClick={() => form.removeListItem('targets', i)}
              aria-label={t('indicators.resultsFramework.form.removeTarget', { n: i + 1 })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              const years = targets.map((r) => Number(r.year)).filter(Boolean);
              const year = years.length ? Math.max(...years) + 1 : currentYear();
              form.insertListItem('targets', { year, value: '' });
            }}
          >
            {t('indicators.resultsFramework.form.addTarget')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
