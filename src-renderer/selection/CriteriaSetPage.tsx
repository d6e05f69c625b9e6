import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  criteriaSetFields,
  organisationStatuses,
  organisationTypes,
  validateCriteriaSetInput,
  type CriteriaSet,
  type CriteriaSetFields,
} from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { AddItemButton, ListError, RemoveItemButton } from '../components/ListField';
import { FormModal } from '../components/FormModal';
import { contractResolver, notifySaved, showCallError, useFormSubmit } from '../components/forms';
import { DataTable } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { NumberField } from '../components/NumberField';
import { formatDate } from '../format';
import { BackLink } from '../components/BackLink';
import { optionsOf } from '../components/options';
import { TitledCard } from '../components/TitledCard';
import { LongTextField } from '../components/LongTextField';

const template: CriteriaSetFields = {
  name: '',
  scoreMax: 5,
  criteria: [{ name: '', description: '', weight: 100 }],
  eligibility: {
    requireCompletedDiagnostic: true,
    allowedStatuses: ['diagnosed', 'candidate'],
    allowedTypes: [],
  },
};

/** A criteria set: edited while a draft, read-only once validated by the steering committee. */
export function CriteriaSetPage() {
  const { id = '' } = useParams();
  if (id === 'nouvelle') return <CriteriaSetForm />;
  return <ExistingSet id={id} />;
}

function ExistingSet({ id }: { id: string }) {
  const query = useCall('criteriaSets.get', { id });
  return (
    <QueryState query={query}>
      {(set) =>
        set.status === 'validated' ? <ValidatedSet set={set} /> : <CriteriaSetForm key={set.id} set={set} />
      }
    </QueryState>
  );
}

function BackToSets() {
  const { t } = useTranslation();
  return <BackLink to="/selection?onglet=grilles">{t('selection.tabs.sets')}</BackLink>;
}

