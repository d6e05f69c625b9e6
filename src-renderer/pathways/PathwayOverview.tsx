import { Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pathway } from '../../src-main/contract';
import { formatFcfa, formatShare } from '../format';
import { domainName, useOrganisationNeeds } from './needs';
import { Field } from '../components/Field';
import { FigureLine } from '../components/FigureLine';
import { TitledCard } from '../components/TitledCard';
import { EmptyLine } from '../components/EmptyState';

/** What the pathway answers: the diagnosed needs, the skills aimed at, the performance expected. */
export function ObjectivesCard({ pathway: p }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const { diagnostics } = useOrganisationNeeds(p.organisationId);
  const none = t('common.none');
  return (
    <TitledCard title={t('pathways.objectivesTitle')} h="100%">
      <Stack gap="md">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
            {t('pathways.fields.needs')}
          </Text>
          {p.needs.length === 0 ? (
            <EmptyLine>{t('pathways.noNeeds')}</EmptyLine>
          ) : (
            <Stack gap={6} data-testid="pathway-needs">
              {p.needs.map((n) => (
                <Group key={n.id} gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" color="indigo" style={{ flexShrink: 0, textTransform: 'none' }}>
                    {domainName(diagnostics, n.domainCode)}
                  </Badge>
                  <Text size="sm">{n.description}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('pathways.fields.targetSkills')}>{p.targetSkills ?? none}</Field>
          <Field label={t('pathways.fields.performanceObjective')}>{p.performanceObjective ?? none}</Field>
        </SimpleGrid>
      </Stack>
    </TitledCard>
  );
}

/** The planned budget against the actions' budgets and what the sessions held have cost, all from the core. */
export function BudgetCard({ pathway: p }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const share = (n: number) => (p.budgetFcfa > 0 ? n / p.budgetFcfa : 0);
  const over = p.plannedActionsBudgetFcfa - p.budgetFcfa;
  return (
    <TitledCard title={t('pathways.budget.title')} h="100%">
      <Stack gap="sm">
        <FigureLine
          size="sm"
          label={t('pathways.budget.planned')}
          value={formatFcfa(p.budgetFcfa)}
          testId="budget-planned"
        />
        <FigureLine
          size="sm"
          label={t('pathways.budget.actions')}
          hint={
            p.budgetFcfa > 0
              ? t('pathways.budget.ofBudget', { value: formatShare(share(p.plannedActionsBudgetFcfa)) })
              : undefined
          }
          value={formatFcfa(p.plannedActionsBudgetFcfa)}
          testId="budget-actions"
        />
        <FigureLine
          size="sm"
          label={t('pathways.budget.spent')}
          hint={t('pathways.budget.spentHint')}
          value={formatFcfa(p.spentFcfa)}
          testId="budget-spent"
        />
        <FigureLine
          size="sm"
          label={t('pathways.budget.remaining')}
          value={formatFcfa(p.budgetFcfa - p.spentFcfa)}
          testId="budget-remaining"
        />
        <Progress.Root size="lg" role="group" aria-label={t('pathways.budget.progress')}>
          <Progress.Section
            value={Math.min(100, share(p.spentFcfa) * 100)}
            color="teal"
            aria-label={t('pathways.budget.legendSpent')}
          />
          <Progress.Section
            value={Math.max(0, Math.min(100, share(p.plannedActionsBudgetFcfa - p.spentFcfa) * 100))}
            color="blue.2"
            aria-label={t('pathways.budget.legendPlanned')}
          />
        </Progress.Root>
        <Group gap="md">
          <Legend color="var(--mantine-color-teal-6)" label={t('pathways.budget.legendSpent')} />
          <Legend color="var(--mantine-color-blue-2)" label={t('pathways.budget.legendPlanned')} />
        </Group>
        {over > 0 && (
          <Text size="sm" c="orange" role="status">
            {t('pathways.budget.over', { amount: formatFcfa(over) })}
          </Text>
        )}
      </Stack>
    </TitledCard>
  );
}

export function Legend({ color, label, border }: { color: string; label: string; border?: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span
        style={{
          display: 'inline-block',
          width: 14,
          height: 10,
          borderRadius: 2,
          background: color,
          border: border ? `1px solid ${border}` : undefined,
        }}
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
