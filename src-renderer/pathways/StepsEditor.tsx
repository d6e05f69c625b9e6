import { Alert, Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phases, stepsInput, type Pathway } from '../../src-main/contract';
import { ApiError } from '../api/client';
import { useMutate } from '../api/hooks';
import { showCallError, useFormSubmit } from '../components/forms';
import { formatFcfa } from '../format';
import { phaseColor } from './labels';
import { periodResolver } from './period';
import {
  insertionIndex,
  newStep,
  planFromPathway,
  planInput,
  stepBudget,
  type Phase,
  type PlanValues,
} from './plan';
import { StepBlock } from './StepBlock';

/** The ordered plan of the pathway, before / during / after, saved in one go. */
export function StepsEditor({ pathway }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const save = useMutate('pathways.saveSteps');
  const [refusal, setRefusal] = useState<string | null>(null);
  const resolve = periodResolver(stepsInput);
  const form = useForm<PlanValues>({
    initialValues: planFromPathway(pathway),
    validate: (values) => resolve(planInput(pathway.id, values)),
  });
  const steps = form.values.steps;
  const total = steps.reduce((sum, s) => sum + stepBudget(s), 0);
  const dirty = form.isDirty();

  const addStep = (phase: Phase) =>
    form.insertListItem('steps', newStep(phase), insertionIndex(steps, phase));
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      setRefusal(null);
      return save.mutateAsync(planInput(pathway.id, values));
    },
    saved: t('pathways.steps.saved'),
    onSaved: (saved) => {
      const next = planFromPathway(saved);
      form.setInitialValues(next);
      form.setValues(next);
    },
    onError: (e) => {
      // A refusal of the whole plan (an action with sessions held) stays in view until the next save.
      if (e instanceof ApiError && !e.body.issues?.length) setRefusal(e.message);
      else showCallError(e, form);
    },
  });

  return (
    <Card withBorder component="section" aria-label={t('pathways.steps.title')}>
      <form onSubmit={submit} noValidate>
        <Group justify="space-between" mb="sm" align="flex-start">
          <div>
            <Title order={4}>{t('pathways.steps.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('pathways.steps.subtitle')}
            </Text>
          </div>
          <Group gap="xs">
            {dirty && (
              <Button variant="default" size="xs" onClick={() => (form.reset(), setRefusal(null))}>
                {t('pathways.steps.discard')}
              </Button>
            )}
            <Button
              type="submit"
              size="xs"
              leftSection={<IconDeviceFloppy size={14} />}
              disabled={!dirty}
              loading={pending}
            >
              {t('pathways.steps.save')}
            </Button>
          </Group>
        </Group>
        {refusal && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            mb="sm"
            role="alert"
            title={t('pathways.steps.refused')}
          >
            {refusal}
          </Alert>
        )}
        <Stack gap="lg">
          {phases.map((phase) => (
            <Stack key={phase} gap="sm" data-testid={`phase-${phase}`}>
              <Divider
                labelPosition="left"
                label={
                  <Group gap="xs">
                    <Badge color={phaseColor[phase]} variant="filled">
                      {t(`pathways.phase.${phase}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t(`pathways.phaseHint.${phase}`)}
                    </Text>
                  </Group>
                }
              />
              {steps.map((s, i) =>
                s.phase === phase ? (
                  <StepBlock
                    key={s.key}
                    form={form}
                    index={i}
                    canMoveUp={steps[i - 1]?.phase === phase}
                    canMoveDown={steps[i + 1]?.phase === phase}
                  />
                ) : null,
              )}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  color={phaseColor[phase]}
                  leftSection={<IconPlus size={14} />}
                  onClick={() => addStep(phase)}
                >
                  {t('pathways.steps.addStep', { phase: t(`pathways.phase.${phase}`).toLowerCase() })}
                </Button>
              </Group>
            </Stack>
          ))}
        </Stack>
        <Group justify="flex-end" mt="md" gap="xs">
          <Text size="sm" c="dimmed">
            {t('pathways.steps.total')}
          </Text>
          <Text size="sm" fw={600} data-testid="plan-total">
            {formatFcfa(total)}
          </Text>
        </Group>
      </form>
    </Card>
  );
}
