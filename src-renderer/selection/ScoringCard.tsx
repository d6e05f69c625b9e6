import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateResult, Round } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { notifySaved, showCallError } from '../components/forms';

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
  const [conflict, setConflict] = useState(Boolean(existingConflict));
  const [reason, setReason] = useState(existingConflict?.reason ?? '');
  const [scores, setScores] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(
      candidate.criteria.map((c) => [
        c.criterionId,
        c.scores.find((s) => s.memberId === memberId)?.score ?? '',
      ]),
    ),
  );
  const name = candidate.organisationAcronym ?? candidate.organisationName;
  const locked = Boolean(candidate.decision);
  const save = () =>
    record.mutate(
      {
        roundId: round.id,
        memberId,
        candidateId: candidate.id,
        conflictOfInterest: conflict,
        conflictReason: conflict ? reason : null,
        scores: conflict
          ? []
          : Object.entries(scores).map(([criterionId, score]) => ({
              criterionId,
              score: score === '' ? null : Number(score),
            })),
      },
      { onSuccess: () => notifySaved(t('selection.scoring.saved')), onError: (e) => showCallError(e) },
    );
  return (
    <Table.Tr>
      <Table.Td fw={600}>{name}</Table.Td>
      {round.criteriaSet.criteria.map((c) => (
        <Table.Td key={c.id}>
          <NumberInput
            aria-label={`${name} — ${c.name}`}
            min={0}
            max={round.criteriaSet.scoreMax}
            allowDecimal={false}
            clampBehavior="strict"
            disabled={conflict || locked}
            value={scores[c.id] ?? ''}
            onChange={(v) => setScores((prev) => ({ ...prev, [c.id]: v === '' ? '' : Number(v) }))}
            w={80}
            mx="auto"
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Checkbox
          aria-label={`${t('selection.scoring.conflict')} — ${name}`}
          checked={conflict}
          disabled={locked}
          onChange={(e) => setConflict(e.currentTarget.checked)}
        />
        {conflict && (
          <TextInput
            mt={4}
            size="xs"
            placeholder={t('selection.scoring.conflictReason')}
            aria-label={`${t('selection.scoring.conflictReason')} — ${name}`}
            value={reason}
            disabled={locked}
            onChange={(e) => setReason(e.currentTarget.value)}
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
            onClick={save}
            loading={record.isPending}
            aria-label={`${t('selection.scoring.save')} — ${name}`}
          >
            {t('selection.scoring.save')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
