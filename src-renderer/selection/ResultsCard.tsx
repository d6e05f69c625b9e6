import { Badge, Button, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideInput, decisions, type CandidateResult, type Round } from '../../src-main/contract';
import { FormModal } from '../components/FormModal';
import { useInputForm } from '../components/forms';
import { formatNumber } from '../format';
import { decisionColor } from './labels';
import { optionsOf } from '../components/options';
import { TitledCard } from '../components/TitledCard';
import { LongTextField } from '../components/LongTextField';

export function ResultsCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<CandidateResult | null>(null);
  const memberName = (id: string) => round.members.find((m) => m.id === id)?.name ?? '';
  return (
    <TitledCard title={t('selection.results.title')}>
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="sm" data-testid="ranking">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('selection.results.rank')}</Table.Th>
              <Table.Th miw={220}>{t('selection.results.candidate')}</Table.Th>
              {round.criteriaSet.criteria.map((c) => (
                <Table.Th key={c.id} ta="right" fz="xs">
                  {c.name}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('selection.results.total')}</Table.Th>
              <Table.Th miw={260}>{t('selection.results.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.candidates.map((c) => (
              <Table.Tr key={c.id} data-testid={`rank-row-${c.organisationAcronym ?? c.organisationName}`}>
                <Table.Td>
                  <Text fw={700}>{c.rank ?? t('common.none')}</Text>
                  {c.tied && (
                    <Text size="xs" c="orange">
                      {t('selection.results.tie')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.organisationName}
                  </Text>
                  {!c.complete && (
                    <Text size="xs" c="red">
                      {t('selection.results.incomplete')}
                    </Text>
                  )}
                  {c.conflicts.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('selection.results.conflictsOf', {
                        names: c.conflicts.map((x) => memberName(x.memberId)).join(', '),
                      })}
                    </Text>
                  )}
                </Table.Td>
                {c.criteria.map((x) => (
                  <Table.Td key={x.criterionId} ta="right">
                    {x.mean === null ? t('common.none') : formatNumber(x.mean, 2)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700} data-testid="total">
                  {c.total === null ? t('common.none') : formatNumber(c.total, 2)}
                </Table.Td>
                <Table.Td>
                  {c.decision ? (
                    <Stack gap={2}>
                      <Badge color={decisionColor[c.decision]} variant="light">
                        {t(`selection.results.decisions.${c.decision}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {c.justification}
                      </Text>
                    </Stack>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setDeciding(c)}
                      aria-label={`${t('selection.results.decide')} — ${c.organisationName}`}
                    >
                      {t('selection.results.decide')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deciding && <DecisionModal round={round} candidate={deciding} onClose={() => setDeciding(null)} />}
    </TitledCard>
  );
}

function DecisionModal({
  round,
  candidate,
  onClose,
}: {
  round: Round;
  candidate: CandidateResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { form, submit, pending } = useInputForm(
    'rounds.decide',
    decideInput,
    { roundId: round.id, candidateId: candidate.id, decision: null as unknown as string, justification: '' },
    { saved: t('selection.results.decisionSaved'), onSaved: onClose },
  );
  return (
    <FormModal
      onClose={onClose}
      title={t('selection.results.decisionTitle', { name: candidate.organisationName })}
      onSubmit={submit}
      pending={pending}
    >
      <Select
        label={t('selection.results.decision')}
        withAsterisk
        data={optionsOf(decisions, (d) => t(`selection.results.decisions.${d}`))}
        {...form.getInputProps('decision')}
      />
      <LongTextField
        label={t('selection.results.justification')}
        withAsterisk
        minRows={3}
        {...form.getInputProps('justification')}
      />
    </FormModal>
  );
}
