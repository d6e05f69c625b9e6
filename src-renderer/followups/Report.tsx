import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { DocumentButton } from '../components/DocumentLink';
import { formatDate } from '../format';
import type { PathwayRef } from './labels';
import { Field } from '../components/Field';
import { TitledCard } from '../components/TitledCard';

const skillsColor = { not: 'red', partly: 'orange', fully: 'teal' } as const;

/** A follow-up done, as it was recorded, with its attachments to download. */
export function Report({ followUp: f, pathway }: { followUp: FollowUp; pathway: PathwayRef | null }) {
  const { t } = useTranslation();
  const text = (value: string | null) => value ?? t('followups.followUp.notFilled');
  return (
    <TitledCard title={t('followups.followUp.record')} data-testid="follow-up-report">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('followups.followUp.doneOn')}>{formatDate(f.doneOn)}</Field>
          <Field label={t('followups.followUp.method')}>
            {f.method ? t(`followups.followUp.methods.${f.method}`) : t('common.none')}
          </Field>
          <Field label={t('followups.followUp.skillsApplied')}>
            {f.skillsApplied && (
              <Badge color={skillsColor[f.skillsApplied]} variant="light" data-testid="skills-applied">
                {t(`followups.followUp.skills.${f.skillsApplied}`)}
              </Badge>
            )}
          </Field>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('followups.followUp.evidence')}>{text(f.evidence)}</Field>
          <Field label={t('followups.followUp.obstacles')}>{text(f.obstacles)}</Field>
          <Field label={t('followups.followUp.supportNeeded')}>{text(f.supportNeeded)}</Field>
          <Field label={t('followups.followUp.changeObserved')}>{text(f.changeObserved)}</Field>
        </SimpleGrid>
        {f.coachingActionId && (
          <Alert color="teal" icon={<IconRoute />} p="sm">
            <Group justify="space-between">
              <Text size="sm">{t('followups.followUp.coachingCreated')}</Text>
              {pathway && (
                <Anchor component={Link} to={`/parcours/${pathway.id}`} size="sm">
                  {t('followups.followUp.openPathway')}
                </Anchor>
              )}
            </Group>
          </Alert>
        )}
        <div>
          <Text size="xs" c="dimmed" fw={500} mb={4}>
            {t('followups.followUp.attachments')}
          </Text>
          {f.attachments.length === 0 ? (
            <Text size="sm">{t('followups.followUp.noAttachment')}</Text>
          ) : (
            <Group gap="xs">
              {f.attachments.map((d) => (
                <DocumentButton
                  key={d.id}
                  document={d}
                  label={t('followups.followUp.download', { name: d.name })}
                />
              ))}
            </Group>
          )}
        </div>
      </Stack>
    </TitledCard>
  );
}
