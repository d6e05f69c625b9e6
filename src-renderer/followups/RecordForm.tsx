import { Button, Group, Radio, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  followUpMethods,
  recordFollowUpInput,
  skillsApplied,
  type FollowUp,
  type RecordFollowUpInput,
} from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { contractResolver, useFormSubmit } from '../components/forms';
import { readDocument } from '../components/documents';
import { translateIssue } from '../i18n';
import { AttachmentsField } from './AttachmentsField';
import type { PathwayRef } from './labels';
import { TitledCard } from '../components/TitledCard';
import { LongTextField } from '../components/LongTextField';

type Values = Omit<RecordFollowUpInput, 'doneOn' | 'method' | 'skillsApplied'> & {
  doneOn: string | null;
  method: RecordFollowUpInput['method'] | null;
  skillsApplied: RecordFollowUpInput['skillsApplied'] | null;
};

/** The report of a follow-up: how it was done, what is applied, what support is needed. */
export function RecordForm({ followUp, pathway }: { followUp: FollowUp; pathway: PathwayRef | null }) {
  const { t } = useTranslation();
  const record = useMutate('followUps.record');
  const [files, setFiles] = useState<File[]>([]);
  const resolve = contractResolver(recordFollowUpInput);
  const form = useForm<Values>({
    initialValues: {
      id: followUp.id,
      doneOn: dayjs().format('YYYY-MM-DD'),
      method: null,
      skillsApplied: null,
      evidence: '',
      obstacles: '',
      supportNeeded: '',
      changeObserved: '',
      createCoachingAction: false,
      attachments: [],
    },
    validate: (values) => {
      const errors: Record<string, string> = resolve(values);
      if (values.createCoachingAction && !values.supportNeeded?.trim()) {
        errors.createCoachingAction = translateIssue('errors.supportRequired');
      }
      return errors;
    },
  });
  // Describing the support answers the error of the coaching switch.
  form.watch('supportNeeded', () => form.clearFieldError('createCoachingAction'));
  // Once saved, the page shows the report instead of this form (useFormSubmit awaits the call).
  const { submit, pending } = useFormSubmit(form, {
    send: async (values) => {
      const attachments = await Promise.all(files.map(readDocument));
      return record.mutateAsync(recordFollowUpInput.parse({ ...values, attachments }));
    },
    saved: t('followups.followUp.recorded'),
  });
  const text = (
    field: 'evidence' | 'obstacles' | 'supportNeeded' | 'changeObserved',
    placeholder?: string,
  ) => (
    <LongTextField
      label={t(`followups.followUp.${field}`)}
      placeholder={placeholder}
      {...form.getInputProps(field)}
    />
  );
  return (
    <TitledCard title={t('followups.followUp.record')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <DateField
              label={t('followups.followUp.doneOn')}
              withAsterisk
              {...form.getInputProps('doneOn')}
            />
            <Radio.Group
              label={t('followups.followUp.method')}
              withAsterisk
              {...form.getInputProps('method')}
            >
              <Group mt={8}>
                {followUpMethods.map((m) => (
                  <Radio key={m} value={m} label={t(`followups.followUp.methods.${m}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Radio.Group
              label={t('followups.followUp.skillsApplied')}
              withAsterisk
              {...form.getInputProps('skillsApplied')}
            >
              <Group mt={8}>
                {skillsApplied.map((s) => (
                  <Radio key={s} value={s} label={t(`followups.followUp.skills.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {text('evidence', t('followups.followUp.evidencePlaceholder'))}
            {text('obstacles')}
            {text('supportNeeded')}
            {text('changeObserved')}
          </SimpleGrid>
          <Switch
            label={t('followups.followUp.coaching')}
            description={
              pathway
                ? t('followups.followUp.coachingHint', { pathway: pathway.title })
                : t('followups.followUp.coachingNoPathway')
            }
            disabled={!pathway}
            {...form.getInputProps('createCoachingAction', { type: 'checkbox' })}
          />
          <AttachmentsField files={files} onChange={setFiles} />
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              {t('followups.followUp.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </TitledCard>
  );
}