function CriteriaSetForm({ set }: { set?: CriteriaSet }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useMutate('criteriaSets.create');
  const update = useMutate('criteriaSets.update');
  const [validateOpened, validateModal] = useDisclosure();
  const form = useForm<CriteriaSetFields>({
    initialValues: set
      ? {
          name: set.name,
          scoreMax: set.scoreMax,
          eligibility: set.eligibility,
          criteria: set.criteria.map(({ name, description, weight }) => ({
            name,
            description: description ?? '',
            weight,
          })),
        }
      : template,
    validate: contractResolver(criteriaSetFields),
  });
  const total = form.values.criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      const fields = criteriaSetFields.parse(values);
      return set ? update.mutateAsync({ id: set.id, fields }) : create.mutateAsync(fields);
    },
    prefix: set ? 'fields' : undefined,
    saved: t('selection.sets.created'),
    onSaved: (s) => {
      if (!set) navigate(`/selection/grilles/${s.id}`, { replace: true });
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={1000}>
        <BackToSets />
        <Group justify="space-between">
          <Title order={2}>
            {set
              ? `${set.name} — ${t('selection.sets.version', { version: set.version })}`
              : t('selection.sets.new')}
          </Title>
          {set && (
            <Badge color="gray" variant="light" size="lg">
              {t('selection.sets.draft')}
            </Badge>
          )}
        </Group>
        <Card withBorder>
          <Group grow align="flex-start">
            <TextInput label={t('selection.sets.name')} withAsterisk {...form.getInputProps('name')} />
            <NumberField
              label={t('selection.sets.scoreMax')}
              description={t('selection.sets.scoreMaxHint')}
              min={2}
              max={20}
              {...form.getInputProps('scoreMax')}
            />
          </Group>
        </Card>
        <TitledCard title={t('selection.sets.criteria')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="35%">{t('selection.sets.criterion')}</Table.Th>
                <Table.Th>{t('selection.sets.description')}</Table.Th>
                <Table.Th w={110}>{t('selection.sets.weight')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.criteria.map((_, i) => (
                <Table.Tr key={form.key(`criteria.${i}`)}>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('selection.sets.criterion')} ${i + 1}`}
                      {...form.getInputProps(`criteria.${i}.name`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <LongTextField
                      minRows={1}
                      aria-label={`${t('selection.sets.description')} ${i + 1}`}
                      {...form.getInputProps(`criteria.${i}.description`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberField
                      aria-label={`${t('selection.sets.weight')} ${i + 1}`}
                      min={1}
                      max={100}
                      {...form.getInputProps(`criteria.${i}.weight`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RemoveItemButton
                      label={`${t('common.delete')} ${i + 1}`}
                      disabled={form.values.criteria.length === 1}
                      onClick={() => form.removeListItem('criteria', i)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="sm">
            <AddItemButton
              onClick={() => form.insertListItem('criteria', { name: '', description: '', weight: 0 })}
            >
              {t('selection.sets.addCriterion')}
            </AddItemButton>
            <Text fw={600} c={total === 100 ? 'teal' : 'red'} data-testid="weights-total">
              {t('selection.sets.weightsTotal', { total })}
            </Text>
          </Group>
          <ListError form={form} path="criteria" mt="xs" />
        </TitledCard>
        <TitledCard title={t('selection.sets.eligibility')}>
          <Stack>
            <Switch
              label={t('selection.sets.requireDiagnostic')}
              {...form.getInputProps('eligibility.requireCompletedDiagnostic', { type: 'checkbox' })}
            />
            <MultiSelect
              label={t('selection.sets.allowedStatuses')}
              data={optionsOf(organisationStatuses, (s) => t(`organisations.status.${s}`))}
              {...form.getInputProps('eligibility.allowedStatuses')}
            />
            <MultiSelect
              label={t('selection.sets.allowedTypes')}
              placeholder={
                form.values.eligibility.allowedTypes?.length ? undefined : t('selection.sets.allTypes')
              }
              data={optionsOf(organisationTypes, (s) => t(`organisations.type.${s}`))}
              {...form.getInputProps('eligibility.allowedTypes')}
            />
          </Stack>
        </TitledCard>
        <Group justify="flex-end">
          {set && (
            <Button variant="default" onClick={validateModal.open} disabled={form.isDirty()}>
              {t('selection.sets.validate')}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      {set && <ValidateModal set={set} opened={validateOpened} onClose={validateModal.close} />}
    </form>
  );
}

function ValidateModal({ set, opened, onClose }: { set: CriteriaSet; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const validate = useMutate('criteriaSets.validate');
  const form = useForm({
    initialValues: { id: set.id, validatedOn: null as unknown as string, validationReference: '' },
    validate: contractResolver(validateCriteriaSetInput),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => validate.mutateAsync(values),
    saved: t('selection.sets.validatedNotice'),
    onSaved: onClose,
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('selection.sets.validateTitle')}
      onSubmit={submit}
      pending={pending}
    >
      <DateField
        label={t('selection.sets.validatedOnField')}
        withAsterisk
        {...form.getInputProps('validatedOn')}
      />
      <TextInput
        label={t('selection.sets.reference')}
        withAsterisk
        {...form.getInputProps('validationReference')}
      />
    </FormModal>
  );
}

function ValidatedSet({ set }: { set: CriteriaSet }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const newVersion = useMutate('criteriaSets.newVersion');
  return (
    <Stack gap="md" maw={1000}>
      <BackToSets />
      <Group justify="space-between">
        <Title order={2}>
          {set.name} — {t('selection.sets.version', { version: set.version })}
        </Title>
        <Badge color="teal" variant="light" size="lg">
          {t('selection.sets.validated')}
        </Badge>
      </Group>
      <Alert icon={<IconLock size={18} />} color="teal" variant="light">
        <Text size="sm" fw={600}>
          {t('selection.sets.validatedOn', {
            date: formatDate(set.validatedOn),
            reference: set.validationReference,
          })}
        </Text>
        <Text size="sm">{t('selection.sets.lockedNotice')}</Text>
      </Alert>
      <TitledCard title={t('selection.sets.criteria')}>
        <DataTable
          label={t('selection.sets.criteria')}
          columns={[
            {
              id: 'name',
              header: t('selection.sets.criterion'),
              cell: (c) => (
                <Text span inherit fw={600}>
                  {c.name}
                </Text>
              ),
            },
            {
              id: 'description',
              header: t('selection.sets.description'),
              cell: (c) => c.description ?? t('common.none'),
            },
            { id: 'weight', header: t('selection.sets.weight'), align: 'right', cell: (c) => c.weight },
          ]}
          rows={set.criteria}
          verticalSpacing="xs"
        />
        <Text size="sm" c="dimmed" mt="sm">
          {t('common.labelValue', { label: t('selection.sets.scoreMax'), value: set.scoreMax })}
        </Text>
      </TitledCard>
      <TitledCard title={t('selection.sets.eligibility')}>
        <Stack gap={4}>
          {set.eligibility.requireCompletedDiagnostic && (
            <Text size="sm">• {t('selection.sets.requireDiagnostic')}</Text>
          )}
          <Text size="sm">
            •{' '}
            {t('common.labelValue', {
              label: t('selection.sets.allowedStatuses'),
              value: set.eligibility.allowedStatuses.map((s) => t(`organisations.status.${s}`)).join(', '),
            })}
          </Text>
          <Text size="sm">
            •{' '}
            {t('common.labelValue', {
              label: t('selection.sets.allowedTypes'),
              value: set.eligibility.allowedTypes.length
                ? set.eligibility.allowedTypes.map((s) => t(`organisations.type.${s}`)).join(', ')
                : t('selection.sets.allTypes'),
            })}
          </Text>
        </Stack>
      </TitledCard>
      <Group justify="flex-end">
        <Button
          loading={newVersion.isPending}
          onClick={() =>
            newVersion.mutate(
              { id: set.id },
              {
                onSuccess: (s) => {
                  notifySaved(t('selection.sets.newVersionNotice'));
                  navigate(`/selection/grilles/${s.id}`);
                },
                onError: (e) => showCallError(e),
              },
            )
          }
        >
          {t('selection.sets.newVersion')}
        </Button>
      </Group>
    </Stack>
  );
}
