import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  agreementFields,
  agreementStatuses,
  endOfTerm,
  fcfaToEur,
  isoDate,
  months,
  type Agreement,
  type AgreementFields,
} from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { formatDate, formatEur } from '../format';
import { optionsOf } from '../components/options';
import { LongTextField } from '../components/LongTextField';

const empty: AgreementFields = {
  number: '',
  signedOn: null as never,
  durationMonths: null as never,
  endOn: null,
  amountFcfa: null as never,
  status: 'active',
  terminationReason: '',
  notes: '',
};

const fromAgreement = (a: Agreement): AgreementFields => ({
  number: a.number,
  signedOn: a.signedOn,
  durationMonths: a.durationMonths,
  endOn: a.endOnEntered,
  amountFcfa: a.amountFcfa,
  status: a.status,
  terminationReason: a.terminationReason ?? '',
  notes: a.notes ?? '',
});

/** Adds an agreement to an organisation, or edits one. */
export function AgreementModal({
  organisationId,
  agreement,
  opened,
  onClose,
}: {
  organisationId: string;
  agreement?: Agreement;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useMutate('agreements.create');
  const update = useMutate('agreements.update');
  const form = useForm<AgreementFields>({
    initialValues: agreement ? fromAgreement(agreement) : empty,
    validate: contractResolver(agreementFields),
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      const fields = agreementFields.parse(values);
      return agreement
        ? update.mutateAsync({ id: agreement.id, fields })
        : create.mutateAsync({ organisationId, fields });
    },
    prefix: 'fields',
    saved: agreement ? t('agreements.updated') : t('agreements.created'),
    onSaved: close,
  });

  const { signedOn, durationMonths, amountFcfa, status } = form.values;
  const computedEnd =
    isoDate.safeParse(signedOn).success && months.safeParse(durationMonths).success
      ? endOfTerm(signedOn, Number(durationMonths))
      : null;
  const eur = typeof amountFcfa === 'number' && amountFcfa >= 0 ? formatEur(fcfaToEur(amountFcfa)) : null;

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={agreement ? t('agreements.editTitle') : t('agreements.new')}
      size="lg"
      onSubmit={submit}
      pending={pending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('agreements.fields.number')}
          placeholder="ex. DDRK23-002-APO"
          withAsterisk
          {...form.getInputProps('number')}
        />
        <Select
          label={t('agreements.fields.status')}
          withAsterisk
          allowDeselect={false}
          data={optionsOf(agreementStatuses, (v) => t(`agreements.status.${v}`))}
          {...form.getInputProps('status')}
        />
        <DateField label={t('agreements.fields.signedOn')} withAsterisk {...form.getInputProps('signedOn')} />
        <NumberField
          label={t('agreements.fields.durationMonths')}
          withAsterisk
          min={1}
          {...form.getInputProps('durationMonths')}
        />
        <DateField
          label={t('agreements.fields.endOn')}
          description={
            computedEnd
              ? t('agreements.endComputed', { date: formatDate(computedEnd) })
              : t('agreements.fields.endOnHint')
          }
          placeholder={computedEnd ? formatDate(computedEnd) : undefined}
          {...form.getInputProps('endOn')}
        />
        <NumberField
          label={t('agreements.fields.amountFcfa')}
          withAsterisk
          amount
          suffix=" F CFA"
          description={eur ? `≈ ${eur}` : undefined}
          {...form.getInputProps('amountFcfa')}
        />
      </SimpleGrid>
      {status === 'terminated' && (
        <LongTextField
          label={t('agreements.fields.terminationReason')}
          withAsterisk
          {...form.getInputProps('terminationReason')}
        />
      )}
      <LongTextField label={t('agreements.fields.notes')} {...form.getInputProps('notes')} />
      <Text size="xs" c="dimmed">
        {t('agreements.parity')}
      </Text>
    </FormModal>
  );
}
