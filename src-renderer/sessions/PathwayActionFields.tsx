import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { formatDate } from '../format';
import type { SessionForm } from './sessionForm';

/** Links the session to an action of a pathway (two choices: the pathway, then its action), or to none. */
export function PathwayActionFields({ form }: { form: SessionForm }) {
  const { t } = useTranslation();
  const { pathwayId } = form.values;
  const pathways = useCall('pathways.list', {});
  return (
    <Stack gap="sm">
      <Select
        label={t('sessions.fields.pathway')}
        placeholder={t('sessions.form.standalone')}
        description={t('sessions.form.pathwayHint')}
        clearable
        searchable
        nothingFoundMessage={t('sessions.form.noPathway')}
        data={(pathways.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.title} — ${p.organisationName}`,
        }))}
        {...form.getInputProps('pathwayId')}
        onChange={(id) => {
          form.setFieldValue('pathwayId', id);
          form.setFieldValue('pathwayActionId', null);
        }}
      />
      {pathwayId && <ActionSelect form={form} pathwayId={pathwayId} />}
    </Stack>
  );
}

function ActionSelect({ form, pathwayId }: { form: SessionForm; pathwayId: string }) {
  const { t } = useTranslation();
  const pathway = useCall('pathways.get', { id: pathwayId });
  const steps = pathway.data?.id === pathwayId ? pathway.data.steps : [];
  const actions = steps.flatMap((s) => s.actions);
  const empty = pathway.data?.id === pathwayId && actions.length === 0;
  return (
    <Select
      label={t('sessions.fields.action')}
      description={empty ? t('sessions.form.noAction') : undefined}
      withAsterisk
      searchable
      data={steps
        .filter((s) => s.actions.length > 0)
        .map((s) => ({
          group: s.title,
          items: s.actions.map((a) => ({
            value: a.id,
            label: `${a.title} (${formatDate(a.plannedStart)} – ${formatDate(a.plannedEnd)})`,
          })),
        }))}
      {...form.getInputProps('pathwayActionId')}
      onChange={(id) => {
        form.setFieldValue('pathwayActionId', id);
        const action = actions.find((a) => a.id === id);
        // The action's title is a good start for the session's.
        if (action && !form.getValues().title.trim()) form.setFieldValue('title', action.title);
      }}
    />
  );
}
