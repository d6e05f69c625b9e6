import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changePathwayStatusInput, type Pathway, type PathwayStatus } from '../../src-main/contract';
import { ApiError } from '../api/client';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { showCallError, useInputForm } from '../components/forms';
import { todayIso } from '../format';
import { LongTextField } from '../components/LongTextField';

type Step = PathwayStatus | 'resumed';

/** A move along the workflow; a suspended pathway that goes back in progress is resumed. */
export const workflowStep = (from: PathwayStatus, to: PathwayStatus): Step =>
  from === 'suspended' && to === 'in_progress' ? 'resumed' : to;

type Values = {
  id: string;
  status: PathwayStatus;
  on: string;
  reference: string;
  reason: string;
};

/** Moves a pathway to its next status: with the date, the committee's reference or the reason it needs. */
export function PathwayStatusModal({
  pathway,
  to,
  onClose,
}: {
  pathway: Pathway;
  to: PathwayStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const step = workflowStep(pathway.status, to);
  const shown = [
    'on',
    ...(to === 'approved' ? ['reference'] : []),
    ...(to === 'suspended' ? ['reason'] : []),
  ];
  const { form, submit, pending } = useInputForm(
    'pathways.changeStatus',
    changePathwayStatusInput,
    { id: pathway.id, status: to, on: todayIso(), reference: '', reason: '' } as Values,
    {
      saved: t(`pathways.workflow.done.${step}`),
      onSaved: onClose,
      // Issues on the fields shown go next to them; a refused move (`status`) is a notice.
      onError: (e, form) =>
        e instanceof ApiError && e.body.issues?.every((i) => shown.includes(String(i.path[0])))
          ? showCallError(e, form)
          : showCallError(e),
    },
  );
  return (
    <FormModal
      onClose={onClose}
      title={t(`pathways.workflow.action.${step}`)}
      onSubmit={submit}
      pending={pending}
      submitLabel={t(`pathways.workflow.action.${step}`)}
      submitColor={to === 'suspended' ? 'red' : undefined}
    >
      <Text size="sm">{t(`pathways.workflow.explain.${step}`)}</Text>
      <DateField label={t(`pathways.workflow.date.${step}`)} withAsterisk {...form.getInputProps('on')} />
      {to === 'approved' && (
        <TextInput
          label={t('pathways.workflow.reference')}
          placeholder={t('pathways.workflow.referencePlaceholder')}
          withAsterisk
          {...form.getInputProps('reference')}
        />
      )}
      {to === 'suspended' && (
        <LongTextField label={t('pathways.workflow.reason')} withAsterisk {...form.getInputProps('reason')} />
      )}
    </FormModal>
  );
}
