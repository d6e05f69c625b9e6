import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '../../src-main/contract';
import { DocumentButton } from '../components/DocumentLink';
import { formatDate } from '../format';
import type { PathwayRef } from './labels';
import { Field } from './OriginCard';

const skillsColor = { not: 'red', partly: 'orange', fully: 'teal' } as const;

/** A follow-up done, as it was recorded, with its attachments to download. */
export function Report({ followUp: f, pathway }: { followUp: FollowUp; pathway: PathwayRef | null }) {
  const { t } = useTranslation();
  const text = (value: string | null) => value ?? t('results.followUp.notFilled');
  return (
    <Card withBorder data-testid="follow-up-report">
      <Title order={4} mb="sm">
        {t('results.followUp.record')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('results.followUp.doneOn')}>{formatDate(f.doneOn)}</Field>
          <Field label={t('results.followUp.method')}>
            {f.method ? t(`results.followUp.methods.${f.method}`) : t('common.none')}
          </Field>
          <Field label={t('results.followUp.skillsApplied')}>
            {f.skillsApplied && (
              <Badge color={skillsColor[f.skillsApplied]} variant="light" data-testid="skills-applied">
                {t(`results.followUp.skills.${f.skillsApplied}`)}
              </Badge>
            )}
          </Field>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('results.followUp.evidence')}>{text(f.evidence)}</Field>
          <Field label={t('results.followUp.obstacles')}>{text(f.obstacles)}</Field>
          <Field label={t('results.followUp.supportNeeded')}>{text(f.supportNeeded)}</Field>
          <Field label={t('results.followUp.changeObserved')}>{text(f.changeObserved)}</Field>
        </SimpleGrid>
        {f.coachingActionId && (
          <Alert color="teal" icon={<IconRoute />} p="sm">
            <Group justify="space-between">
              <Text size="sm">{t('results.followUp.coachingCreated')}</Text>
              {pathway && (
                <Anchor component={Link} to={`/parcours/${pathway.id}`} size="sm">
                  {t('results.followUp.openPathway')}
                </Anchor>
              )}
            </Group>
          </Alert>
        )}
        <div>
          <Text size="xs" c="dimmed" fw={500} mb={4}>
            {t('results.followUp.attachments')}
          </Text>
          {f.attachments.length === 0 ? (
            <Text size="sm">{t('results.followUp.noAttachment')}</Text>
          ) : (
            <Group gap="xs">
              {f.attachments.map((d) => (
                <DocumentButton
                  key={d.id}
                  document={d}
                  label={t('results.followUp.download', { name: d.name })}
                />
              ))}
            </Group>
          )}
        </div>
      </Stack>
    </Card>
  );
}
