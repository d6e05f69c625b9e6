import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { indicatorValueInput, type IndicatorRow } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { FormModal } from '../components/FormModal';
import { SegmentedField } from '../components/SegmentedField';

type Values = {
  indicatorId: string;
  year: number;
  sex: 'F' | 'M' | null;
  value: number | string;
  source: string;
  recordedOn: string | null;
};

/** Records a value of an entered indicator, with its source (never for a computed one). */
export function ValueModal({
  indicator,
  year,
  onClose,
}: {
  indicator: IndicatorRow;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useMutate('indicators.recordValue');
  const form = useForm<Values>({
    initialValues: {
      indicatorId: indicator.id,
      year,
      sex: null,
      value: '',
      source: '',
      recordedOn: dayjs().format('YYYY-MM-DD'),
    },
    validate: contractResolver(indicatorValueInput),
  });
  const submit = form.onSubmit(
    (values) =>
      record.mutate(indicatorValueInput.parse(values), {
        onSuccess: () => {
          notifySaved(t('indicators.resultsFramework.valueRecorded'));
          onClose();
        },
        onError: (e) => showCallError(e, form),
      }),
    showFormErrors,
  );
  return (
    <FormModal
      onClose={onClose}
      title={t('indicators.resultsFramework.recordValueFor', { code: indicator.code })}
      onSubmit={submit}
      pending={record.isPending}
    >
      <Text size="sm" fw={600}>
        {indicator.name}
      </Text>
      <SimpleGrid cols={2}>
        <NumberField
          label={t('indicators.resultsFramework.valueForm.year')}
          withAsterisk
          min={2000}
          max={2100}
          {...form.getInputProps('year')}
        />
        <DateField
          label={t('indicators.resultsFramework.valueForm.recordedOn')}
          withAsterisk
          {...form.getInputProps('recordedOn')}
        />
      </SimpleGrid>
      {indicator.bySex && (
        <SegmentedField
          label={t('indicators.resultsFramework.valueForm.sex')}
          data={[
            { value: 'total', label: t('indicators.resultsFramework.valueForm.total') },
            { value: 'F', label: t('common.women') },
            { value: 'M', label: t('common.men') },
          ]}
          value={form.values.sex ?? 'total'}
          onChange={(v) => form.setFieldValue('sex', v === 'total' ? null : (v as 'F' | 'M'))}
        />
      )}
      <NumberField
        label={t('indicators.resultsFramework.valueForm.value')}
        description={t(`indicators.resultsFramework.units.${indicator.unit}`)}
        withAsterisk
        {...form.getInputProps('value')}
      />
      <TextInput
        label={t('indicators.resultsFramework.valueForm.source')}
        placeholder={t('indicators.resultsFramework.valueForm.sourcePlaceholder')}
        withAsterisk
        {...form.getInputProps('source')}
      />
    </FormModal>
  );
}
