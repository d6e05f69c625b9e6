import { Autocomplete, Divider, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sessionFields, sessionPhases, type Session } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { maliRegions } from '../organisations/regions';
import { PathwayActionFields } from './PathwayActionFields';
import { SessionDaysField } from './SessionDaysField';
import { SessionTrainersField } from './SessionTrainersField';
import type { SessionFormValues } from './sessionForm';
import { optionsOf } from '../components/options';

const resolve = contractResolver(sessionFields);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function initialValues(session?: Session): SessionFormValues {
  if (!session) {
    return {
      pathwayId: null,
      title: '',
      pathwayActionId: null,
      moduleId: null,
      phase: 'classroom',
      region: '',
      commune: '',
      venue: '',
      costFcfa: 0,
      days: [{ date: null, startTime: '08:30', endTime: '16:30', halfDay: false }],
      trainers: [],
    };
  }
  return {
    pathwayId: session.pathway?.id ?? null,
    title: session.title,
    pathwayActionId: session.pathwayActionId,
    moduleId: session.moduleId,
    phase: session.phase,
    region: session.region ?? '',
    commune: session.commune ?? '',
    venue: session.venue ?? '',
    costFcfa: session.costFcfa,
    days: session.days.map((d) => ({ ...d })),
    trainers: session.trainers.map((tr) => ({ ...tr })),
  };
}

/** Creates a session (then opens it), or edits one. */
export function SessionModal({
  session,
  opened,
  onClose,
}: {
  session?: Session;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const modules = useCall('modules.list', {});
  const create = useMutate('sessions.create');
  const update = useMutate('sessions.update');
  const form = useForm<SessionFormValues>({
    mode: 'controlled',
    initialValues: initialValues(session),
    validate: ({ pathwayId, ...values }) => {
      const errors = resolve(values);
      if (pathwayId && !values.pathwayActionId) errors.pathwayActionId = t('errors.required');
      values.days.forEach((d, i) => {
        const path = `days.${i}.endTime`;
        // The contract checks the hours only once everything else is valid: shown at once here, and
        // its "end before start" speaks of dates, not of the hours of a day.
        if (
          errors[path] === t('errors.endBeforeStart') ||
          (!errors[path] && TIME.test(d.startTime) && d.endTime <= d.startTime)
        )
          errors[path] = t('sessions.form.endBeforeStartTime');
      });
      return errors;
    },
  });

  const { submit, pending } = useFormSubmit(form, {
    send: ({ pathwayId: _, ...values }) => {
      const fields = sessionFields.parse(values);
      return session ? update.mutateAsync({ id: session.id, fields }) : create.mutateAsync(fields);
    },
    prefix: session ? 'fields' : undefined,
    saved: session ? t('sessions.updated') : t('sessions.created'),
    onSaved: (s) => {
      onClose();
      if (!session) navigate(`/sessions/${s.id}`);
    },
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={session ? t('sessions.edit') : t('sessions.new')}
      size={820}
      onSubmit={submit}
      pending={pending}
    >
      <TextInput label={t('sessions.fields.title')} withAsterisk {...form.getInputProps('title')} />
      <PathwayActionFields form={form} />
      <SimpleGrid cols={2}>
        <Select
          label={t('sessions.fields.module')}
          placeholder={t('sessions.form.noModule')}
          clearable
          searchable
          data={(modules.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
          {...form.getInputProps('moduleId')}
        />
        <Select
          label={t('sessions.fields.phase')}
          withAsterisk
          allowDeselect={false}
          data={optionsOf(sessionPhases, (v) => t(`sessions.phase.${v}`))}
          {...form.getInputProps('phase')}
        />
      </SimpleGrid>

      <Divider />
      <Title order={5}>{t('sessions.form.place')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Autocomplete
          label={t('sessions.fields.region')}
          data={maliRegions}
          {...form.getInputProps('region')}
        />
        <TextInput label={t('sessions.fields.commune')} {...form.getInputProps('commune')} />
        <TextInput
          label={t('sessions.fields.venue')}
          placeholder={t('sessions.form.venuePlaceholder')}
          {...form.getInputProps('venue')}
        />
        <NumberField
          label={t('sessions.fields.cost')}
          withAsterisk
          min={0}
          amount
          suffix=" F CFA"
          {...form.getInputProps('costFcfa')}
        />
      </SimpleGrid>

      <Divider />
      <SessionDaysField form={form} />
      <Divider />
      <SessionTrainersField form={form} />
    </FormModal>
  );
}
