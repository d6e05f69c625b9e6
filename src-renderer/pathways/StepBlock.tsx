import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { actionTypes } from '../../src-main/contract';
import { DateField } from '../components/DateField';
import { NumberField } from '../components/NumberField';
import { formatFcfa } from '../format';
import { newAction, stepBudget, type PlanValues } from './plan';
import { optionsOf } from '../components/options';

type Form = UseFormReturnType<PlanValues>;

function MoveButtons({
  label,
  canMoveUp,
  canMoveDown,
  onMove,
  onRemove,
}: {
  label: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={!canMoveUp}
        aria-label={t('pathways.steps.moveUp', { what: label })}
        onClick={() => onMove(-1)}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={!canMoveDown}
        aria-label={t('pathways.steps.moveDown', { what: label })}
        onClick={() => onMove(1)}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('pathways.steps.remove', { what: label })}
        onClick={onRemove}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** One step of the plan and its actions, edited in place. */
export function StepBlock({
  form,
  index,
  canMoveUp,
  canMoveDown,
}: {
  form: Form;
  index: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
}) {
  const { t } = useTranslation();
  const step = form.values.steps[index]!;
  const stepLabel = t('pathways.steps.stepN', { n: index + 1 });
  const path = `steps.${index}`;
  return (
    <Paper withBorder p="sm" role="group" aria-label={stepLabel} bg="gray.0">
      <Group gap="sm" wrap="nowrap" align="flex-start" mb="xs">
        <Text fw={700} size="sm" mt={8} style={{ whiteSpace: 'nowrap' }}>
          {stepLabel}
        </Text>
        <TextInput
          aria-label={t('pathways.steps.stepTitle')}
          placeholder={t(`pathways.steps.stepPlaceholder.${step.phase}`)}
          style={{ flex: 1 }}
          {...form.getInputProps(`${path}.title`)}
        />
        <Text size="sm" c="dimmed" mt={8} style={{ whiteSpace: 'nowrap' }}>
          {formatFcfa(stepBudget(step))}
        </Text>
        <MoveButtons
          label={stepLabel}
          canMoveUp={canMoveUp}
          canMoveDown={canMoveDown}
          onMove={(by) => form.reorderListItem('steps', { from: index, to: index + by })}
          onRemove={() => form.removeListItem('steps', index)}
        />
      </Group>
      {step.actions.length > 0 && (
        <Table.ScrollContainer minWidth={940}>
          <Table verticalSpacing={4} horizontalSpacing={6} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={24} />
                <Table.Th w={235}>{t('pathways.steps.fields.type')}</Table.Th>
                <Table.Th>{t('pathways.steps.fields.title')}</Table.Th>
                <Table.Th w={128}>{t('pathways.steps.fields.plannedStart')}</Table.Th>
                <Table.Th w={128}>{t('pathways.steps.fields.plannedEnd')}</Table.Th>
                <Table.Th w={150}>{t('pathways.steps.fields.budgetFcfa')}</Table.Th>
                <Table.Th w={96} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {step.actions.map((a, j) => (
                <ActionRow key={a.key} form={form} stepIndex={index} index={j} count={step.actions.length} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Button
        size="compact-xs"
        variant="subtle"
        mt={4}
        leftSection={<IconPlus size={12} />}
        onClick={() => form.insertListItem(`${path}.actions`, newAction())}
        aria-label={t('pathways.steps.addActionTo', { step: stepLabel })}
      >
        {t('pathways.steps.addAction')}
      </Button>
    </Paper>
  );
}

function ActionRow({
  form,
  stepIndex,
  index,
  count,
}: {
  form: Form;
  stepIndex: number;
  index: number;
  count: number;
}) {
  const { t } = useTranslation();
  const action = form.values.steps[stepIndex]!.actions[index]!;
  const list = `steps.${stepIndex}.actions`;
  const path = `${list}.${index}`;
  const n = index + 1;
  const field = (name: string) =>
    t('pathways.steps.actionField', {
      field: t(`pathways.steps.fields.${name}` as 'pathways.steps.fields.type'),
      n,
    });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="xs" c="dimmed" ta="right">
          {n}.
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={field('type')}
          placeholder={t('pathways.steps.typePlaceholder')}
          allowDeselect={false}
          data={optionsOf(actionTypes, (v) => t(`pathways.actionType.${v}`))}
          {...form.getInputProps(`${path}.type`)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={field('title')} {...form.getInputProps(`${path}.title`)} />
        {action.held > 0 && (
          <Tooltip label={t('pathways.steps.heldHint')}>
            <Badge size="xs" variant="light" color="teal" mt={4}>
              {t('pathways.steps.held', { count: action.held })}
            </Badge>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td>
        <DateField aria-label={field('plannedStart')} {...form.getInputProps(`${path}.plannedStart`)} />
      </Table.Td>
      <Table.Td>
        <DateField aria-label={field('plannedEnd')} {...form.getInputProps(`${path}.plannedEnd`)} />
      </Table.Td>
      <Table.Td>
        <NumberField
          aria-label={field('budgetFcfa')}
          amount
          hideControls
          rightSection={
            <Text size="xs" c="dimmed">
              F CFA
            </Text>
          }
          rightSectionWidth={52}
          {...form.getInputProps(`${path}.budgetFcfa`)}
        />
      </Table.Td>
      <Table.Td>
        <MoveButtons
          label={t('pathways.steps.actionN', { n })}
          canMoveUp={index > 0}
          canMoveDown={index < count - 1}
          onMove={(by) => form.reorderListItem(list, { from: index, to: index + by })}
          onRemove={() => form.removeListItem(list, index)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
