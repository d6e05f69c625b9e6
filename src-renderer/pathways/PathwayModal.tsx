import { MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { pathwayFields, type Pathway, type PathwayFields } from '../../src-main/contract';
import { ApiError } from '../api/client';
import { useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { FormModal } from '../components/FormModal';
import { showCallError, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { translateIssue } from '../i18n';
import { needOptions, useOrganisationNeeds } from './needs';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { periodResolver } from './period';
import { LongTextField } from '../components/LongTextField';

const fromPathway = (p: Pathway): PathwayFields => ({
  organisationId: p.organisationId,
  title: p.title,
  needIds: p.needs.map((n) => n.id),
  targetSkills: p.targetSkills ?? '',
  performanceObjective: p.performanceObjective ?? '',
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  budgetFcfa: p.budgetFcfa,
});

/** Creates a skills pathway for an organisation, from the needs its diagnostics found; or edits one. */
export function PathwayModal({
  pathway,
  organisationId,
  onClose,
}: {
  pathway?: Pathway;
  /** The organisation to start with (a new pathway only). */
  organisationId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useMutate('pathways.create');
  const update = useMutate('pathways.update');
  const form = useForm<PathwayFields>({
    initialValues: pathway
      ? fromPathway(pathway)
      : {
          organisationId: organisationId ?? (null as never),
          title: '',
          needIds: [],
          targetSkills: '',
          performanceObjective: '',
          startsOn: null as never,
          endsOn: null as never,
          budgetFcfa: null as never,
        },
    validate: periodResolver(pathwayFields),
  });
  const chosenOrganisation = form.values.organisationId;
  const needs = useOrganisationNeeds(chosenOrganisation);
  const options = needOptions(needs.diagnostics, pathway?.needs);
  const needsHint = !chosenOrganisation
    ? t('pathways.needsPickOrganisation')
    : !needs.loading && options.length === 0
      ? t('pathways.needsNone')
      : t('pathways.needsHint');

  const onError = (e: Error) => {
    // A need refused by the core is shown on the needs field as a whole.
    const needIssue =
      e instanceof ApiError ? e.body.issues?.find((i) => i.path.includes('needIds')) : undefined;
    if (needIssue) form.setFieldError('needIds', translateIssue(needIssue.message, needIssue.params));
    else showCallError(e, form, 'fields');
  };
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      const fields = pathwayFields.parse(values);
      return pathway ? update.mutateAsync({ id: pathway.id, fields }) : create.mutateAsync(fields);
    },
    saved: pathway ? t('pathways.updated') : t('pathways.created'),
    onSaved: (p) => {
      onClose();
      if (!pathway) navigate(`/parcours/${p.id}`);
    },
    onError,
  });

  return (
    <FormModal
      onClose={onClose}
      title={pathway ? t('pathways.editTitle') : t('pathways.new')}
      size="xl"
      onSubmit={submit}
      pending={pending}
    >
      <OrganisationSelect
        label={t('pathways.fields.organisation')}
        withAsterisk
        disabled={Boolean(pathway)}
        description={pathway ? t('pathways.organisationFixed') : undefined}
        {...form.getInputProps('organisationId')}
        onChange={(v) => {
          form.setFieldValue('organisationId', v as string);
          form.setFieldValue('needIds', []);
        }}
      />
      <TextInput label={t('pathways.fields.title')} withAsterisk {...form.getInputProps('title')} />
      <MultiSelect
        label={t('pathways.fields.needs')}
        description={needsHint}
        placeholder={options.length ? t('pathways.needsPlaceholder') : undefined}
        data={options}
        disabled={options.length === 0}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage={t('pathways.needsNothingFound')}
        {...form.getInputProps('needIds')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <LongTextField
          label={t('pathways.fields.targetSkills')}
          minRows={3}
          {...form.getInputProps('targetSkills')}
        />
        <LongTextField
          label={t('pathways.fields.performanceObjective')}
          minRows={3}
          {...form.getInputProps('performanceObjective')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={t('pathways.fields.startsOn')} withAsterisk {...form.getInputProps('startsOn')} />
        <DateField label={t('pathways.fields.endsOn')} withAsterisk {...form.getInputProps('endsOn')} />
        <NumberField
          label={t('pathways.fields.budgetFcfa')}
          withAsterisk
          amount
          suffix=" F CFA"
          {...form.getInputProps('budgetFcfa')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
