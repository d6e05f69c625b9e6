import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  criterionScore,
  recordScoresInput,
  type CandidateResult,
  type RecordScoresInput,
  type Round,
} from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { contractResolver, fieldError, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';

/** One member at a time scores every candidate on every criterion (or declares a conflict of interest). */
export function ScoringCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const scorers = round.members.filter((m) => m.scores);
  const [memberId, setMemberId] = useState<string | null>(scorers[0]?.id ?? null);
  const member = scorers.find((m) => m.id === memberId) ?? scorers[0];
  return (
    <Card withBorder>
      <Title order={4} mb={4}>
        {t('selection.scoring.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('selection.scoring.hint', { max: round.criteriaSet.scoreMax })}
      </Text>
      {!member ? (
        <Text size="sm" c="dimmed">
          {t('selection.scoring.noScoringMember')}
        </Text>
      ) : (
        <>
          <Group mb="sm" gap="sm">
            <Text size="sm" fw={500}>
              {t('selection.scoring.member')}
            </Text>
            <SegmentedControl
              aria-label={t('selection.scoring.member')}
              value={member.id}
              onChange={setMemberId}
              data={scorers.map((m) => ({ value: m.id, label: m.name }))}
            />
          </Group>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" data-testid="scoring-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('selection.results.candidate')}</Table.Th>
                  {round.criteriaSet.criteria.map((c) => (
                    <Table.Th key={c.id} ta="center">
                      {c.name}
                      <Text size="xs" c="dimmed">
                        {t('selection.sets.weight')} {c.weight}
                      </Text>
                    </Table.Th>
                  ))}
                  <Table.Th>{t('selection.scoring.conflict')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {round.candidates.map((c) => (
                  <ScoreRow key={`${member.id}-${c.id}`} round={round} memberId={member.id} candidate={c} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}

type ScoreValues = {
  conflictOfInterest: boolean;
  conflictReason: string;
  /** In the grid's order, as the cells: the core's `scores.<i>.score` issues land on their cell. */
  scores: { criterionId: string; score: number | string }[];
};

const resolveScores = contractResolver(recordScoresInput);

function ScoreRow({
  round,
  memberId,
  candidate,
}: {
  round: Round;
  memberId: string;
  candidate: CandidateResult;
}) {
  const { t } = useTranslation();
  const record = useMutate('rounds.recordScores');
  const existingConflict = candidate.conflicts.find((c) => c.memberId === memberId);
  const { criteria, scoreMax } = round.criteriaSet;
  const onScale = criterionScore.max(scoreMax, { error: 'errors.scoreOutOfScale' });
  const toInput = (values: ScoreValues): RecordScoresInput => ({
    roundId: round.id,
    memberId,
    candidateId: candidate.id,
    conflictOfInterest: values.conflictOfInterest,
    conflictReason: values.conflictOfInterest ? values.conflictReason : null,
    scores: values.conflictOfInterest
      ? []
      : values.scores.map(({ criterionId, score }) => ({
          criterionId,
          // A text that is not a number yet goes to the schema as it is, to be refused.
          score: score === '' ? null : (score as number),
        })),
  });
  const form = useForm<ScoreValues>({
    mode: 'controlled',
    initialValues: {
      conflictOfInterest: Boolean(existingConflict),
      conflictReason: existingConflict?.reason ?? '',
      scores: criteria.map((c) => ({
        criterionId: c.id,
        score:
          candidate.criteria.find((x) => x.criterionId === c.id)?.scores.find((s) => s.memberId === memberId)
            ?.score ?? '',
      })),
    },
    validate: (values) => {
      const errors = resolveScores(toInput(values));
      if (!values.conflictOfInterest)
        values.scores.forEach(({ score }, i) => {
          const error = score === '' ? undefined : fieldError(onScale, score);
          if (error) errors[`scores.${i}.score`] ??= error;
        });
      return errors;
    },
  });
  const conflict = form.values.conflictOfInterest;
  const name = candidate.organisationAcronym ?? candidate.organisationName;
  const locked = Boolean(candidate.decision);
  const { submit: save, pending } = useFormSubmit(form, {
    send: (values) => record.mutateAsync(toInput(values)),
    saved: t('selection.scoring.saved'),
  });
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td fw={600}>{name}</Table.Td>
      {criteria.map((c, i) => (
        <Table.Td key={c.id}>
          <NumberField
            aria-label={`${name} — ${c.name}`}
            min={0}
            max={scoreMax}
            disabled={conflict || locked}
            w={80}
            mx="auto"
            {...form.getInputProps(`scores.${i}.score`)}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Checkbox
          aria-label={`${t('selection.scoring.conflict')} — ${name}`}
          disabled={locked}
          {...form.getInputProps('conflictOfInterest', { type: 'checkbox' })}
        />
        {conflict && (
          <TextInput
            mt={4}
            size="xs"
            placeholder={t('selection.scoring.conflictReason')}
            aria-label={`${t('selection.scoring.conflictReason')} — ${name}`}
            disabled={locked}
            {...form.getInputProps('conflictReason')}
          />
        )}
      </Table.Td>
      <Table.Td>
        {locked ? (
          <Badge variant="light" color="gray">
            {t('selection.scoring.decided')}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="light"
            onClick={() => save()}
            loading={pending}
            aria-label={`${t('selection.scoring.save')} — ${name}`}
          >
            {t('selection.scoring.save')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
