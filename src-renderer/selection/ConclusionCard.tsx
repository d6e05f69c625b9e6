import { Button, Group, Radio, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { concludeRoundInput, type Round } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { DateField } from '../components/DateField';
import { contractResolver, useFormSubmit } from '../components/forms';
import { TitledCard } from '../components/TitledCard';

/** Consensus or referral to the steering committee, then the steering committee's validation of the list. */
export function ConclusionCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const conclude = useMutate('rounds.conclude');
  const form = useForm({
    initialValues: {
      id: round.id,
      consensus: round.consensus === null ? '' : String(round.consensus),
      steeringValidatedOn: round.steeringValidatedOn,
      steeringReference: round.steeringReference ?? '',
    },
    validate: (values) =>
      contractResolver(concludeRoundInput)({
        ...values,
        consensus: values.consensus === '' ? undefined : values.consensus === 'true',
      }),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: (values) =>
      conclude.mutateAsync(concludeRoundInput.parse({ ...values, consensus: values.consensus === 'true' })),
    saved: t('selection.conclusion.saved'),
  });
  return (
    <TitledCard title={t('selection.conclusion.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Radio.Group {...form.getInputProps('consensus')}>
            <Stack gap="xs">
              <Radio value="true" label={t('selection.conclusion.consensus')} />
              <Radio value="false" label={t('selection.conclusion.noConsensus')} />
            </Stack>
          </Radio.Group>
          <Title order={5}>{t('selection.conclusion.steeringTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('selection.conclusion.steeringOn')}
              {...form.getInputProps('steeringValidatedOn')}
            />
            <TextInput
              label={t('selection.conclusion.steeringReference')}
              {...form.getInputProps('steeringReference')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              {t('selection.conclusion.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </TitledCard>
  );
}
