import {
  Badge,
  Grid as Layout,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  diagnosticFields,
  diagnosticLevels,
  diagnosticMethods,
  type Diagnostic,
} from '../../src-main/contract';
import { ApiError } from '../api/client';
import { useMutate } from '../api/hooks';
import { ConfirmModal } from '../components/ConfirmModal';
import { DateField } from '../components/DateField';
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';
import { formatDate } from '../format';
import { translateIssue } from '../i18n';
import { HrPlanCard } from './HrPlanCard';
import { NeedsCard } from './NeedsCard';
import { ScoreGrid } from './ScoreGrid';
import { SummaryCard } from './SummaryCard';
import {
  emptyValues,
  fromDiagnostic,
  type DiagnosticFormType,
  type DiagnosticFormValues,
  type Grid,
} from './values';
import { statusColor } from './labels';
import { BackLink } from '../components/BackLink';
import { optionsOf } from '../components/options';
import { TitledCard } from '../components/TitledCard';
import { LongTextField } from '../components/LongTextField';

/** The message of a refused call, in the interface language when the core gave a key. */
function messageOf(error: Error) {
  const issue = error instanceof ApiError ? error.body.issues?.[0] : undefined;
  return issue ? translateIssue(issue.message, issue.params) : error.message;
}

export function DiagnosticForm({
  organisation,
  grid,
  diagnostic,
  refusal,
}: {
  organisation: { id: string; name: string };
  grid: Grid;
  diagnostic?: Diagnostic;
  /** Why completing failed right after the diagnostic was created. */
  refusal?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [removeOpened, removeModal] = useDisclosure();
  const form = useForm<DiagnosticFormValues>({
    mode: 'controlled',
    initialValues: diagnostic ? fromDiagnostic(diagnostic, grid) : emptyValues(grid),
    initialErrors: refusal ? { scores: refusal } : {},
    validate: contractResolver(diagnosticFields),
  });
  const create = useMutate('diagnostics.create');
  const update = useMutate('diagnostics.update');
  const complete = useMutate('diagnostics.complete');
  const remove = useMutate('diagnostics.remove');
  // Which button started the pending save, to show its spinner only.
  const [action, setAction] = useState<'draft' | 'complete'>('draft');
  const busy = create.isPending || update.isPending || complete.isPending;
  const title = diagnostic
    ? t('diagnostics.titleOn', { date: formatDate(diagnostic.conductedOn) })
    : t('diagnostics.new');

  useEffect(() => {
    document.title = `${title} — Parcours`;
  }, [title]);

  // A refusal passed along from the creation is shown once, not again after a reload.
  useEffect(() => {
    if (refusal) navigate('.', { replace: true, state: null });
  }, [refusal, navigate]);

  const open = (id: string, state?: { refusal: string }) =>
    navigate(`/diagnostics/${id}`, { replace: true, state });

  /** Creates or updates, then goes on with the saved diagnostic. */
  const save = (values: DiagnosticFormValues, next: (saved: Diagnostic) => void) => {
    const fields = diagnosticFields.parse(values);
    const onError = (e: Error) => showCallError(e, form, 'fields');
    if (diagnostic) {
      update.mutate(
        { id: diagnostic.id, fields },
        {
          onSuccess: (saved) => {
            form.resetDirty(values);
            next(saved);
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { organisationId: organisation.id, frameworkVersionId: grid.id, fields },
        { onSuccess: next, onError },
      );
    }
  };

  const saveDraft = form.onSubmit((values) => {
    setAction('draft');
    save(values, (saved) => {
      notifySaved(t(diagnostic ? 'diagnostics.notices.updated' : 'diagnostics.notices.created'));
      if (!diagnostic) open(saved.id);
    });
  }, showFormErrors);

  // The core refuses to complete while a criterion is unscored; its reason is shown beside the grid.
  const finish = form.onSubmit((values) => {
    setAction('complete');
    save(values, (saved) =>
      complete.mutate(
        { id: saved.id },
        {
          onSuccess: () => {
            notifySaved(t('diagnostics.notices.completed'));
            if (!diagnostic) open(saved.id);
          },
          onError: (e) => {
            if (diagnostic) showCallError(e, form, 'fields');
            else open(saved.id, { refusal: messageOf(e) });
          },
        },
      ),
    );
  }, showFormErrors);

  return (
    <form onSubmit={saveDraft} noValidate>
      <Stack gap="md">
        <BackLink to={`/organisations/${organisation.id}`}>{organisation.name}</BackLink>

        <div>
          <Title order={2}>{title}</Title>
          <Group gap="xs" mt={6}>
            {diagnostic && (
              <Badge color={statusColor[diagnostic.status]} variant="light" data-testid="diagnostic-status">
                {t(`diagnostics.status.${diagnostic.status}`)}
              </Badge>
            )}
            {diagnostic?.isBaseline && (
              <Badge color="indigo" variant="outline">
                {t('diagnostics.baseline')}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {t('diagnostics.form.grid', { version: grid.version, min: grid.scaleMin, max: grid.scaleMax })}
            </Text>
          </Group>
        </div>

        <Layout>
          <Layout.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <HeaderCard form={form} />
              <ScoreGrid grid={grid} form={form} />
              <NeedsCard grid={grid} form={form} />
              <HrPlanCard diagnostic={diagnostic} form={form} />
            </Stack>
          </Layout.Col>
          <Layout.Col span={{ base: 12, md: 4 }}>
            <div style={{ position: 'sticky', top: 76 }}>
              <SummaryCard
                grid={grid}
                form={form}
                diagnostic={diagnostic}
                saving={busy && action === 'draft'}
                completing={busy && action === 'complete'}
                onComplete={() => finish()}
                onRemove={removeModal.open}
              />
            </div>
          </Layout.Col>
        </Layout>
      </Stack>

      {diagnostic && (
        <ConfirmModal
          opened={removeOpened}
          title={t('diagnostics.remove.title')}
          text={t('diagnostics.remove.text', { date: formatDate(diagnostic.conductedOn) })}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          onClose={removeModal.close}
          // The deleted diagnostic can no longer be read, so this form may be gone when the
          // call settles: the promise, unlike `mutate`'s callbacks, still leads back to the organisation.
          onConfirm={() =>
            remove.mutateAsync({ id: diagnostic.id }).then(
              () => {
                notifySaved(t('diagnostics.notices.removed'));
                navigate(`/organisations/${organisation.id}`, { replace: true });
              },
              (e: Error) => showCallError(e),
            )
          }
        />
      )}
    </form>
  );
}

function HeaderCard({ form }: { form: DiagnosticFormType }) {
  const { t } = useTranslation();
  return (
    <TitledCard
      title={t('diagnostics.form.header')}
      component="section"
      aria-label={t('diagnostics.form.header')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('diagnostics.fields.conductedOn')}
          withAsterisk
          {...form.getInputProps('conductedOn')}
        />
        <TextInput
          label={t('diagnostics.fields.assessors')}
          description={t('diagnostics.fields.assessorsHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          withAsterisk
          {...form.getInputProps('assessors')}
        />
        <Select
          label={t('diagnostics.fields.method')}
          withAsterisk
          data={optionsOf(diagnosticMethods, (v) => t(`diagnostics.method.${v}`))}
          {...form.getInputProps('method')}
        />
        <Select
          label={t('diagnostics.fields.level')}
          withAsterisk
          data={optionsOf(diagnosticLevels, (v) => t(`diagnostics.level.${v}`))}
          {...form.getInputProps('level')}
        />
      </SimpleGrid>
      <LongTextField mt="sm" label={t('diagnostics.fields.notes')} {...form.getInputProps('notes')} />
    </TitledCard>
  );
}
