import { Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { showCallError } from '../components/forms';
import { QueryState } from '../components/QueryState';
import { statusColor } from '../organisations/labels';
import { EmptyLine } from '../components/EmptyState';
import { TitledCard } from '../components/TitledCard';
import { NewButton } from '../components/NewButton';

export function CandidatesCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure();
  const remove = useMutate('rounds.removeCandidate');
  return (
    <TitledCard
      title={t('selection.candidates.title')}
      aside={
        <NewButton size="xs" onClick={modal.open}>
          {t('selection.candidates.add')}
        </NewButton>
      }
    >
      {round.candidates.length === 0 ? (
        <EmptyLine>{t('selection.candidates.none')}</EmptyLine>
      ) : (
        <Group gap="xs">
          {round.candidates.map((c) => (
            <Badge
              key={c.id}
              size="lg"
              variant="light"
              color={statusColor[c.organisationStatus]}
              rightSection={
                !c.decision && (
                  <Text
                    component="button"
                    type="button"
                    size="xs"
                    c="red"
                    style={{ border: 0, background: 'none', cursor: 'pointer' }}
                    aria-label={`${t('selection.candidates.remove')} ${c.organisationName}`}
                    onClick={() =>
                      remove.mutate(
                        { roundId: round.id, candidateId: c.id },
                        { onError: (e) => showCallError(e) },
                      )
                    }
                  >
                    ×
                  </Text>
                )
              }
            >
              {c.organisationAcronym ?? c.organisationName}
            </Badge>
          ))}
        </Group>
      )}
      {opened && <EligibilityModal round={round} onClose={modal.close} />}
    </TitledCard>
  );
}

function EligibilityModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = useCall('rounds.eligibility', { roundId: round.id });
  const add = useMutate('rounds.addCandidate');
  return (
    <Modal opened onClose={onClose} title={t('selection.candidates.add')} size="lg" centered>
      <QueryState query={rows}>
        {(data) => {
          const eligible = data.filter((r) => r.eligible);
          const others = data.filter((r) => !r.eligible);
          return (
            <ScrollArea.Autosize mah={520}>
              <Stack>
                <Title order={5}>{t('selection.candidates.eligibleTitle')}</Title>
                {eligible.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('selection.candidates.noneEligible')}
                  </Text>
                )}
                <Table verticalSpacing={6}>
                  <Table.Tbody>
                    {eligible.map((r) => (
                      <Table.Tr key={r.organisationId}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {r.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {[r.acronym, t(`organisations.status.${r.status}`)].filter(Boolean).join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {r.alreadyCandidate ? (
                            <Badge variant="light">{t('selection.candidates.already')}</Badge>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={`${t('selection.candidates.addOne')} ${r.name}`}
                              onClick={() =>
                                add.mutate(
                                  { roundId: round.id, organisationId: r.organisationId },
                                  { onError: (e) => showCallError(e) },
                                )
                              }
                            >
                              {t('selection.candidates.addOne')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {others.length > 0 && (
                  <>
                    <Title order={5}>{t('selection.candidates.ineligibleTitle')}</Title>
                    <Table verticalSpacing={6}>
                      <Table.Tbody>
                        {others.map((r) => (
                          <Table.Tr key={r.organisationId}>
                            <Table.Td>
                              <Text size="sm" c="dimmed">
                                {r.name}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="xs" c="orange">
                                {r.reasons
                                  .map((reason) => t(reason as 'selection.reasons.status'))
                                  .join(', ')}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </>
                )}
              </Stack>
            </ScrollArea.Autosize>
          );
        }}
      </QueryState>
    </Modal>
  );
}
