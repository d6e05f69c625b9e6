import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Round } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { CandidatesCard } from './CandidatesCard';
import { ConclusionCard } from './ConclusionCard';
import { roundState } from './labels';
import { MembersCard } from './MembersCard';
import { ResultsCard } from './ResultsCard';
import { RoundModal } from './RoundModal';
import { ScoringCard } from './ScoringCard';
import { ExportMenu } from '../reports/ExportButtons';
import { BackLink } from '../components/BackLink';

export function RoundPage() {
  const { id = '' } = useParams();
  const query = useCall('rounds.get', { id });
  return <QueryState query={query}>{(round) => <RoundDetail round={round} />}</QueryState>;
}

function RoundDetail({ round }: { round: Round }) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure();
  const state = roundState(round);
  return (
    <Stack gap="md">
      <BackLink to="/selection">{t('selection.tabs.rounds')}</BackLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{round.title}</Title>
          <Text c="dimmed" size="sm">
            {formatDate(round.meetingOn)}
            {round.place ? ` · ${round.place}` : ''} · {round.criteriaSet.name} (
            {t('selection.sets.version', { version: round.criteriaSet.version })})
          </Text>
          <Group gap="xs" mt={6}>
            <Badge variant="light" color={state.color}>
              {t(`selection.rounds.status.${state.key}`)}
            </Badge>
            <Badge variant="light" color={round.quorumReached ? 'teal' : 'red'} data-testid="quorum">
              {t(round.quorumReached ? 'selection.rounds.quorumReached' : 'selection.rounds.quorumMissing', {
                present: round.presentScoringMembers,
                quorum: round.quorum,
              })}
            </Badge>
          </Group>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
            {t('common.edit')}
          </Button>
          <Button
            component={Link}
            to={`/selection/comites/${round.id}/pv`}
            leftSection={<IconFileText size={16} />}
          >
            {t('selection.rounds.minutes')}
          </Button>
          <ExportMenu
            items={[
              { label: t('reports.kinds.selection'), request: { kind: 'selection', roundId: round.id } },
              {
                label: t('reports.kinds.minutes'),
                request: { kind: 'minutes', roundId: round.id },
                formats: ['pdf'],
              },
            ]}
          />
        </Group>
      </Group>
      <MembersCard round={round} />
      <CandidatesCard round={round} />
      {round.candidates.length > 0 && <ScoringCard round={round} />}
      {round.candidates.length > 0 && <ResultsCard round={round} />}
      {round.candidates.length > 0 && (
        <ConclusionCard key={`${round.consensus}-${round.steeringValidatedOn}`} round={round} />
      )}
      {editing && <RoundModal round={round} opened onClose={edit.close} />}
    </Stack>
  );
}
