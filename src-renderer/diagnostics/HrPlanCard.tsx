import { Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrPlanRatings, type Diagnostic } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { formatDate } from '../format';
import { DocumentLink } from '../components/DocumentLink';
import { useDocumentUpload } from '../components/useDocumentUpload';
import { UploadButton, UploadNote } from '../components/UploadButton';
import type { DiagnosticFormType } from './values';
import { optionsOf } from '../components/options';
import { TitledCard } from '../components/TitledCard';
import { LongTextField } from '../components/LongTextField';

/** The HR development plan (a document, once the diagnostic is saved) and the committee's rating of it. */
export function HrPlanCard({ diagnostic, form }: { diagnostic?: Diagnostic; form: DiagnosticFormType }) {
  const { t } = useTranslation();
  return (
    <TitledCard
      title={t('diagnostics.hrPlan.title')}
      component="section"
      aria-label={t('diagnostics.hrPlan.title')}
    >
      <Stack gap="md">
        {diagnostic ? (
          <HrPlanDocument diagnostic={diagnostic} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('diagnostics.hrPlan.saveFirst')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('diagnostics.hrPlan.rating')}
            clearable
            data={optionsOf(hrPlanRatings, (v) => t(`diagnostics.hrPlanRating.${v}`))}
            {...form.getInputProps('hrPlanRating')}
          />
          <LongTextField
            label={t('diagnostics.hrPlan.comment')}
            minRows={1}
            {...form.getInputProps('hrPlanComment')}
          />
        </SimpleGrid>
      </Stack>
    </TitledCard>
  );
}

function HrPlanDocument({ diagnostic }: { diagnostic: Diagnostic }) {
  const { t } = useTranslation();
  const attach = useMutate('diagnostics.attachHrPlan');
  const plan = diagnostic.hrPlan;

  const upload = useDocumentUpload(
    (document) => attach.mutateAsync({ id: diagnostic.id, document }),
    t('diagnostics.hrPlan.attached'),
  );

  return (
    <div>
      <Group justify="space-between" wrap="nowrap">
        {plan ? (
          <DocumentLink
            document={plan}
            title={t('diagnostics.hrPlan.download')}
            added={t('diagnostics.hrPlan.addedOn', { date: formatDate(plan.createdAt) })}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('diagnostics.hrPlan.noFile')}
          </Text>
        )}
        <UploadButton upload={upload}>
          {plan ? t('diagnostics.hrPlan.replace') : t('diagnostics.hrPlan.attach')}
        </UploadButton>
      </Group>
      <UploadNote upload={upload} hint={t('diagnostics.hrPlan.maxSize')} mt={6} />
    </div>
  );
}
