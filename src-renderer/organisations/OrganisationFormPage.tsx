import {
  Autocomplete,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  count,
  levels,
  organisationFields,
  organisationTypes,
  sectors,
  type Organisation,
  type OrganisationFields,
} from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { FormButtons } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { QueryState } from '../components/QueryState';
import { NumberField } from '../components/NumberField';
import { formatNumber } from '../format';
import { maliRegions } from './regions';
import { optionsOf } from '../components/options';
import { TitledCard } from '../components/TitledCard';
import { LongTextField } from '../components/LongTextField';

const empty: OrganisationFields = {
  name: '',
  acronym: '',
  type: null as never,
  level: null as never,
  region: '',
  cercle: '',
  commune: '',
  sectors: [],
  mandate: '',
  keyFunctions: '',
  staffWomen: 0,
  staffMen: 0,
  contactName: '',
  contactPosition: '',
  contactPhone: '',
  contactEmail: '',
};

const fromOrganisation = (o: Organisation): OrganisationFields =>
  Object.fromEntries(
    Object.keys(empty).map((k) => [k, o[k as keyof Organisation] ?? '']),
  ) as OrganisationFields;

/** Creates an organisation (`/organisations/nouvelle`) or edits one (`/organisations/:id/modifier`). */
export function OrganisationFormPage() {
  const { id } = useParams();
  if (!id) return <OrganisationForm />;
  return <EditOrganisation id={id} />;
}

function EditOrganisation({ id }: { id: string }) {
  const query = useCall('organisations.get', { id });
  return <QueryState query={query}>{(o) => <OrganisationForm organisation={o} />}</QueryState>;
}

function OrganisationForm({ organisation }: { organisation?: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<OrganisationFields>({
    mode: 'controlled',
    initialValues: organisation ? fromOrganisation(organisation) : empty,
    validate: contractResolver(organisationFields),
  });
  const create = useMutate('organisations.create');
  const update = useMutate('organisations.update');
  const regions = useCall('organisations.regions', {});

  useEffect(() => {
    document.title = `${organisation ? t('organisations.editTitle') : t('organisations.new')} — Parcours`;
  }, [organisation, t]);

  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      const fields = organisationFields.parse(values);
      return organisation ? update.mutateAsync({ id: organisation.id, fields }) : create.mutateAsync(fields);
    },
    prefix: organisation ? 'fields' : undefined,
    saved: organisation ? t('organisations.updated') : t('organisations.created'),
    onSaved: (o) => navigate(`/organisations/${o.id}`),
  });

  // No total of counts that are not counts yet (21,5 or −1 typed).
  const staff = [form.values.staffWomen, form.values.staffMen];
  const staffTotal = staff.every((n) => count.safeParse(n).success)
    ? staff.reduce<number>((sum, n) => sum + Number(n), 0)
    : null;
  const regionChoices = [...new Set([...maliRegions, ...(regions.data ?? [])])].sort((a, b) =>
    a.localeCompare(b, 'fr'),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        <Group justify="space-between">
          <Title order={2}>{organisation ? t('organisations.editTitle') : t('organisations.new')}</Title>
        </Group>

        <TitledCard title={t('organisations.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('organisations.fields.name')} withAsterisk {...form.getInputProps('name')} />
            <TextInput label={t('organisations.fields.acronym')} {...form.getInputProps('acronym')} />
            <Select
              label={t('organisations.fields.type')}
              withAsterisk
              data={optionsOf(organisationTypes, (v) => t(`organisations.type.${v}`))}
              {...form.getInputProps('type')}
            />
            <Select
              label={t('organisations.fields.level')}
              withAsterisk
              data={optionsOf(levels, (v) => t(`organisations.level.${v}`))}
              {...form.getInputProps('level')}
            />
          </SimpleGrid>
        </TitledCard>

        <TitledCard title={t('organisations.sections.location')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Autocomplete
              label={t('organisations.fields.region')}
              data={regionChoices}
              {...form.getInputProps('region')}
            />
            <TextInput label={t('organisations.fields.cercle')} {...form.getInputProps('cercle')} />
            <TextInput label={t('organisations.fields.commune')} {...form.getInputProps('commune')} />
          </SimpleGrid>
        </TitledCard>

        <TitledCard title={t('organisations.sections.activity')}>
          <Stack>
            <MultiSelect
              label={t('organisations.fields.sectors')}
              data={optionsOf(sectors, (v) => t(`organisations.sector.${v}`))}
              {...form.getInputProps('sectors')}
            />
            <LongTextField label={t('organisations.fields.mandate')} {...form.getInputProps('mandate')} />
            <LongTextField
              label={t('organisations.fields.keyFunctions')}
              {...form.getInputProps('keyFunctions')}
            />
          </Stack>
        </TitledCard>

        <TitledCard title={t('organisations.sections.staff')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberField
              label={t('organisations.fields.staffWomen')}
              min={0}
              {...form.getInputProps('staffWomen')}
            />
            <NumberField
              label={t('organisations.fields.staffMen')}
              min={0}
              {...form.getInputProps('staffMen')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('organisations.fields.staffTotal')}
              </Text>
              <Text size="lg" fw={600} data-testid="staff-total">
                {staffTotal === null ? t('common.none') : formatNumber(staffTotal)}
              </Text>
            </Stack>
          </SimpleGrid>
        </TitledCard>

        <TitledCard title={t('organisations.sections.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('organisations.fields.contactName')} {...form.getInputProps('contactName')} />
            <TextInput
              label={t('organisations.fields.contactPosition')}
              {...form.getInputProps('contactPosition')}
            />
            <TextInput
              label={t('organisations.fields.contactPhone')}
              {...form.getInputProps('contactPhone')}
            />
            <TextInput
              label={t('organisations.fields.contactEmail')}
              type="email"
              {...form.getInputProps('contactEmail')}
            />
          </SimpleGrid>
        </TitledCard>

        <FormButtons
          cancelTo={organisation ? `/organisations/${organisation.id}` : '/organisations'}
          pending={pending}
        />
      </Stack>
    </form>
  );
}
